import Testing

@testable import WeirCore

/// `non-max-suppression`, `top-k-regions` and `region-size-filter` against cases computed by hand.
/// Boxes use binary fractions so that an intersection over union lands exactly on a threshold.
@Suite struct BoxPostProcessingTests {
  typealias S = RuntimeTestSupport

  /// A region with one concept and a box spanning the image's height from `left` to `right`.
  func strip(_ id: String, _ concept: String, _ score: Double, _ left: Double, _ right: Double) -> Region {
    S.region(
      id, [(concept, score)], box: BoundingBox(topRow: 0, leftCol: left, bottomRow: 1, rightCol: right))
  }

  func ids(_ op: some Operator, _ regions: [Region], image: ImageRef? = nil) throws -> [String] {
    var notes: [AnnotationRecord] = []
    return try op.apply(DataRecord(image: image, regions: regions), S.context(), &notes)?.regions.map(\.id)
      ?? []
  }

  func make(_ type: String, _ params: [String: JSONValue]) throws -> any Operator {
    try OperatorRegistry.standard.make(type: type, params: OperatorParams(params))
  }

  @Test func iouIsIntersectionOverUnion() {
    // [0, 0.5] and [0.25, 0.75]: 0.25 shared of 0.75 covered.
    let a = BoundingBox(topRow: 0, leftCol: 0, bottomRow: 1, rightCol: 0.5)
    let b = BoundingBox(topRow: 0, leftCol: 0.25, bottomRow: 1, rightCol: 0.75)
    #expect(NonMaxSuppression.iou(a, b) == 1.0 / 3)
    #expect(NonMaxSuppression.iou(a, a) == 1)
    #expect(NonMaxSuppression.iou(a, BoundingBox(topRow: 0, leftCol: 0.5, bottomRow: 1, rightCol: 1)) == 0)
  }

  @Test func aBoxExactlyAtTheThresholdStaysAndJustAboveIsDropped() throws {
    // b lies inside a and covers half of it: IoU exactly 0.5.
    let regions = [strip("a", "cat", 0.9, 0, 0.5), strip("b", "cat", 0.8, 0, 0.25)]
    #expect(try ids(make("non-max-suppression", ["iou_threshold": .number(0.5)]), regions) == ["a", "b"])
    #expect(try ids(make("non-max-suppression", ["iou_threshold": .number(0.5.nextDown)]), regions) == ["a"])
    // 0.5 is the default.
    #expect(try ids(make("non-max-suppression", [:]), regions) == ["a", "b"])
  }

  @Test func aTieKeepsTheRegionThatComesFirst() throws {
    let nms = NonMaxSuppression(iouThreshold: 0.5)
    let (x, y) = (strip("x", "cat", 0.9, 0, 0.5), strip("y", "cat", 0.9, 0, 0.5))
    #expect(try ids(nms, [x, y]) == ["x"])
    #expect(try ids(nms, [y, x]) == ["y"])
  }

  @Test func perClassOnlySameConceptsSuppressClassAgnosticAnyDo() throws {
    let regions = [
      strip("cat", "cat", 0.9, 0, 0.5), strip("dog", "dog", 0.8, 0, 0.5), strip("cat2", "cat", 0.7, 0, 0.5),
    ]
    #expect(try ids(make("non-max-suppression", [:]), regions) == ["cat", "dog"])
    #expect(try ids(make("non-max-suppression", ["class_agnostic": .bool(true)]), regions) == ["cat"])
  }

