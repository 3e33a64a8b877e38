import Testing

@testable import WeirCore

@Suite struct BandChartTests {
  @Test func referenceWorkflowChart() {
    let chart = BandChart().render(BandAnalysis(graph: GraphBuilder.reference().graph))
    #expect(
      chart == """
        writer        status                      concept  band
        write-sure    ANNOTATION_SUCCESS          cat      (0.95, 1]
        write-sure    ANNOTATION_SUCCESS          dog      (0.95, 1]
        write-review  ANNOTATION_AWAITING_REVIEW  cat      (0.5, 0.95]
        write-review  ANNOTATION_AWAITING_REVIEW  dog      (0.5, 0.95]

        concept  0         0.25      0.5       0.75      1
                 |         |         |         |         |
        cat     [····················RRRRRRRRRRRRRRRRRRAA]  A (0.95, 1]  R (0.5, 0.95]  · [0, 0.5]
        dog     [····················RRRRRRRRRRRRRRRRRRAA]  A (0.95, 1]  R (0.5, 0.95]  · [0, 0.5]

        A ANNOTATION_SUCCESS   R ANNOTATION_AWAITING_REVIEW   · dropped

        """)
  }

  @Test func overlapsAndSinglePointsAreVisible() {
    var b = GraphBuilder.reference(sure: .greaterThanOrEqual)
    b.threshold("exact", ["detect"], .equal, ["cat": 0.3])
    b.writer("write-exact", ["exact"], .pending)
    let lines = BandChart().render(BandAnalysis(graph: b.graph)).split(separator: "\n")
    let cat = lines.first { $0.hasPrefix("cat ") }!
    #expect(
      cat
        == "cat     [············p·······RRRRRRRRRRRRRRRRRR!A]  A [0.95, 1]  P {0.3}  R (0.5, 0.95]  ! {0.95}  · [0, 0.3) ∪ (0.3, 0.5]"
    )
    #expect(lines.last!.contains("! written twice with different statuses"))
    #expect(lines.last!.contains("lowercase: only single values"))
  }

  @Test func nodeTableAndWorkflowsWithoutWriters() {
    var b = GraphBuilder()
    b.model("detect", concepts: nil)
    b.threshold("sure", ["detect"], .greaterThan, ["cat": 0.5])
    #expect(
      BandChart(includeNodes: true).render(BandAnalysis(graph: b.graph)) == """
        what reaches each node
        node    type                concept         band
        detect  visual-detector     (none)
        sure    region-thresholder  other concepts  [0, 1]

        no annotation writer: nothing is written

        """)
  }
}
