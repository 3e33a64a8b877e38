import ArgumentParser
import Foundation
import WeirCore
import WeirDriver
import WeirModels
import WeirStore

/// `weir bench`: the synthetic benchmark of Design.md §8 — the reference workflow over generated
/// predictions, timing the replay loader, the interpreter alone, and the run end to end — and
/// `weir bench vision`, the built-in detector on real photos, and `weir bench check`, the check
/// beside a bare libyaml parse (`BenchCheckCommand`).
struct BenchCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Benchmark the runtime on synthetic predictions, the built-in detector, or weir check.",
    subcommands: [
      BenchRun.self, BenchGenerate.self, BenchVision.self, BenchCheckCommand.self, BenchLSPCommand.self,
    ],
    defaultSubcommand: BenchRun.self)
}

/// Options shared by the bench subcommands: the shape of the synthetic data.
struct SyntheticOptions: ParsableArguments {
  @Option(help: "Number of images.") var images = 10_000
  @Option(help: "Regions per image.") var regions = 10
  @Option(help: "Concepts per region (cat, dog, …).") var conceptsPerRegion = 1
  @Option(help: "Seed of the generator: the same seed gives the same file.") var seed: UInt64 = 1

  var generator: SyntheticPredictions {
    SyntheticPredictions(
      images: images, regionsPerImage: regions, concepts: ["cat", "dog"],
      conceptsPerRegion: conceptsPerRegion, seed: seed)
  }
}

/// `weir bench gen -o FILE`: writes synthetic predictions as weir JSON lines.
struct BenchGenerate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gen", abstract: "Write deterministic synthetic predictions (weir JSON lines).")

  @OptionGroup var synthetic: SyntheticOptions
  @Option(name: .shortAndLong, help: "Where to write them.") var output: String

  func run() throws {
    try OutputTarget.inspect(output).write(Array(synthetic.generator.jsonLines().utf8))
  }
}

