import ArgumentParser
import Foundation
import WeirCore

/// The reference workflow of DESIGN.md §1, as the benchmark runs it.
enum BenchReference {
  static func nodes() -> [PlanNodeSpec] {
    let thresholds = { (t: Double) -> JSONValue in .object(["cat": .number(t), "dog": .number(t)]) }
    func writer(_ status: String) -> [PlanParam] {
      [
        PlanParam("annotation_status", .string(status)), PlanParam("annotation_user_id", .string("bot")),
        PlanParam("task_id", .string("pets")),
      ]
    }
    func threshold(_ comparator: String, _ t: Double) -> [PlanParam] {
      [PlanParam("concept_threshold_type", .string(comparator)), PlanParam("concepts", thresholds(t))]
    }
    let model = ModelSpec(name: "pets", type: "visual-detector", concepts: ["cat", "dog"])
    return [
      PlanNodeSpec(id: "detect", type: "visual-detector", kind: .model(model)),
      PlanNodeSpec(
        id: "sure", type: "region-thresholder", kind: .operator, inputs: ["detect"],
        params: threshold("GREATER_THAN", 0.95)),
      PlanNodeSpec(
        id: "write-sure", type: "annotation-writer", kind: .operator, inputs: ["sure"],
        params: writer("ANNOTATION_SUCCESS")),
      PlanNodeSpec(
        id: "unsure", type: "region-thresholder", kind: .operator, inputs: ["detect"],
        params: threshold("LESS_THAN_OR_EQUAL", 0.95)),
      PlanNodeSpec(
        id: "plausible", type: "region-thresholder", kind: .operator, inputs: ["unsure"],
        params: threshold("GREATER_THAN", 0.5)),
      PlanNodeSpec(
        id: "write-review", type: "annotation-writer", kind: .operator, inputs: ["plausible"],
        params: writer("ANNOTATION_AWAITING_REVIEW")),
    ]
  }

  static func plan() throws -> ExecutionPlan {
    let (plan, diagnostics) = Planner().plan(workflowId: "auto-annotation", nodes: nodes())
    guard let plan else { throw ValidationError("internal error: the reference plan failed: \(diagnostics)") }
    return plan
  }

  static func info() -> RunInfo {
    RunInfo(
      id: "bench-\(UUID().uuidString.lowercased())", workflowId: "auto-annotation", workflowHash: "bench",
      workflowPath: "<bench>", vars: [:], startedAt: Date())
  }
}
