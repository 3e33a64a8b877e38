import ArgumentParser
import Foundation
import WeirCore

/// The reference workflow of Design.md §1, as the benchmark runs it: parsed, checked and planned
/// like any workflow file, its model replaying the synthetic predictions.
enum BenchReference {
  static let workflow = """
    weir: 1
    workflow: auto-annotation
    vars: {accept: 0.95, review: 0.50}
    models:
      pets:
        type: visual-detector
        concepts: [cat, dog]
        backend: {replay: predictions.jsonl}
    nodes:
      detect: {model: pets}
      sure:
        type: region-thresholder
        input: detect
        params: {concept_threshold_type: GREATER_THAN, concepts: {cat: $accept, dog: $accept}}
      write-sure:
        type: annotation-writer
        input: sure
        params: {annotation_status: ANNOTATION_SUCCESS, annotation_user_id: bot, task_id: pets}
      unsure:
        type: region-thresholder
        input: detect
        params: {concept_threshold_type: LESS_THAN_OR_EQUAL, concepts: {cat: $accept, dog: $accept}}
      plausible:
        type: region-thresholder
        input: unsure
        params: {concept_threshold_type: GREATER_THAN, concepts: {cat: $review, dog: $review}}
      write-review:
        type: annotation-writer
        input: plausible
        params: {annotation_status: ANNOTATION_AWAITING_REVIEW, annotation_user_id: bot, task_id: pets}
    """

  /// The plan, with `predictions.jsonl` looked up in `folder`.
  static func plan(folder: String) throws -> ExecutionPlan {
    let file = SourceFile(path: "<bench>", text: workflow)
    let outcome = Frontend.check(file)
    guard let checked = outcome.checked, !outcome.hasErrors else {
      throw ValidationError("internal error: the reference workflow does not check: \(outcome.diagnostics)")
    }
    let (plan, diagnostics) = Planner().plan(checked, baseDirectory: folder)
    guard let plan else { throw ValidationError("internal error: the reference plan failed: \(diagnostics)") }
    return plan
  }

  static func info() -> RunInfo {
    RunInfo(
      id: "bench-\(UUID().uuidString.lowercased())", workflowId: "auto-annotation", workflowHash: "bench",
      workflowPath: "<bench>", vars: [:], startedAt: Date())
  }
}
