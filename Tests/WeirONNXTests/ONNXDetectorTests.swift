import Foundation
import Testing
import WeirONNX
import WeirTestSupport
import WeirVision

/// Real OpenVINO on small ONNX graphs with constant heads behind a convolution on the input, each
/// decoded box checked against values worked out by hand in the comments.
@Suite(.serialized) struct ONNXDetectorTests {
  let temp: TemporaryDirectory
  let environment: [String: String]

  init() throws {
    temp = try TemporaryDirectory("weir-onnx")
    environment = try ONNXTestModel.environment(cacheIn: temp.url)
  }

  /// YOLOv5 rows `[cx, cy, w, h, objectness, cat, dog]` on a 64 × 64 input, ten rows (so the shape
  /// [1, 10, 7] reads as yolov5 and not yolov8):
  /// A: box x 16…48, y 24…40, cat 0.9 × 0.8 = 0.72.
  /// B: 2 px to the right, cat 0.63; IoU with A = (30·16) / (512 + 512 − 480) = 0.88 > 0.45, dropped.
  /// C: B's box, dog 0.9 × 0.6 = 0.54; another class, kept.
  /// D: objectness 0.05, under the floor. The rest: objectness 0.
  static let yoloRows: [[Double]] =
    [
      [32, 32, 32, 16, 0.9, 0.8, 0.1],
      [34, 32, 32, 16, 0.9, 0.7, 0.1],
      [34, 32, 32, 16, 0.9, 0.1, 0.6],
      [10, 10, 4, 4, 0.05, 0.9, 0.1],
    ] + Array(repeating: [0, 0, 1, 1, 0, 0, 0], count: 6)

  static func json(_ value: Any) -> String {
    String(decoding: (try? JSONSerialization.data(withJSONObject: value)) ?? Data(), as: UTF8.self)
  }

  static func spec(input: [Any] = ["N", 3, 64, 64], _ outputs: [(String, Any, Any?)]) -> String {
    json([
      "input": input,
      "outputs": outputs.map { name, values, mask in
        ["name": name, "values": values] as [String: Any] + (mask.map { ["mask": $0] } ?? [:])
      },
    ])
  }

  func image(_ name: String, _ bytes: [UInt8]) throws -> @Sendable () throws -> RGBImage {
    let url = try temp.write(name, bytes)
    return { try ImageDecoder.decodeRGB(contentsOf: url) }
  }

  func detector(_ spec: String, _ configure: (inout ONNXDetectorOptions) -> Void = { _ in }) throws
    -> ONNXDetector
  {
    let path = try ONNXTestModel.make(spec, named: "m\(UUID().uuidString.prefix(8)).onnx", in: temp.url)
    var options = ONNXDetectorOptions(modelPath: path, labels: ["cat", "dog"])
    configure(&options)
    return try ONNXDetector(options: options, environment: environment)
  }

  /// Rounded to 4 places, for exact comparison with hand-computed fractions.
  func boxes(_ result: Result<ONNXDetector.ImageResult, Error>) throws -> [String] {
    try result.get().detections.map {
      String(
        format: "%@ %.4f [%.4f %.4f %.4f %.4f]", $0.label, $0.score, $0.left, $0.top, $0.right, $0.bottom)
    }
  }

