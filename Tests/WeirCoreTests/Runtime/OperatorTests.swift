import Testing

@testable import WeirCore

/// Operator semantics, reference §3.3 and Documentation/Runtime.md.
@Suite struct ThresholderTests {
  typealias S = RuntimeTestSupport

  /// Whether each comparator passes a value at, just above and just below a threshold of 0.5.
  static let cases: [(ValueComparator, at: Bool, above: Bool, below: Bool)] = [
    (.greaterThan, false, true, false),
    (.greaterThanOrEqual, true, true, false),
    (.lessThan, false, false, true),
    (.lessThanOrEqual, true, false, true),
    (.equal, true, false, false),
  ]

  @Test(arguments: cases)
  func regionThresholderComparesAtAboveAndBelow(_ c: (ValueComparator, at: Bool, above: Bool, below: Bool))
    throws
  {
    let t = 0.5
    for (value, expected) in [(t, c.at), (t.nextUp, c.above), (t.nextDown, c.below)] {
      // Built through the registry from Clarifai's name and from its number: both must agree.
      for written in [JSONValue.string(c.0.name), .number(Double(c.0.rawValue))] {
        let op = try OperatorRegistry.standard.make(
          type: "region-thresholder",
          params: OperatorParams([
            "concept_threshold_type": written, "concepts": .object(["cat": .number(t)]),
          ]))
        let data = DataRecord(regions: [S.region("r", [("cat", value)])])
        var notes: [AnnotationRecord] = []
        let out = try op.apply(data, S.context(), &notes)
        #expect(out?.regions.count == (expected ? 1 : 0), "\(c.0.name) \(written) value \(value)")
      }
    }
  }

  @Test(arguments: cases)
  func conceptThresholderComparesAtAboveAndBelow(_ c: (ValueComparator, at: Bool, above: Bool, below: Bool))
    throws
  {
    let op = ConceptThresholder(thresholds: ConceptThresholds(comparator: c.0, thresholds: [("cat", 0.5)]))
    var notes: [AnnotationRecord] = []
    for (value, expected) in [(0.5, c.at), (0.5.nextUp, c.above), (0.5.nextDown, c.below)] {
      let out = op.apply(DataRecord(concepts: [Concept(id: "cat", value: value)]), S.context(), &notes)
      // A data point with no concept left is removed from the branch.
      #expect((out != nil) == expected, "\(c.0.name) value \(value)")
    }
  }

  @Test func conceptWithoutThresholdIsRemovedAndEmptyRegionDropped() {
    let op = RegionThresholder(
      thresholds: ConceptThresholds(comparator: .greaterThan, thresholds: [("cat", 0.5)]))
    let data = DataRecord(regions: [
      S.region("both", [("cat", 0.9), ("dog", 0.99)]),  // dog has no threshold: removed, cat stays
      S.region("bird", [("bird", 0.99)]),  // nothing left: region dropped
      S.region("low", [("cat", 0.2)]),  // below: dropped
      S.region("none", []),  // no concepts at all: dropped
      S.region("keep", [("cat", 0.7)]),
    ])
    var notes: [AnnotationRecord] = []
    let out = op.apply(data, S.context(), &notes)!
    #expect(out.regions.map(\.id) == ["both", "keep"])
    #expect(out.regions[0].concepts.map(\.id) == ["cat"])
    #expect(notes.isEmpty)
  }

  @Test func unchangedDataPassesAsIs() {
    let op = RegionThresholder(
      thresholds: ConceptThresholds(comparator: .greaterThan, thresholds: [("cat", 0.5), ("dog", 0.5)]))
    let data = DataRecord(
      image: ImageRef(path: "a.jpg"), regions: [S.region("a", [("cat", 0.9)]), S.region("b", [("dog", 0.6)])])
    #expect(op.filter(data) == data)
  }

  @Test func defaultThresholdAppliesToConceptsWithoutTheirOwn() throws {
    let op = try OperatorRegistry.standard.make(
      type: "region-thresholder",
      params: OperatorParams([
        "concept_threshold_type": .string("GREATER_THAN"), "concepts": .object(["cat": .number(0.9)]),
        "default_threshold": .number(0.5),
      ]))
    let data = DataRecord(regions: [
      S.region("a", [("cat", 0.8)]), S.region("b", [("dog", 0.8)]), S.region("c", [("bird", 0.4)]),
    ])
    var notes: [AnnotationRecord] = []
    #expect(try op.apply(data, S.context(), &notes)?.regions.map(\.id) == ["b"])
  }

