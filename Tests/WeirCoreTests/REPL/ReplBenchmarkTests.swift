import Foundation
import Testing

@testable import WeirCore
@testable import WeirREPL

/// Sweep and run latency over many cached predictions (issue 7's benchmark). Not a timed test:
/// it runs only with WEIR_BENCH=1 and prints its figures. The release figures come from the
/// binary: `make bench-repl` (Documentation/REPL.md, "Speed").
@Suite(.enabled(if: ProcessInfo.processInfo.environment["WEIR_BENCH"] == "1", "set WEIR_BENCH=1"))
struct ReplBenchmarkTests {
  /// A session over `regions` synthetic regions (10 per image), replayed from weir JSON lines.
  func session(regions: Int) async throws -> ReplSession {
    let dir = try ReplFixtures.scratch(["pets.yaml"])
    let predictions = SyntheticPredictions(
      images: regions / 10, regionsPerImage: 10, concepts: ["cat", "dog"])
    try predictions.jsonLines().write(
      to: dir.appendingPathComponent("pets.jsonl"), atomically: true, encoding: .utf8)
    let clock: @Sendable () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
    let session = ReplSession(environment: ReplEnvironment(currentDirectory: dir.path, clock: clock))
    let start = clock()
    let loaded = await session.handle("load pets.yaml")
    print(
      "load of \(regions) regions: \(Int((clock() - start) * 1000)) ms — \(loaded.text.split(separator: "\n")[0])"
    )
    return session
  }

  @Test func sweepOverAMillionRegions() async throws {
    let session = try await session(regions: 1_000_000)
    for _ in 0..<3 {
      let r = await session.handle("sweep accept 0.5..0.975 step 0.025")
      guard case .sweep(let s) = r.payload else { return #expect(Bool(false), "\(r.text)") }
      print(
        "sweep of \(s.points.count) values over \(s.predictions) predictions: \(String(format: "%.1f", s.elapsed * 1000)) ms"
      )
    }
  }

  @Test func runAfterSetOnAHundredThousandRegions() async throws {
    let session = try await session(regions: 100_000)
    _ = await session.handle("run")
    for value in ["0.9", "0.8", "0.85"] {
      _ = await session.handle("set accept = \(value)")
      let r = await session.handle("run")
      guard case .run(let report) = r.payload else { return #expect(Bool(false), "\(r.text)") }
      print(
        "run after set on \(report.predictions) predictions: \(String(format: "%.1f", report.elapsed * 1000)) ms"
      )
    }
  }
}
