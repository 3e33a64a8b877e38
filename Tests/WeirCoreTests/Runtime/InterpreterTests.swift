import Foundation
import Testing

@testable import WeirCore

/// A backend that counts calls, can fail chosen inputs, and answers with one region per input.
final class CountingBackend: ModelBackend, @unchecked Sendable {
  let maxBatchSize: Int
  let failing: Set<String>
  private let lock = NSLock()
  private(set) var batches: [[String]] = []

  init(maxBatchSize: Int = 3, failing: Set<String> = []) {
    self.maxBatchSize = maxBatchSize
    self.failing = failing
  }

  var calls: Int {
    lock.lock()
    defer { lock.unlock() }
    return batches.count
  }

  func predict(_ requests: [ModelRequest]) async -> [Result<DataRecord, ModelError>] {
    lock.withLock { batches.append(requests.map(\.input.id)) }
    return requests.map { r in
      if failing.contains(r.input.id) { return .failure(ModelError("connection refused")) }
      return .success(
        DataRecord(regions: [Region(id: "r-\(r.input.id)", concepts: [Concept(id: "cat", value: 0.97)])]))
    }
  }
}

@Suite struct InterpreterTests {
  typealias S = RuntimeTestSupport

  static func info(_ id: String = "run-1") -> RunInfo {
    RunInfo(
      id: id, workflowId: "auto-annotation", workflowHash: "h", workflowPath: "wf.yaml", vars: [:],
      startedAt: Date())
  }

  /// Expected annotations of the reference workflow, counted straight from the predictions.
  static func expectedCounts(_ gen: SyntheticPredictions) -> (success: Int, review: Int) {
    var success = 0
    var review = 0
    gen.forEach { _, record in
      for region in record.regions {
        for c in region.concepts {
          if c.value > 0.95 { success += 1 } else if c.value > 0.5 { review += 1 }
        }
      }
    }
    return (success, review)
  }

  static func syntheticBackend(_ gen: SyntheticPredictions) -> ReplayBackend {
    var data = ReplayData(source: "synthetic", format: .weirLines)
    gen.forEach { data.add($0, .success($1)) }
    return ReplayBackend(data: data)
  }

