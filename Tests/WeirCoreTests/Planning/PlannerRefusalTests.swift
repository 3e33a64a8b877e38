import Testing

@testable import WeirCore

/// What `weir check` reports of the planner (`Planner.refusals`) is what planning the same checked
/// workflow refuses, though the check builds no plan and no runtime operator. (Planning stops at a
/// node-level refusal, such as a model scope it cannot run, before it builds operators; the check
/// reports those and the operators' refusals together.)
@Suite struct PlannerRefusalTests {
  func checked(_ text: String) throws -> CheckedWorkflow {
    let workflow = try #require(WorkflowParser.parse(SourceFile(path: "t.yaml", text: text)).workflow)
    return TypeChecker().check(workflow).0
  }

  @Test func refusalsAreWhatPlanningRefuses() throws {
    let workflow = try checked(
      """
      weir: 1
      models:
        det: {type: visual-detector, backend: {replay: p.json}}
      nodes:
        detect: {model: det}
        isolate: {type: isolation-operator, input: detect}
        sample: {type: random-sample, input: detect}
        sure: {type: region-thresholder, input: detect, params: {concepts: {cat: 0.9}}}
        write: {type: annotation-writer, input: sure, params: {annotation_status: ANNOTATION_SUCCESS}}
      """)
    let refusals = Planner().refusals(workflow)
    let (plan, planned) = Planner().plan(workflow, baseDirectory: ".")
    #expect(plan == nil)
    #expect(refusals.sortedUnique() == planned.sortedUnique())
    #expect(refusals.sortedUnique().map(\.id) == ["plan.unsupported-node", "plan.bad-parameter"])
    #expect(
      refusals.sortedUnique().map(\.message) == [
        "node 'isolate' has type 'isolation-operator', which weir cannot run yet",
        "node 'sample': random-sample needs 'keep_fraction'",
      ])
  }

  @Test func aRunnableWorkflowHasNoRefusals() throws {
    let workflow = try checked(
      """
      weir: 1
      models:
        det: {type: visual-detector, backend: {replay: p.json}}
      nodes:
        detect: {model: det}
        sample: {type: random-sample, input: detect, params: {keep_fraction: 0.5}}
        sure: {type: region-thresholder, input: sample, params: {concepts: {cat: 0.9}}}
        write: {type: annotation-writer, input: sure, params: {annotation_status: ANNOTATION_SUCCESS}}
      """)
    #expect(Planner().refusals(workflow).isEmpty)
    #expect(Planner().plan(workflow, baseDirectory: ".").0 != nil)
  }
}
