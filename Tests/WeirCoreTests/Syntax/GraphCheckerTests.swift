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

  /// A node's inputs are compared in place when there are a few and through a dictionary when
  /// there are many: a repeated input is one warning at the repeat either way.
  @Test(arguments: [1, 15, 16, 30])
  func aRepeatedInputIsOneWarningAtTheRepeat(_ count: Int) throws {
    var text = "weir: 1\nnodes:\n"
    for i in 0..<count { text += "  n\(i): {type: t}\n" }
    let inputs = (0..<count).map { "n\($0)" } + ["n0"]
    text += "  x: {type: t, inputs: [\(inputs.joined(separator: ", "))]}\n"
    let d = check(text)
    let first = try #require(text.utf8.firstRange(of: "[n0".utf8)).lowerBound
    let firstOffset = text.utf8.distance(from: text.utf8.startIndex, to: first) + 1
    #expect(d.map(\.id) == ["graph.duplicate-input"])
    #expect(d.first?.message == "node 'x' reads 'n0' twice")
    #expect(d.first?.range?.start == text.utf8.count - "n0]}\n".utf8.count)
    #expect(d.first?.notes.first?.range == SourceRange(start: firstOffset, end: firstOffset + 2))
  }
}
