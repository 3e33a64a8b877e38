import Testing

@testable import WeirCore

@Suite struct BandAnalysisTests {
  @Test func referenceWorkflowWritersAndCoverage() {
    let analysis = BandAnalysis(graph: GraphBuilder.reference().graph)
    let writers = analysis.writers.map {
      "\($0.id) \($0.status!.name) cat \($0.bands.band("cat")) dog \($0.bands.band("dog"))"
    }
    #expect(
      writers == [
        "write-sure ANNOTATION_SUCCESS cat (0.95, 1] dog (0.95, 1]",
        "write-review ANNOTATION_AWAITING_REVIEW cat (0.5, 0.95] dog (0.5, 0.95]",
      ])
    let coverage = analysis.coverage.map {
      "\($0.label): dropped \($0.dropped), conflicting \($0.conflicting)"
    }
    #expect(coverage == ["cat: dropped [0, 0.5], conflicting ∅", "dog: dropped [0, 0.5], conflicting ∅"])
  }

  @Test func varsChangeTheBands() {
    let analysis = BandAnalysis(graph: GraphBuilder.reference(accept: 0.9, review: 0.3).graph)
    #expect(analysis.incoming("write-review").band("cat").description == "(0.3, 0.9]")
  }

  @Test func aThresholderRemovesConceptsItHasNoThresholdFor() {
    var b = GraphBuilder()
    b.model("detect", concepts: ["cat", "dog", "bird"])
    b.threshold("cats", ["detect"], .greaterThan, ["cat": 0.5])
    let analysis = BandAnalysis(graph: b.graph)
    let out = analysis.outgoing("cats")
    #expect(out.band("cat").description == "(0.5, 1]")
    #expect(out.band("dog").isEmpty)
    #expect(out.band("bird").isEmpty)
    #expect(out.band("zebra").isEmpty)
    #expect(out.presentConcepts == ["cat"])
  }

  @Test func unknownConceptsAreTrackedAsOthers() {
    var b = GraphBuilder()
    b.model("detect", concepts: nil)
    b.threshold("cats", ["detect"], .greaterThan, ["cat": 0.5])
    let analysis = BandAnalysis(graph: b.graph)
    #expect(analysis.outgoing("detect").others == .unit)
    #expect(analysis.outgoing("detect").band("anything") == .unit)
    #expect(analysis.outgoing("cats").band("cat").description == "(0.5, 1]")
    #expect(analysis.outgoing("cats").others.isEmpty)
  }

  @Test func aFallbackThresholdAppliesToUnnamedConcepts() {
    var b = GraphBuilder()
    b.model("detect", concepts: ["cat", "dog"])
    b.threshold("t", ["detect"], .greaterThan, ["cat": 0.9], fallback: 0.5)
    let out = BandAnalysis(graph: b.graph).outgoing("t")
    #expect(out.band("cat").description == "(0.9, 1]")
    #expect(out.band("dog").description == "(0.5, 1]")
  }

  @Test func aNodeReadingSeveralNodesGetsTheUnion() {
    var b = GraphBuilder()
    b.model("detect")
    b.threshold("low", ["detect"], .lessThan, ["cat": 0.2])
    b.threshold("high", ["detect"], .greaterThan, ["cat": 0.8])
    b.writer("write", ["low", "high"], .success)
    #expect(BandAnalysis(graph: b.graph).incoming("write").band("cat").description == "[0, 0.2) ∪ (0.8, 1]")
  }

  @Test func samplersAndPassThroughNodes() {
    var b = GraphBuilder()
    b.model("detect")
    b.sample("none", ["detect"], 0)
    b.sample("half", ["detect"], 0.5)
    b.passThrough("crop", ["half"])
    let analysis = BandAnalysis(graph: b.graph)
    #expect(analysis.outgoing("none").isEmpty)
    #expect(analysis.outgoing("crop").band("cat") == .unit)
  }

  @Test func aModelAfterAnotherGivesItsOwnConcepts() {
    var b = GraphBuilder()
    b.model("detect")
    b.threshold("sure", ["detect"], .greaterThan, ["cat": 0.9])
    b.model(
      "breed", concepts: ["siamese"], name: "breeds", type: "visual-classifier", regions: false,
      inputs: ["sure"])
    let analysis = BandAnalysis(graph: b.graph)
    #expect(analysis.outgoing("breed").presentConcepts == ["siamese"])
    #expect(analysis.sources["breed"] == ["breed"])
  }

  @Test func orderCyclesAndRepeatedIdsDoNotBreakTheAnalysis() {
    var b = GraphBuilder()
    b.writer("write", ["sure"], .success)  // reads a node declared later
    b.threshold("sure", ["detect"], .greaterThan, ["cat": 0.5])
    b.model("detect")
    b.threshold("a", ["b"], .greaterThan, ["cat": 0.5])
    b.threshold("b", ["a"], .greaterThan, ["cat": 0.5])
    b.threshold("self", ["self"], .greaterThan, ["cat": 0.5])
    b.model("detect", concepts: ["zebra"])
    let analysis = BandAnalysis(graph: b.graph)
    #expect(b.graph.dependencyOrder.map(\.id.value) == ["detect", "sure", "write"])
    #expect(analysis.incoming("write").band("cat").description == "(0.5, 1]")
    #expect(analysis.incoming("a").isEmpty)
  }

  @Test func carriesPredictionsFollowsTheGraph() {
    var b = GraphBuilder()
    b.model("embed", concepts: nil, name: "embedder", type: "visual-embedder", predictsConcepts: false)
    b.passThrough("crop", ["embed"])
    b.model("detect")
    b.passThrough("crop2", ["detect"])
    let analysis = BandAnalysis(graph: b.graph)
    #expect(analysis.carriesPredictions["crop"] == false)
    #expect(analysis.carriesPredictions["crop2"] == true)
  }
}