  @Test func thresholdsMatchConceptIdThenName() {
    let op = RegionThresholder(
      thresholds: ConceptThresholds(comparator: .greaterThan, thresholds: [("cat", 0.5)]))
    let region = Region(id: "r", concepts: [Concept(id: "ai_b1b1", name: "cat", value: 0.8)])
    #expect(op.filter(DataRecord(regions: [region])).regions.count == 1)
  }

  @Test func chainedThresholdersMakeTheReviewBand() {
    let le = RegionThresholder(
      thresholds: ConceptThresholds(comparator: .lessThanOrEqual, thresholds: [("cat", 0.95)]))
    let gt = RegionThresholder(
      thresholds: ConceptThresholds(comparator: .greaterThan, thresholds: [("cat", 0.5)]))
    let values = [0.5, 0.5.nextUp, 0.7, 0.95, 0.95.nextUp]
    let data = DataRecord(regions: values.enumerated().map { S.region("r\($0)", [("cat", $1)]) })
    #expect(gt.filter(le.filter(data)).regions.map(\.id) == ["r1", "r2", "r3"])
  }
}

@Suite struct AnnotationWriterTests {
  typealias S = RuntimeTestSupport

  @Test func writesEachRegionConceptAndImageConceptThenPassesThrough() throws {
    let box = BoundingBox(topRow: 0.1, leftCol: 0.2, bottomRow: 0.3, rightCol: 0.4)
    let data = DataRecord(
      concepts: [Concept(id: "outdoor", value: 0.8)],
      regions: [S.region("r1", [("cat", 0.97), ("dog", 0.96)], box: box), S.region("r2", [("dog", 0.99)])])
    let op = try OperatorRegistry.standard.make(
      type: "annotation-writer",
      params: OperatorParams([
        "annotation_status": .number(24157), "annotation_user_id": .string("bot"), "task_id": .string("pets"),
      ]))
    var notes: [AnnotationRecord] = []
    let out = try op.apply(data, S.context("cat1.jpg", node: "write"), &notes)
    #expect(out == data)
    #expect(notes.map { "\($0.regionId)/\($0.conceptId)" } == ["r1/cat", "r1/dog", "r2/dog", "/outdoor"])
    #expect(
      notes.allSatisfy {
        $0.status == 24157 && $0.userId == "bot" && $0.taskId == "pets" && $0.nodeId == "write"
      })
    #expect(
      notes[0].box == box && notes[0].confidence == 0.97 && notes[0].inputId == "cat1.jpg"
        && notes[0].workflowId == "wf")
    #expect(notes[3].box == nil)
  }

  @Test func statusByNameAndBadStatus() throws {
    let w = try OperatorRegistry.standard.make(
      type: "annotation-writer", params: OperatorParams(["annotation_status": .string("ANNOTATION_PENDING")]))
    #expect((w as? AnnotationWriter)?.status == .pending)
    #expect(throws: OperatorConfigError.self) {
      try OperatorRegistry.standard.make(
        type: "annotation-writer", params: OperatorParams(["annotation_status": .number(24152)]))
    }
  }
}

@Suite struct OtherOperatorTests {
  typealias S = RuntimeTestSupport

  @Test func randomSampleIsReproducibleAndKeepsAboutTheFraction() {
    let op = RandomSample(keepFraction: 0.3)
    let ids = (0..<10_000).map { "img-\($0).jpg" }
    let kept = ids.filter { op.keeps(inputId: $0, nodeId: "sample") }
    #expect((2_800...3_200).contains(kept.count))
    #expect(kept == ids.filter { op.keeps(inputId: $0, nodeId: "sample") })
    // Another node draws independently.
    let other = ids.filter { op.keeps(inputId: $0, nodeId: "sample-2") }
    #expect(other != kept)
    #expect(ids.allSatisfy { !RandomSample(keepFraction: 0).keeps(inputId: $0, nodeId: "n") })
    #expect(ids.allSatisfy { RandomSample(keepFraction: 1).keeps(inputId: $0, nodeId: "n") })
  }

