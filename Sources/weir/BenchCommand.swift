import ArgumentParser
import Foundation
import WeirCore
import WeirStore

/// `weir bench`: the synthetic benchmark of DESIGN.md §8 — the reference workflow over generated
/// predictions, timing the replay loader, the interpreter alone, and the run end to end.
struct BenchCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench", abstract: "Benchmark the runtime on synthetic predictions.",
    subcommands: [BenchRun.self, BenchGenerate.self], defaultSubcommand: BenchRun.self)
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
    try Data(synthetic.generator.jsonLines().utf8).write(to: URL(fileURLWithPath: output))
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
    let clock = ContinuousClock()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("weir-bench-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("predictions.jsonl")
    let gen = synthetic.generator
    let regions = Double(gen.images * gen.regionsPerImage)

    var t = clock.now
    let text = gen.jsonLines()
    try Data(text.utf8).write(to: file)
    let bytes = Double(text.utf8.count)
    print(
      row("generate", clock.now - t, "\(gen.images) images × \(gen.regionsPerImage) regions, \(mb(bytes))"))

    let plan = try BenchReference.plan(folder: folder.path)
    t = clock.now
    let backend = try Self.backends(plan)
    let load = clock.now - t
    print(
      row("load replay", load, "\(mb(bytes / load.seconds))/s, \(rate(regions / load.seconds)) regions/s"))

    let interpreter = Interpreter(plan: plan, backends: backend)
    let inputs = (backend.first as? ReplayBackend)?.inputs ?? []
    var best = Duration.seconds(1_000_000)
    var bestCPU = Double.infinity
    var report: RunReport?
    for _ in 0..<max(1, repeats) {
      t = clock.now
      let cpu = ProcessCPU.seconds
      report = try await Runner(interpreter: interpreter, options: RunOptions(jobs: jobs))
        .run(inputs, info: BenchReference.info(), store: nil)
      best = min(best, clock.now - t)
      bestCPU = min(bestCPU, ProcessCPU.seconds - cpu)
    }
    let annotations = Double(report?.summary.annotations ?? 0)
    print(
      row(
        "interpreter", best,
        "\(rate(Double(gen.images) / best.seconds)) inputs/s, \(rate(regions / best.seconds)) regions/s, \(rate(annotations / best.seconds)) annotations/s (jobs \(jobs))"
      ))
    print(
      row(
        "  per CPU-s", nil,
        "\(rate(regions / bestCPU)) regions per CPU-second (\(String(format: "%.3f", bestCPU)) s of CPU)"))
    // End to end: load, interpret, write every annotation to a fresh SQLite store.
    let storePath = folder.appendingPathComponent("bench.db").path
    t = clock.now
    let cpu = ProcessCPU.seconds
    let fresh = try Self.backends(plan)
    let store = try SQLiteAnnotationStore(path: storePath)
    let full = try await Runner(
      interpreter: Interpreter(plan: plan, backends: fresh), options: RunOptions(jobs: jobs)
    )
    .run((fresh.first as? ReplayBackend)?.inputs ?? [], info: BenchReference.info(), store: store)
    let total = clock.now - t
    let written = Double(full.summary.annotations)
    print(
      row(
        "end to end", total,
        "\(rate(Double(gen.images) / total.seconds)) inputs/s, \(rate(regions / total.seconds)) regions/s, \(rate(written / total.seconds)) annotations/s into SQLite"
      ))
    print(
      row(
        "  split", nil,
        String(
          format: "store %.3f s, interpreter %.3f s (summed over batches), load %.3f s; %.3f s of CPU",
          full.storeSeconds, full.interpreterSeconds, load.seconds, ProcessCPU.seconds - cpu)))
    if let peak = ProcessMemory.peakResident { print(row("peak memory", nil, mb(Double(peak)))) }
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
