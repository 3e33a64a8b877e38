import Testing

@testable import WeirCore

@Suite struct GraphCheckerTests {
  /// Parse and graph diagnostics only: the type checker's (`check.*`) are tested in Sema, the
  /// planner's refusals (`plan.*`) in Planning.
  func check(_ text: String) -> [Diagnostic] {
    Frontend.check(SourceFile(path: "t.yaml", text: text)).diagnostics.filter {
      !$0.id.hasPrefix("check.") && !$0.id.hasPrefix("plan.")
    }
  }

  @Test func aLongChainIsNotACycleAndDoesNotOverflowTheStack() {
    var text = "weir: 1\nnodes:\n  n0: {type: t}\n"
    for i in 1..<10_000 { text += "  n\(i): {type: t, input: n\(i - 1)}\n" }
    #expect(check(text).isEmpty)
  }

  @Test func oneCycleIsReportedPerComponentWithItsShortestPath() {
    let d = check(
      "weir: 1\nnodes:\n  a: {type: t, inputs: [c, b]}\n  b: {type: t, input: a}\n  c: {type: t, input: b}\n  d: {type: t, input: d}\n"
    )
    #expect(d.map(\.id) == ["graph.cycle", "graph.cycle"])
    #expect(d[0].message == "the graph has a cycle: 'a' -> 'b' -> 'a'")
    #expect(d[1].message == "node 'd' reads its own output: 'd' -> 'd'")
  }

  @Test func forwardReferenceIsAWarningOnlyInClarifai() {
    let clarifai = """
      workflow:
        id: wf
        nodes:
          - {id: b, model: {model_id: m}, node_inputs: [{node_id: a}]}
          - {id: a, model: {model_id: m}}
      """
    #expect(check(clarifai).map(\.severity) == [.warning])
    #expect(check(clarifai).map(\.id) == ["graph.forward-reference"])
  }
}