  @Test func aSuppressedBoxSuppressesNothing() throws {
    // a [0, 0.4] drops b [0.2, 0.6] (IoU 1/3); c [0.4, 0.8] overlaps only b (1/3), so it stays.
    let regions = [
      strip("b", "cat", 0.8, 0.2, 0.6), strip("c", "cat", 0.7, 0.4, 0.8), strip("a", "cat", 0.9, 0, 0.4),
    ]
    #expect(
      try ids(NonMaxSuppression(iouThreshold: 0.3), regions) == ["c", "a"], "kept regions keep their order")
  }

  @Test func regionsWithoutABoxAndTheirConfidencesPassThrough() throws {
    let regions = [
      S.region("tag", [("cat", 0.1)]), strip("a", "cat", 0.9, 0, 0.5), strip("b", "cat", 0.8, 0, 0.5),
    ]
    var notes: [AnnotationRecord] = []
    let out = try #require(NonMaxSuppression().apply(DataRecord(regions: regions), S.context(), &notes))
    #expect(out.regions.map(\.id) == ["tag", "a"])
    #expect(out.regions[1] == regions[1])
  }

  @Test func topKKeepsTheMostConfidentInTheirOrderAndTiesByPosition() throws {
    let regions = [
      S.region("a", [("cat", 0.5)]), S.region("b", [("cat", 0.9)]),
      S.region("c", [("dog", 0.3), ("cat", 0.7)]),
      S.region("d", [("cat", 0.9)]),
    ]
    #expect(try ids(make("top-k-regions", ["k": .number(2)]), regions) == ["b", "d"])
    #expect(try ids(make("top-k-regions", ["k": .number(3)]), regions) == ["b", "c", "d"])
    #expect(try ids(make("top-k-regions", ["k": .number(0)]), regions) == [])
    #expect(try ids(make("top-k-regions", ["k": .number(9)]), regions) == ["a", "b", "c", "d"])
    let tied = [S.region("x", [("cat", 0.8)]), S.region("y", [("cat", 0.8)]), S.region("z", [("cat", 0.8)])]
    #expect(try ids(TopKRegions(k: 2), tied) == ["x", "y"])
  }

  @Test func sizeFilterBoundsAreInclusiveInFractionsOrPixels() throws {
    // 0.125 × 0.25 of a 640 × 480 image: 80 × 120 pixels.
    let box = S.region(
      "box", [("cat", 0.9)], box: BoundingBox(topRow: 0, leftCol: 0, bottomRow: 0.25, rightCol: 0.125))
    let tag = S.region("tag", [("cat", 0.9)])
    let image = ImageRef(path: "a.jpg", width: 640, height: 480)
    #expect(
      try ids(make("region-size-filter", ["min_width": .number(0.125)]), [box, tag]) == ["box", "tag"])
    #expect(try ids(make("region-size-filter", ["min_width": .number(0.126)]), [box, tag]) == ["tag"])
    #expect(try ids(make("region-size-filter", ["max_area": .number(0.03125)]), [box]) == ["box"])
    #expect(try ids(make("region-size-filter", ["max_area": .number(0.03)]), [box]) == [])
    let pixels: [String: JSONValue] = [
      "min_height": .number(120), "max_width": .number(80), "units": .string("pixels"),
    ]
    #expect(try ids(make("region-size-filter", pixels), [box], image: image) == ["box"])
    #expect(
      try ids(
        make("region-size-filter", ["min_area": .number(9601), "units": .number(2)]), [box], image: image)
        == [])
    #expect(
      throws: OperatorError("region-size-filter compares pixels, but the size of input 'img.jpg' is unknown")
    ) {
      try ids(make("region-size-filter", pixels), [box])
    }
  }

  @Test func unusableParametersAreErrorsThatNameThem() {
    func message(_ type: String, _ params: [String: JSONValue]) -> String? {
      do {
        _ = try make(type, params)
        return nil
      } catch { return "\(error)" }
    }
    #expect(
      message("non-max-suppression", ["iou_threshold": .number(1.5)])
        == "'iou_threshold' must be between 0 and 1, not 1.5")
    #expect(message("top-k-regions", [:]) == "top-k-regions needs 'k'")
    #expect(message("top-k-regions", ["k": .number(-1)]) == "'k' must be a whole number from 0, not -1")
    #expect(
      message("region-size-filter", ["units": .string("pixels")])?.hasPrefix(
        "region-size-filter needs one of min_width") == true)
    #expect(
      message("region-size-filter", ["min_width": .number(1), "units": .string("inches")])
        == "'units' must be normalized or pixels, not 'inches'")
    #expect(OperatorRegistry.standard.implements("non-max-suppression"))
  }
}