  @Test(arguments: [1, 2, 4])
  func referenceWorkflowWritesExactlyTheExpectedAnnotations(jobs: Int) async throws {
    let gen = SyntheticPredictions(
      images: 300, regionsPerImage: 10, concepts: ["cat", "dog"], conceptsPerRegion: 2, seed: 3)
    let backend = Self.syntheticBackend(gen)
    let interpreter = Interpreter(plan: try S.referencePlan(), backends: [backend])
    let store = MemoryAnnotationStore()
    let report = try await Runner(interpreter: interpreter, options: RunOptions(jobs: jobs, batchSize: 7))
      .run(backend.inputs, info: Self.info(), store: store)
    let expected = Self.expectedCounts(gen)
    #expect(expected.success > 0 && expected.review > 0)
    #expect(report.summary.inputs == 300)
    #expect(report.summary.failures.isEmpty)
    #expect(report.summary.modelRegions == 3000)
    #expect(report.summary.writers.map(\.nodeId) == ["write-sure", "write-review"])
    #expect(report.summary.writers[0].byStatus == [24150: expected.success])
    #expect(report.summary.writers[1].byStatus == [24157: expected.review])
    #expect(store.rows.count == expected.success + expected.review)
    #expect(
      store.rows.values.filter { $0.status == 24150 }.allSatisfy {
        $0.confidence > 0.95 && $0.nodeId == "write-sure"
      })
    #expect(
      store.rows.values.filter { $0.status == 24157 }.allSatisfy {
        (0.5...0.95).contains($0.confidence) && $0.confidence != 0.5
      })
    #expect(store.runs["run-1"] == .completed)
    let perConcept = Dictionary(uniqueKeysWithValues: report.summary.concepts.map { ($0.concept, $0.total) })
    #expect(perConcept.values.reduce(0, +) == expected.success + expected.review)
  }

  @Test func oneFailingInputDoesNotStopTheOthers() async throws {
    let backend = CountingBackend(maxBatchSize: 3, failing: ["b"])
    let interpreter = Interpreter(plan: try S.referencePlan(), backends: [backend])
    let store = MemoryAnnotationStore()
    let inputs = ["a", "b", "c", "d", "e"].map { InputItem(id: $0) }
    let report = try await Runner(interpreter: interpreter, options: RunOptions(jobs: 2))
      .run(inputs, info: Self.info(), store: store)
    #expect(report.summary.failures.map(\.input.id) == ["b"])
    #expect(report.summary.failures[0].error == InputError(node: "detect", message: "connection refused"))
    #expect(Set(store.rows.values.map(\.inputId)) == ["a", "c", "d", "e"])
    #expect(store.failedInputs["b"]?.node == "detect")
    #expect(store.runs["run-1"] == .failed)
  }

  @Test func modelCallsAreBatchedAcrossInputsAndCached() async throws {
    let backend = CountingBackend(maxBatchSize: 3)
    let cache = ModelCache()
    let interpreter = Interpreter(plan: try S.referencePlan(), backends: [backend], cache: cache)
    let inputs = (0..<10).map { InputItem(id: "i\($0)") }
    #expect(interpreter.defaultBatchSize == 3)
    _ = try await Runner(interpreter: interpreter, options: RunOptions(jobs: 2)).run(
      inputs, info: Self.info(), store: nil)
    #expect(backend.calls == 4)
    #expect(backend.batches.allSatisfy { $0.count <= 3 })
    #expect(Set(backend.batches.flatMap { $0 }).count == 10)
    #expect(cache.count == 10)
    // A second run of the same inputs asks the model nothing.
    let report = try await Runner(interpreter: interpreter, options: RunOptions(jobs: 2)).run(
      inputs, info: Self.info("run-2"), store: nil)
    #expect(backend.calls == 4)
    #expect(report.summary.annotations == 10)
  }

  @Test func resultsComeBackInInputOrderWithEveryOutputWhenKept() async throws {
    let gen = SyntheticPredictions(images: 40, regionsPerImage: 3, seed: 9)
    let backend = Self.syntheticBackend(gen)
    let interpreter = Interpreter(plan: try S.referencePlan(), backends: [backend])
    var seen: [String] = []
    var outputs: [[DataRecord?]] = []
    _ = try await Runner(
      interpreter: interpreter, options: RunOptions(jobs: 3, batchSize: 4, keepOutputs: true)
    )
    .run(backend.inputs, info: Self.info(), store: nil) { results in
      seen += results.map(\.input.id)
      outputs += results.map(\.outputs)
    }
    #expect(seen == backend.inputs.map(\.id))
    #expect(outputs.allSatisfy { $0.count == 6 && $0.allSatisfy { $0 != nil } })
    // The writer passes its input through.
    #expect(outputs.allSatisfy { $0[2] == $0[1] && $0[5] == $0[4] })
  }

  @Test func aStoreFailureStopsTheRunKeepingWhatWasWritten() async throws {
    let backend = CountingBackend(maxBatchSize: 2)
    let interpreter = Interpreter(plan: try S.referencePlan(), backends: [backend])
    let store = MemoryAnnotationStore()
    store.failAfter = 4
    let inputs = (0..<10).map { InputItem(id: "i\($0)") }
    await #expect(throws: RunFailure.self) {
      try await Runner(interpreter: interpreter, options: RunOptions(jobs: 1)).run(
        inputs, info: Self.info(), store: store)
    }
    do {
      _ = try await Runner(interpreter: interpreter, options: RunOptions(jobs: 1)).run(
        inputs, info: Self.info("run-2"), store: store)
    } catch {
      #expect(error.message == "cannot write to the store: database is locked")
    }
    #expect(store.rows.count == 4)
    #expect(store.runs["run-1"] == .failed)
  }

  @Test func operatorFailuresAndDroppedDataPoints() async throws {
    struct Picky: Operator {
      func apply(_ data: DataRecord, _ context: OperatorContext, _ annotations: inout [AnnotationRecord])
        throws -> DataRecord?
      {
        if context.input.id == "bad" { throw OperatorError("cannot handle this one") }
        return data
      }
    }
    var registry = OperatorRegistry.standard
    registry.register("picky") { _ in Picky() }
    let nodes = [
      PlanNodeSpec(
        id: "classify", type: "visual-classifier",
        kind: .model(ModelSpec(name: "m", type: "visual-classifier"))),
      PlanNodeSpec(
        id: "sure", type: "concept-thresholder", kind: .operator, inputs: ["classify"],
        params: [PlanParam("concepts", .object(["cat": .number(0.9)]))]),
      PlanNodeSpec(id: "check", type: "picky", kind: .operator, inputs: ["sure"]),
      PlanNodeSpec(id: "write", type: "annotation-writer", kind: .operator, inputs: ["check"]),
    ]
    let plan = try #require(Planner(registry: registry).plan(workflowId: "wf", nodes: nodes).0)
    var data = ReplayData(source: "mem", format: .weirLines)
    data.add(InputItem(id: "good"), .success(DataRecord(concepts: [Concept(id: "cat", value: 0.95)])))
    data.add(InputItem(id: "low"), .success(DataRecord(concepts: [Concept(id: "cat", value: 0.2)])))
    data.add(InputItem(id: "bad"), .success(DataRecord(concepts: [Concept(id: "cat", value: 0.99)])))
    let results = await Interpreter(plan: plan, backends: [ReplayBackend(data: data)])
      .run(batch: data.inputs, keepOutputs: true)
    #expect(results.map(\.annotations.count) == [1, 0, 0])
    #expect(results[0].annotations.first?.regionId == "")
    // Below the threshold: removed from the branch, the nodes after it do not run.
    #expect(results[1].error == nil && results[1].outputs[1] == nil && results[1].outputs[3] == nil)
    #expect(results[2].error == InputError(node: "check", message: "cannot handle this one"))
  }
}
