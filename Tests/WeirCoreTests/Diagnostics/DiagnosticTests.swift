import Testing

@testable import WeirCore

@Suite struct DiagnosticTests {
  @Test func sortedUniqueOrdersByPositionAndDropsDuplicates() {
    let a = Diagnostic.error("b", "second", at: SourceRange(start: 5, end: 6))
    let b = Diagnostic.warning("a", "first", at: SourceRange(start: 1, end: 2))
    let c = Diagnostic.error("z", "file", at: nil)
    #expect([a, b, a, c, b].sortedUnique() == [c, b, a])
  }

  @Test(arguments: [
    ("node_input", "node_inputs"), ("modle", "model"), ("node-inputs", "node_inputs"), ("NODES", "nodes"),
    ("descripton", "description"), ("paramz", "params"),
  ])
  func didYouMeanFindsTypos(_ typo: String, _ expected: String) {
    let keys = ["id", "model", "nodes", "node_inputs", "description", "params"]
    #expect(DidYouMean.nearest(to: typo, in: keys) == expected)
  }

  @Test func didYouMeanStaysQuietForUnrelatedNames() {
    #expect(DidYouMean.nearest(to: "suppress_output", in: ["id", "model", "node_inputs"]) == nil)
    #expect(DidYouMean.nearest(to: "x", in: ["id", "model"]) == nil)
    #expect(DidYouMean.distance("kitten", "sitting") == 3)
    #expect(DidYouMean.distance("ab", "ba") == 1)
  }
}
