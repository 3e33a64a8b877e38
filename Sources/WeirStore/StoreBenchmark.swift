import Foundation
import WeirCore

/// Annotations per second into a real SQLite file (issue 5's store benchmark).
///
/// Outcomes are generated before the clock starts; the timed part is `record` for every outcome
/// plus `finishRun` (the last batch and the WAL checkpoint). It runs twice: into a fresh file, then
/// again over the same inputs (a re-run, which replaces each input's rows).
public enum StoreBenchmark {
  public static func run(annotations: Int, regionsPerInput: Int = 10, batchSize: Int = 256) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "weir-store-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("bench.db").path
    let generator = SyntheticOutcomes(
      inputs: max(1, annotations / max(1, regionsPerInput)), regionsPerInput: regionsPerInput)
    let store = try SQLiteAnnotationStore(path: path, options: .init(batchSize: batchSize))
    var lines = [
      "store benchmark: \(generator.inputs) inputs × \(regionsPerInput) regions, \(batchSize) outcomes per transaction"
    ]
    for (pass, name) in [(1, "fresh"), (2, "re-run")] {
      let runId = "bench-\(pass)"
      let outcomes = (0..<generator.inputs).map { generator.outcome($0, runId: runId) }
      let (start, cpuStart) = (DispatchTime.now().uptimeNanoseconds, cpuSeconds())
      try store.beginRun(generator.runInfo(id: runId))
      for outcome in outcomes { try store.record(outcome) }
      try store.finishRun(id: runId, status: .completed, endedAt: Date(), summary: nil)
      let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
      let cpu = cpuSeconds() - cpuStart
      let written = Double(generator.inputs * regionsPerInput)
      lines.append(
        String(
          format: "  \(name): %.0f annotations in %.3f s = %.0f annotations/s (%.0f inputs/s); "
            + "CPU %.3f s = %.0f annotations per CPU-second", written, seconds, written / seconds,
          Double(generator.inputs) / seconds, cpu, written / cpu))
    }
    let rows = try store.count()
    let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    lines.append("  rows after both runs: \(rows); database file \(bytes / 1_048_576) MiB")
    return lines.joined(separator: "\n") + "\n"
  }
}

/// User plus system CPU time of this process: on a shared machine, wall time says more about the
/// neighbours than about the store.
func cpuSeconds() -> Double {
  var usage = rusage()
  #if os(Linux)
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
  #else
    getrusage(RUSAGE_SELF, &usage)
  #endif
  func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
  return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}
