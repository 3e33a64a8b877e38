import Foundation
import WeirTestSupport

@testable import WeirCore

/// Paths and small helpers for the runtime and planning tests.
enum RuntimeTestSupport {
  static func fixture(_ area: String, _ name: String) -> String {
    Repository.root.appendingPathComponent("Tests/Fixtures/\(area)/\(name)").path
  }

  /// A fresh temporary folder, removed by the caller with `cleanUp`.
  static func temporaryFolder(_ label: String = "weir-runtime") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  static func write(_ text: String, to url: URL) throws {
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  static func context(_ input: String = "img.jpg", node: String = "node") -> OperatorContext {
    OperatorContext(workflowId: "wf", nodeId: node, input: InputItem(id: input))
  }

  static func region(_ id: String, _ concepts: [(String, Double)], box: BoundingBox? = nil) -> Region {
    Region(id: id, boundingBox: box, concepts: concepts.map { Concept(id: $0.0, value: $0.1) })
  }

  /// The reference workflow (Design.md §1) as planner input, with a backend of the caller's choice.
  static func referenceNodes(accept: Double = 0.95, review: Double = 0.5, backend: BackendConfig? = nil)
    -> [PlanNodeSpec]
  {
    let thresholds = { (t: Double) -> JSONValue in .object(["cat": .number(t), "dog": .number(t)]) }
    let model = ModelSpec(name: "pets", type: "visual-detector", concepts: ["cat", "dog"], backend: backend)
    return [
      PlanNodeSpec(id: "detect", type: "visual-detector", kind: .model(model)),
      PlanNodeSpec(
        id: "sure", type: "region-thresholder", kind: .operator, inputs: ["detect"],
        params: [
          PlanParam("concept_threshold_type", .string("GREATER_THAN")),
          PlanParam("concepts", thresholds(accept), vars: ["accept"]),
        ]),
      PlanNodeSpec(
        id: "write-sure", type: "annotation-writer", kind: .operator, inputs: ["sure"],
        params: [
          PlanParam("annotation_status", .string("ANNOTATION_SUCCESS")),
          PlanParam("annotation_user_id", .string("bot")),
          PlanParam("task_id", .string("pets")),
        ]),
      PlanNodeSpec(
        id: "unsure", type: "region-thresholder", kind: .operator, inputs: ["detect"],
        params: [
          PlanParam("concept_threshold_type", .string("LESS_THAN_OR_EQUAL")),
          PlanParam("concepts", thresholds(accept), vars: ["accept"]),
        ]),
      PlanNodeSpec(
        id: "plausible", type: "region-thresholder", kind: .operator, inputs: ["unsure"],
        params: [
          PlanParam("concept_threshold_type", .string("GREATER_THAN")),
          PlanParam("concepts", thresholds(review), vars: ["review"]),
        ]),
      PlanNodeSpec(
        id: "write-review", type: "annotation-writer", kind: .operator, inputs: ["plausible"],
        params: [
          PlanParam("annotation_status", .string("ANNOTATION_AWAITING_REVIEW")),
          PlanParam("annotation_user_id", .string("bot")), PlanParam("task_id", .string("pets")),
        ]),
    ]
  }

  static func referencePlan(accept: Double = 0.95, review: Double = 0.5) throws -> ExecutionPlan {
    let (plan, diagnostics) = Planner().plan(
      workflowId: "auto-annotation", nodes: referenceNodes(accept: accept, review: review),
      vars: [
        PlanVar(name: "accept", value: .number(accept)), PlanVar(name: "review", value: .number(review)),
      ])
    guard let plan else { throw TestFailure("reference plan failed: \(diagnostics)") }
    return plan
  }
}

struct TestFailure: Error, CustomStringConvertible {
  var description: String
  init(_ d: String) { description = d }
}

/// An annotation store in memory, keyed as the real one is, for interpreter tests that do not need
/// SQLite.
final class MemoryAnnotationStore: AnnotationStore, @unchecked Sendable {
  struct Key: Hashable {
    var workflow, node, input, region, concept: String
  }

  private let lock = NSLock()
  private(set) var rows: [Key: AnnotationRecord] = [:]
  private(set) var runs: [String: RunStatus] = [:]
  private(set) var failedInputs: [String: InputError] = [:]
  var failAfter: Int? = nil
  private var recorded = 0

  func beginRun(_ run: RunInfo) throws {
    lock.lock()
    defer { lock.unlock() }
    runs[run.id] = .running
  }

  func record(_ outcome: InputOutcome) throws {
    lock.lock()
    defer { lock.unlock() }
    if let failAfter, recorded >= failAfter { throw TestFailure("database is locked") }
    recorded += 1
    if let e = outcome.error {
      failedInputs[outcome.input.id] = e
    } else {
      failedInputs[outcome.input.id] = nil
    }
    for a in outcome.annotations {
      rows[
        Key(
          workflow: a.workflowId, node: a.nodeId, input: a.inputId, region: a.regionId, concept: a.conceptId)] =
        a
    }
  }

  func flush() throws {}

  func finishRun(id: String, status: RunStatus, endedAt: Date, summary: String?) throws {
    lock.lock()
    defer { lock.unlock() }
    runs[id] = status
  }
}