/// `weir bench run`: times the pieces and prints the figures.
struct BenchRun: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run", abstract: "Run the benchmark and print figures.")

  @OptionGroup var synthetic: SyntheticOptions
  @Option(help: "Batches in flight.") var jobs = ProcessInfo.processInfo.activeProcessorCount
  @Option(help: "Times to repeat the interpreter-only pass (the best is shown).") var repeats = 3

  func run() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("weir-bench-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let gen = synthetic.generator
    let bytes = try generate(gen, into: folder.appendingPathComponent("predictions.jsonl"))
    // The figure is what loading, interpreting and storing take, not the generator's own text.
    ProcessMemory.resetPeak()
    let plan = try BenchReference.plan(folder: folder.path)
    let load = try await interpreterOnly(plan, gen, bytes: bytes)
    try await endToEnd(plan, gen, store: folder.appendingPathComponent("bench.db").path, load: load)
    if let peak = ProcessMemory.peakResident { print(row("peak memory", nil, mb(Double(peak)))) }
  }

  private var clock: ContinuousClock { ContinuousClock() }

  /// Writes the synthetic predictions; returns their size in bytes.
  private func generate(_ gen: SyntheticPredictions, into file: URL) throws -> Double {
    let t = clock.now
    let data = Data(gen.jsonLines().utf8)
    try data.write(to: file)
    print(
      row(
        "generate", clock.now - t,
        "\(gen.images) images × \(gen.regionsPerImage) regions, \(mb(Double(data.count)))"))
    return Double(data.count)
  }

  /// Loads the predictions, then runs the reference workflow over them `repeats` times with no
  /// store; prints the best. Returns the load time.
  private func interpreterOnly(_ plan: ExecutionPlan, _ gen: SyntheticPredictions, bytes: Double) async throws
    -> Duration
  {
    let regions = Double(gen.images * gen.regionsPerImage)
    var t = clock.now
    let backends = try Self.backends(plan)
    let load = clock.now - t
    print(
      row("load replay", load, "\(mb(bytes / load.seconds))/s, \(rate(regions / load.seconds)) regions/s"))
    let inputs = (backends.first as? ReplayBackend)?.inputs ?? []
    for columnar in [true, false] {
      let interpreter = Interpreter(plan: plan, backends: backends, columnar: columnar)
      var best = Duration.seconds(1_000_000)
      var bestCPU = Double.infinity
      var annotations = 0.0
      for _ in 0..<max(1, repeats) {
        t = clock.now
        let cpu = ProcessCPU.seconds
        let report = try await Runner(interpreter: interpreter, options: RunOptions(jobs: jobs))
          .run(inputs, info: BenchReference.info(), store: nil)
        best = min(best, clock.now - t)
        bestCPU = min(bestCPU, ProcessCPU.seconds - cpu)
        annotations = Double(report.summary.annotations)
      }
      let perSecond =
        "\(rate(Double(gen.images) / best.seconds)) inputs/s, \(rate(regions / best.seconds)) regions/s"
      // The column evaluator is the interpreter `weir run` uses; the record-by-record one is the
      // reference it is tested against, shown for comparison.
      let evaluator =
        columnar ? (interpreter.recordByRecordReason.map { "records: \($0)" } ?? "columns") : "records"
      print(
        row(
          columnar ? "interpreter" : "  by records", best,
          perSecond + ", \(rate(annotations / best.seconds)) annotations/s (\(evaluator), jobs \(jobs))"))
      print(
        row(
          "  per CPU-s", nil,
          "\(rate(regions / bestCPU)) regions per CPU-second (\(String(format: "%.3f", bestCPU)) s of CPU)"))
    }
    return load
  }

  /// Load, interpret and write every annotation to a fresh SQLite store, as `weir run` does.
  private func endToEnd(
    _ plan: ExecutionPlan, _ gen: SyntheticPredictions, store path: String, load: Duration
  ) async throws {
    let regions = Double(gen.images * gen.regionsPerImage)
    let t = clock.now
    let cpu = ProcessCPU.seconds
    let backends = try Self.backends(plan)
    let store = try SQLiteAnnotationStore(path: path)
    let report = try await Runner(
      interpreter: Interpreter(plan: plan, backends: backends), options: RunOptions(jobs: jobs)
    )
    .run((backends.first as? ReplayBackend)?.inputs ?? [], info: BenchReference.info(), store: store)
    let total = clock.now - t
    let written = Double(report.summary.annotations)
    let perSecond =
      "\(rate(Double(gen.images) / total.seconds)) inputs/s, \(rate(regions / total.seconds)) regions/s"
    print(
      row("end to end", total, perSecond + ", \(rate(written / total.seconds)) annotations/s into SQLite"))
    let split = String(
      format: "store %.3f s, interpreter %.3f s (summed over batches), load %.3f s; %.3f s of CPU",
      report.storeSeconds, report.interpreterSeconds, load.seconds, ProcessCPU.seconds - cpu)
    print(row("  split", nil, split))
  }

  /// The plan's backends, built as `weir run` builds them.
  private static func backends(_ plan: ExecutionPlan) throws -> [any ModelBackend] {
    do {
      return try RunBackends.make(plan, allowExec: false, recorder: nil)
    } catch {
      throw ValidationError("cannot load the synthetic predictions: \(error)")
    }
  }

  private func row(_ what: String, _ d: Duration?, _ detail: String) -> String {
    let time = d.map { String(format: "%8.3f s", $0.seconds) } ?? String(repeating: " ", count: 10)
    return what.padding(toLength: 14, withPad: " ", startingAt: 0) + time + "  " + detail
  }

  private func mb(_ bytes: Double) -> String { String(format: "%.1f MB", bytes / 1_048_576) }

  private func rate(_ x: Double) -> String {
    x >= 1_000_000
      ? String(format: "%.2fM", x / 1_000_000)
      : x >= 1000 ? String(format: "%.0fk", x / 1000) : String(format: "%.0f", x)
  }
}

extension Duration {
  var seconds: Double {
    let c = components
    return Double(c.seconds) + Double(c.attoseconds) * 1e-18
  }
}