  @Test func randomSampleDropsTheDataPoint() throws {
    var notes: [AnnotationRecord] = []
    let op = RandomSample(keepFraction: 0)
    #expect(op.apply(DataRecord(), S.context(), &notes) == nil)
    #expect(throws: OperatorConfigError.self) {
      try OperatorRegistry.standard.make(
        type: "random-sample", params: OperatorParams(["keep_fraction": .number(1.5)]))
    }
  }

  /// Clarifai's margin-110 crop of its Face-Detection box (reference §3.3, Edit: verified values).
  @Test func imageCropScalesAboutTheCentre() {
    let box = BoundingBox(
      topRow: 0.151694223, leftCol: 0.285768479, bottomRow: 0.614028037, rightCol: 0.762517869)
    let crop = ImageCrop.scale(box, by: 1.1)
    #expect(abs(crop.topRow - 0.12857753) < 1e-6)
    #expect(abs(crop.leftCol - 0.261931) < 1e-6)
    #expect(abs(crop.bottomRow - 0.637144744) < 1e-6)
    #expect(abs(crop.rightCol - 0.786355317) < 1e-6)
  }

  @Test func imageCropClipsMintsStableIdsAndDropsBoxlessRegions() {
    let edge = BoundingBox(topRow: 0, leftCol: 0.8, bottomRow: 0.4, rightCol: 1)
    let data = DataRecord(regions: [
      S.region("a", [("cat", 0.9)], box: edge), S.region("nobox", [("cat", 0.9)]),
    ])
    var notes: [AnnotationRecord] = []
    var context = S.context(node: "crop")
    context.sourceImage = ImageRef(path: "photos/a.jpg")
    let out = ImageCrop(margin: 1.5).apply(data, context, &notes)!
    #expect(out.regions.count == 1)
    let r = out.regions[0]
    #expect(r.boundingBox == BoundingBox(topRow: 0, leftCol: 0.75, bottomRow: 0.5, rightCol: 1))
    #expect(r.id != "a" && r.id.count == 32)
    #expect(r.id == ImageCrop(margin: 1.5).apply(data, context, &notes)!.regions[0].id)
    #expect(r.image?.path == "photos/a.jpg")
    #expect(r.concepts.map(\.id) == ["cat"])
  }

  @Test func objectCounterCountsAllOrTheGivenConcepts() {
    let data = DataRecord(regions: [
      S.region("a", [("cat", 0.9)]), S.region("b", [("dog", 0.9)]), S.region("c", [("cat", 0.1)]),
    ])
    var notes: [AnnotationRecord] = []
    #expect(ObjectCounter().apply(data, S.context(), &notes)?.metadata["object_count"] == .number(3))
    #expect(
      ObjectCounter(concepts: ["cat"]).apply(data, S.context(), &notes)?.metadata["object_count"]
        == .number(2))
    #expect(ObjectCounter().apply(DataRecord(), S.context(), &notes)?.metadata["object_count"] == .number(0))
  }

  @Test func synonymMapperRenamesAndMergesKeepingTheHigherValue() throws {
    let op = try OperatorRegistry.standard.make(
      type: "concept-synonym-mapper",
      params: OperatorParams([
        "synonyms": .object(["ai_l8TKp2h5": .string("person"), "man": .string("person")])
      ]))
    let data = DataRecord(
      concepts: [
        Concept(id: "ai_l8TKp2h5", name: "people", value: 0.6), Concept(id: "man", value: 0.9),
        Concept(id: "tree", value: 0.3),
      ],
      regions: [S.region("r", [("man", 0.4)])])
    var notes: [AnnotationRecord] = []
    let out = try op.apply(data, S.context(), &notes)!
    #expect(out.concepts == [Concept(id: "person", value: 0.9), Concept(id: "tree", value: 0.3)])
    #expect(out.regions[0].concepts == [Concept(id: "person", value: 0.4)])
  }

  @Test func unknownTypeAndBadParametersAreErrors() {
    #expect(throws: OperatorConfigError("weir cannot run node type 'byte-tracker' yet")) {
      try OperatorRegistry.standard.make(type: "byte-tracker", params: OperatorParams())
    }
    #expect(
      throws: OperatorConfigError(
        "'concept_threshold_type' must be one of GREATER_THAN, GREATER_THAN_OR_EQUAL, LESS_THAN, LESS_THAN_OR_EQUAL, EQUAL, not 'ABOVE'"
      )
    ) {
      try OperatorRegistry.standard.make(
        type: "region-thresholder", params: OperatorParams(["concept_threshold_type": .string("ABOVE")]))
    }
    #expect(throws: OperatorConfigError("threshold for concept 'cat' must be a number, not a string")) {
      try OperatorRegistry.standard.make(
        type: "region-thresholder", params: OperatorParams(["concepts": .object(["cat": .string("high")])]))
    }
  }
}

@Suite struct StableHashAndDigestTests {
  @Test func sha256MatchesKnownDigests() {
    #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(
      SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    let long = Array(String(repeating: "a", count: 1000).utf8)
    #expect(SHA256.hex(long) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
  }

  @Test func stableHashIsFixedAcrossRuns() {
    var h = StableHash()
    h.combine("img-000001.jpg")
    h.combine("sample")
    // A fixed value: changing the hash would change every random-sample draw and minted region id.
    #expect(h.value == 0xcf2d_4256_20e4_b9eb)
  }
}