  @Test func yolov5LetterboxOnAWideImage() throws {
    let detector = try detector(Self.spec([("output", [Self.yoloRows], nil)]))
    #expect(detector.layout == DecoderLayout(decoder: .yolov5, outputs: [0], classes: 2))
    // 200 × 100 into 64 × 64: scale 0.32, the image fills 64 × 32, 16 rows of grey above and below.
    // A: x 16…48 → 50…150 of 200; y 24…40 → (24 − 16) / 0.32 = 25 … 75 of 100.
    // C: x 18…50 → 56.25…156.25 of 200.
    let results = detector.detect([
      try image("wide.ppm", ONNXTestModel.ppm(width: 200, height: 100, rgb: (9, 9, 9)))
    ])
    #expect(
      try boxes(results[0]) == [
        "cat 0.7200 [0.2500 0.2500 0.7500 0.7500]", "dog 0.5400 [0.2812 0.2500 0.7812 0.7500]",
      ])
    #expect(try results[0].get().width == 200)
  }

  @Test func yolov5Stretch() throws {
    let detector = try detector(Self.spec([("output", [Self.yoloRows], nil)])) {
      $0.preprocessing.resize = .stretch
    }
    // 200 × 100 into 64 × 64: x × 0.32, y × 0.64. A: y 24…40 → 37.5…62.5 of 100.
    let results = detector.detect([
      try image("wide.ppm", ONNXTestModel.ppm(width: 200, height: 100, rgb: (9, 9, 9)))
    ])
    #expect(
      try boxes(results[0]) == [
        "cat 0.7200 [0.2500 0.3750 0.7500 0.6250]", "dog 0.5400 [0.2812 0.3750 0.7812 0.6250]",
      ])
  }

  @Test func yolov8ColumnsDecodeTheSameBoxes() throws {
    // [1, 4 + 2, 10]: the YOLOv5 rows without objectness, transposed; scores are the products above.
    let rows = Self.yoloRows.map { r in [r[0], r[1], r[2], r[3], r[4] * r[5], r[4] * r[6]] }
    let columns = (0..<6).map { c in rows.map { $0[c] } }
    let detector = try detector(Self.spec([("output0", [columns], nil)]))
    #expect(detector.layout.decoder == .yolov8)
    let results = detector.detect([
      try image("wide.ppm", ONNXTestModel.ppm(width: 200, height: 100, rgb: (9, 9, 9)))
    ])
    #expect(
      try boxes(results[0]) == [
        "cat 0.7200 [0.2500 0.2500 0.7500 0.7500]", "dog 0.5400 [0.2812 0.2500 0.7812 0.7500]",
      ])
  }

  @Test func yoloxGridRowsNeedTheDecoderNamed() throws {
    // 64 × 64 has 8·8 + 4·4 + 2·2 = 84 cells. Row 73 is stride 16's cell x 1, y 2 (64 + 2·4 + 1):
    // centre ((0.5 + 1)·16, (0.5 + 2)·16) = (24, 40), size (e^ln2·16, e^0·16) = 32 × 16, cat 0.72.
    var rows = Array(repeating: [0.0, 0, 0, 0, 0, 0, 0], count: 84)
    rows[73] = [0.5, 0.5, log(2), 0, 0.9, 0.8, 0.1]
    let spec = Self.spec([("output", [rows], nil)])
    #expect {
      try self.detector(spec)
    } throws: { error in
      (error as? OpenVINOError)?.kind == .layout
        && "\(error)".contains("fit more than one decoder (yolov5 or yolox); say which with 'decoder:'")
    }
    let detector = try self.detector(spec) { $0.decoder = .yolox }
    // Square 64 × 64 image: x 8…40, y 32…48 of 64.
    let results = detector.detect([
      try image("square.ppm", ONNXTestModel.ppm(width: 64, height: 64, rgb: (1, 2, 3)))
    ])
    #expect(try boxes(results[0]) == ["cat 0.7200 [0.1250 0.5000 0.6250 0.7500]"])
  }

  @Test func detrSoftmaxWithNoObjectClassAndNoNMS() throws {
    // Logits [cat, dog, no object]. Query 0: [2, 0, 0] → cat e²/(e² + 2) = 0.7870; query 1 the same
    // box as dog (no NMS: both stay); query 2: no object wins, cat 1/(2 + e⁵) = 0.0066 < floor.
    let boxes = [[[0.5, 0.5, 0.5, 0.5], [0.5, 0.5, 0.5, 0.5], [0.2, 0.2, 0.1, 0.1]]]
    let logits = [[[2.0, 0, 0], [0, 2, 0], [0, 0, 5]]]
    let detector = try detector(Self.spec([("pred_boxes", boxes, nil), ("pred_logits", logits, nil)])) {
      $0.preprocessing.resize = .stretch
    }
    #expect(detector.layout == DecoderLayout(decoder: .detr, outputs: [0, 1], classes: 3))
    let results = detector.detect([
      try image("wide.ppm", ONNXTestModel.ppm(width: 100, height: 50, rgb: (0, 0, 0)))
    ])
    #expect(
      try self.boxes(results[0]) == [
        "cat 0.7870 [0.2500 0.2500 0.7500 0.7500]", "dog 0.7870 [0.2500 0.2500 0.7500 0.7500]",
      ])
  }

  @Test func ssdRowsUpToTheCount() throws {
    // Rows [top, left, bottom, right]: two dogs on one box (NMS keeps 0.9), a third row past the count.
    let boxes = [[[0.1, 0.2, 0.5, 0.6], [0.1, 0.2, 0.5, 0.6], [0, 0, 1, 1]]]
    let spec = Self.spec([
      ("detection_boxes", boxes, nil), ("detection_scores", [[0.9, 0.8, 0.3]], nil),
      ("detection_classes", [[1.0, 1, 0]], nil), ("num_detections", [2.0], nil),
    ])
    let detector = try detector(spec) { $0.preprocessing.resize = .stretch }
    #expect(detector.layout == DecoderLayout(decoder: .ssd, outputs: [0, 1, 2, 3], classes: nil))
    let results = detector.detect([
      try image("any.ppm", ONNXTestModel.ppm(width: 30, height: 70, rgb: (0, 0, 0)))
    ])
    #expect(try self.boxes(results[0]) == ["dog 0.9000 [0.2000 0.1000 0.6000 0.5000]"])
  }

  @Test(arguments: [(Preprocessing.Channels.rgb, Float(0.7412)), (.bgr, Float(0.2912))])
  func preprocessingReachesTheModel(channels: Preprocessing.Channels, score: Float) throws {
    // Row A's cat score is 0.1 + the mean of tensor channel 0 (the mask); row B is turned down to
    // 0.9 × 0.1 = 0.09, under the floor, so it cannot outscore A. A red 200 × 100 image letterboxed
    // into 64 × 64: half the tensor is the image, half grey 114.
    // rgb: channel 0 is red, (255/255 + 114/255) / 2 = 0.7235; score 0.9 × 0.8235 = 0.7412.
    // bgr: channel 0 is blue, (0 + 114/255) / 2 = 0.2235; score 0.9 × 0.3235 = 0.2912.
    var rows = Self.yoloRows
    rows[0][5] = 0.1
    rows[1][5] = 0.1
    var mask = Self.yoloRows.map { $0.map { _ in 0.0 } }
    mask[0][5] = 1
    let detector = try detector(Self.spec([("output", [rows], [mask])])) {
      $0.preprocessing.channels = channels
    }
    let results = detector.detect([
      try image("red.ppm", ONNXTestModel.ppm(width: 200, height: 100, rgb: (255, 0, 0)))
    ])
    let cat = try #require(try results[0].get().detections.first { $0.label == "cat" })
    // OpenVINO's CPU plugin may sum the 4096 values in another order or precision: 0.001 of room.
    #expect(abs(cat.score - score) < 0.001, "\(cat.score)")
    #expect([cat.left, cat.top, cat.right, cat.bottom] == [0.25, 0.25, 0.75, 0.75])
  }

  @Test func exifRotatedJPEGIsDetectedUpright() throws {
    // tabby_grey.jpg is stored 60 × 45; orientation 6 shows it 45 × 60. Letterboxed into 64 × 64:
    // scale 64/60, the image 48 × 64 with 8 columns of grey each side. A: x (16 − 8)·60/64 = 7.5 …
    // 37.5 of 45; y 24·60/64 = 22.5 … 37.5 of 60. Without the tag: 0.25…0.75, 1/3…2/3.
    let detector = try detector(Self.spec([("output", [Self.yoloRows], nil)]))
    let original = try Data(contentsOf: Repository.fixtures("vision", "tabby_grey.jpg"))
    let rotated = try image("rotated.jpg", Array(ONNXTestModel.jpeg(original, orientation: 6)))
    let upright = try image("upright.jpg", Array(original))
    let results = detector.detect([rotated, upright])
    #expect(try results[0].get().width == 45)
    #expect(try boxes(results[0]).first == "cat 0.7200 [0.1667 0.3750 0.8333 0.6250]")
    #expect(try boxes(results[1]).first == "cat 0.7200 [0.2500 0.3333 0.7500 0.6667]")
  }

  @Test func batchesKeepEachImageApartAndABadImageFailsAlone() throws {
    // A fixed batch-1 model reshaped to batches of two; five images, the third not an image.
    let detector = try detector(Self.spec(input: [1, 3, 64, 64], [("output", [Self.yoloRows], nil)])) {
      $0.batch = 2
    }
    let good = try image("wide.ppm", ONNXTestModel.ppm(width: 200, height: 100, rgb: (9, 9, 9)))
    let bad = try image("bad.ppm", Array("not an image".utf8))
    let results = detector.detect([good, good, bad, good, good])
    #expect(results.count == 5)
    for index in [0, 1, 3, 4] {
      #expect(try boxes(results[index]).count == 2)
    }
    #expect {
      try results[2].get()
    } throws: { "\($0)" == "not an image (unknown format)" }
  }
}

extension Dictionary {
  fileprivate static func + (a: Self, b: Self) -> Self { a.merging(b) { $1 } }
}
