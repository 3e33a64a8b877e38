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

  static let statuses = [
    "ANNOTATION_SUCCESS", "ANNOTATION_PENDING", "ANNOTATION_AWAITING_REVIEW",
    "ANNOTATION_AWAITING_CONSENSUS_REVIEW",
  ]

  @Test(arguments: [
    ("AWAITING_REVIEW", "ANNOTATION_AWAITING_REVIEW"), ("success", "ANNOTATION_SUCCESS"),
    ("PENDING", "ANNOTATION_PENDING"), ("ANNOTATION_SUCCESS_NOW", "ANNOTATION_SUCCESS"),
    ("ANNOTATION_SUCCES", "ANNOTATION_SUCCESS"), ("annotation-pending", "ANNOTATION_PENDING"),
  ])
  func enumValuesAreSuggestedByWholeWordsAtEitherEnd(_ written: String, _ expected: String) {
    #expect(DidYouMean.nearest(to: written, in: Self.statuses, affixes: true) == expected)
  }

  @Test func anAffixOfSeveralValuesOrOfPartOfAWordSuggestsNothing() {
    #expect(DidYouMean.nearest(to: "ANNOTATION_AWAITING", in: Self.statuses, affixes: true) == nil)
    #expect(DidYouMean.nearest(to: "REVIEW", in: Self.statuses, affixes: true) == nil)
    #expect(DidYouMean.nearest(to: "CESS", in: Self.statuses, affixes: true) == nil)
    // Without affixes (keys, types), only typos are suggested.
    #expect(DidYouMean.nearest(to: "AWAITING_REVIEW", in: Self.statuses) == nil)
  }

  @Test func everySuggestionAtAPlaceComesWithItsFixIt() throws {
    let range = SourceRange(start: 10, end: 13)
    let s = try #require(DidYouMean.suggestion(for: "acept", at: range, in: ["accept"], shown: { "$" + $0 }))
    #expect(s.clause == "; did you mean 'accept'?")
    #expect(s.fixIts == [FixIt("use '$accept'", range: range, replacement: "$accept")])
    let fromFlag = try #require(DidYouMean.suggestion(for: "acept", at: nil, in: ["accept"]))
    #expect(fromFlag.fixIts.isEmpty)
  }
}
