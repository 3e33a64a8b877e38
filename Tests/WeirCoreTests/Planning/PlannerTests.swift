import Testing

@testable import WeirCore

@Suite struct PlannerTests {
  typealias S = RuntimeTestSupport

  @Test func referenceWorkflowOrderBranchesAndLiveness() throws {
    let plan = try S.referencePlan()
    #expect(
      plan.steps.map(\.nodeId) == ["detect", "sure", "write-sure", "unsure", "plausible", "write-review"])
    #expect(plan.steps.map(\.branch) == [1, 2, 2, 3, 3, 3])
    #expect(plan.steps.map(\.branchFrom) == [nil, 0, 0, 0, 0, 0])
    #expect(plan.steps.map(\.readers) == [[1, 3], [2], [], [4], [5], []])
    #expect(plan.steps.allSatisfy { $0.isLive })
    #expect(plan.steps.map(\.isMaterialized) == [true, true, false, true, true, false])
    #expect(plan.models.map(\.name) == ["pets"])
    #expect(plan.models[0].nodes == ["detect"])
    #expect(plan.writers.map(\.nodeId) == ["write-sure", "write-review"])
  }

  @Test func dependencyOrderFollowsSourceOrderAmongReadyNodes() throws {
    // Written out of order: the writer before its thresholder before the detector.
    let nodes = [
      PlanNodeSpec(id: "w", type: "annotation-writer", kind: .operator, inputs: ["t"]),
      PlanNodeSpec(id: "t", type: "region-thresholder", kind: .operator, inputs: ["d"]),
      PlanNodeSpec(
        id: "d", type: "visual-detector", kind: .model(ModelSpec(name: "m", type: "visual-detector"))),
      PlanNodeSpec(id: "leaf", type: "region-thresholder", kind: .operator, inputs: ["d"]),
    ]
    let (plan, diagnostics) = Planner().plan(workflowId: "wf", nodes: nodes)
    #expect(diagnostics.isEmpty)
    #expect(plan?.steps.map(\.nodeId) == ["d", "t", "w", "leaf"])
    // A thresholder nothing reads, with no writer after it, does not run.
    #expect(plan?.steps.map(\.isLive) == [true, true, true, false])
  }

  @Test func sameModelOnSameDataIsOneCall() throws {
    let m = ModelSpec(name: "m", type: "visual-detector")
    let same = ModelSpec(name: "m", type: "visual-detector")
    let nodes = [
      PlanNodeSpec(id: "a", type: "visual-detector", kind: .model(m)),
      PlanNodeSpec(id: "b", type: "visual-detector", kind: .model(same)),
      PlanNodeSpec(id: "wa", type: "annotation-writer", kind: .operator, inputs: ["a"]),
      PlanNodeSpec(id: "wb", type: "annotation-writer", kind: .operator, inputs: ["b"]),
    ]
    let (plan, _) = Planner().plan(workflowId: "wf", nodes: nodes)
    let p = try #require(plan)
    #expect(p.models.count == 1)
    #expect(p.models[0].nodes == ["a", "b"])
    guard case .reuse(0) = p.steps[1].action else {
      Issue.record("b should reuse a's call")
      return
    }
    #expect(p.steps[0].readers == [1, 2])
  }

  /// A node weir cannot run in the middle of a graph: one error, and the node reading it is skipped
  /// (the planner used to crash looking up the refused node's step).
  @Test func aRefusedNodeInTheMiddleIsOneErrorNotACrash() {
    let nodes = [
      PlanNodeSpec(
        id: "d", type: "visual-detector", kind: .model(ModelSpec(name: "m", type: "visual-detector"))),
      PlanNodeSpec(id: "isolate", type: "isolation-operator", kind: .operator, inputs: ["d"]),
      PlanNodeSpec(
        id: "write", type: "annotation-writer", kind: .operator, inputs: ["isolate"],
        params: [PlanParam("annotation_status", .string("ANNOTATION_SUCCESS"))]),
    ]
    let (plan, diagnostics) = Planner().plan(workflowId: "wf", nodes: nodes)
    #expect(plan == nil)
    #expect(diagnostics.map(\.id) == ["plan.unsupported-node"])
    #expect(
      diagnostics.first?.message == "node 'isolate' has type 'isolation-operator', which weir cannot run yet")
  }

  @Test func unsupportedNodeAndBadParametersAreErrorsAtPlanTime() {
    let nodes = [
      PlanNodeSpec(
        id: "d", type: "visual-detector", kind: .model(ModelSpec(name: "m", type: "visual-detector"))),
      PlanNodeSpec(id: "track", type: "byte-tracker", kind: .operator, inputs: ["d"]),
      PlanNodeSpec(
        id: "t", type: "region-thresholder", kind: .operator, inputs: ["d"],
        params: [PlanParam("concept_threshold_type", .string("ABOVE"))]),
    ]
    let (plan, diagnostics) = Planner().plan(workflowId: "wf", nodes: nodes)
    #expect(plan == nil)
    #expect(diagnostics.map(\.id) == ["plan.unsupported-node", "plan.bad-parameter"])
    #expect(diagnostics[0].message == "node 'track' has type 'byte-tracker', which weir cannot run yet")
    #expect(
      diagnostics[0].notes.first?.message.hasPrefix(
        "weir runs: annotation-writer, concept-synonym-mapper, concept-thresholder, image-crop, ") == true)
  }

  @Test func cyclesAndUnknownInputs() {
    let cycle = [
      PlanNodeSpec(id: "a", type: "region-thresholder", kind: .operator, inputs: ["b"]),
      PlanNodeSpec(id: "b", type: "region-thresholder", kind: .operator, inputs: ["a"]),
    ]
    #expect(
      Planner().plan(workflowId: "wf", nodes: cycle).1.map(\.message) == [
        "nodes 'a', 'b' read each other in a cycle"
      ])
    let unknown = [PlanNodeSpec(id: "a", type: "region-thresholder", kind: .operator, inputs: ["zz"])]
    #expect(
      Planner().plan(workflowId: "wf", nodes: unknown).1.map(\.message) == [
        "node 'a' reads 'zz', which is not a node"
      ])
  }

  @Test func textPlanReadsInOrder() throws {
    var plan = try S.referencePlan()
    plan.vars[0].overridden = true
    let text = PlanRenderer(format: .text).render(plan)
    #expect(
      text == """
        plan for workflow 'auto-annotation': 6 nodes, 1 model, 2 annotation writers
        vars: accept = 0.95 (set), review = 0.5

        for each input, in this order:
          1. detect (visual-detector) reads the input
             calls model 'pets' (no backend: it cannot run), batched across inputs
          then 2 independent branches read 'detect': 'sure', 'unsure'
          2. sure (region-thresholder) reads 'detect'
             keeps cat > 0.95, dog > 0.95 ($accept) in each region; drops regions left with no concept
          3. write-sure (annotation-writer) reads 'sure'
             writes each region × concept as ANNOTATION_SUCCESS (user 'bot', task 'pets')
          4. unsure (region-thresholder) reads 'detect'
             keeps cat <= 0.95, dog <= 0.95 ($accept) in each region; drops regions left with no concept
          5. plausible (region-thresholder) reads 'unsure'
             keeps cat > 0.5, dog > 0.5 ($review) in each region; drops regions left with no concept
          6. write-review (annotation-writer) reads 'plausible'
             writes each region × concept as ANNOTATION_AWAITING_REVIEW (user 'bot', task 'pets')

        not kept: the outputs of 'write-sure', 'write-review' (nothing reads them; --output keeps them)

        """)
  }

  @Test func graphFormatsAreStable() throws {
    let plan = try S.referencePlan()
    for format in PlanFormat.allCases {
      #expect(
        PlanRenderer(format: format).render(plan)
          == PlanRenderer(format: format).render(try S.referencePlan()))
    }
    let mermaid = PlanRenderer(format: .mermaid).render(plan)
    #expect(
      mermaid.hasPrefix("flowchart LR\n  IN((IN))\n  s1[[\"detect<br/>visual-detector<br/>model pets\"]]\n"))
    #expect(mermaid.contains("  s1 --> s2\n  s2 --> s3\n"))
    let dot = PlanRenderer(format: .dot).render(plan)
    #expect(
      dot.contains(
        "\"write-sure\" [label=\"write-sure\\nannotation-writer\\nANNOTATION_SUCCESS\", shape=cylinder];"))
    #expect(dot.contains("\"IN\" -> \"detect\";"))
    let json = PlanRenderer(format: .json).render(plan)
    #expect(json.contains("\"kind\" : \"model\""))
    #expect(json.contains("\"inputs\" : [\n        \"IN\"\n      ]"))
  }
}
