import Foundation
import Testing

@testable import WeirCore

/// Sweep and run latency over many cached predictions (issue 7's benchmark). Not a timed test:
/// it runs only with WEIR_BENCH=1 and prints its figures; build with `-c release` for real ones.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["WEIR_BENCH"] == "1", "set WEIR_BENCH=1"))
struct ReplBenchmarkTests {
  /// Synthetic detector output: `regions` regions over inputs of 10, cat or dog, uniform confidence.
  struct SyntheticSource: ReplModelSource {
    var regions: Int

    func knownInputs(of workflow: Workflow, at path: String) async -> Result<[InputItem]?, ModelError> {
      .success((0..<(regions / 10)).map { InputItem(id: "img\($0).jpg") })
    }

    func fingerprint(of node: WorkflowNode, in workflow: Workflow, at path: String) -> String {
      "synthetic-\(regions)"
    }

    func outputs(of node: WorkflowNode, in workflow: Workflow, at path: String, for inputs: [InputItem]) async
      -> [Result<DataRecord, ModelError>]
    {
      var state: UInt64 = 0x9E37_79B9_7F4A_7C15
      func next() -> Double {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Double(state >> 11) / Double(1 << 53)
      }
      return inputs.map { input in
        .success(
          DataRecord(
            regions: (0..<10).map { r in
              let concept = next() < 0.5 ? "cat" : "dog"
              return Region(
                id: "\(input.id)-\(r)",
                boundingBox: BoundingBox(topRow: 0.1, leftCol: 0.1, bottomRow: 0.5, rightCol: 0.5),
                concepts: [Concept(id: concept, value: next())])
            }))
      }
    }
  }

  func session(regions: Int) async throws -> ReplSession {
    let dir = try ReplFixtures.scratch(["pets.yaml"])
    let clock: @Sendable () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
    let session = ReplSession(
      environment: ReplEnvironment(
        currentDirectory: dir.path, clock: clock, models: SyntheticSource(regions: regions)))
    let start = clock()
    let loaded = await session.handle("load pets.yaml")
    print(
      "load of \(regions) regions: \(String(format: "%.0f", (clock() - start) * 1000)) ms — \(loaded.text.split(separator: "\n")[0])"
    )
    return session
  }

  @Test func sweepOverAMillionRegions() async throws {
    let session = try await session(regions: 1_000_000)
    for _ in 0..<3 {
      let r = await session.handle("sweep accept 0.5..0.975 step 0.025")
      guard case .sweep(let s) = r.payload else { return #expect(Bool(false)) }
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
      guard case .run(let report) = r.payload else { return #expect(Bool(false)) }
      print(
        "run after set on \(report.predictions) predictions: \(String(format: "%.1f", report.elapsed * 1000)) ms"
      )
    }
  }
}
