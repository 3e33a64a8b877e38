import Foundation
import Testing
import WeirTestSupport

/// `backend: {onnx: …}` through the built `weir`: options checked by `weir check` without OpenVINO,
/// a run into a real SQLite store with a generated model, and OpenVINO missing at run time.
@Suite(.serialized) struct ONNXRunTests {
  /// Every option problem at once, at its place, with "did you mean"; `weir check` does not load
  /// OpenVINO (it is pointed at nothing here and still says only what is wrong with the file).
  @Test func checkReportsEveryOptionProblem() throws {
    let temp = try TemporaryDirectory("weir-onnx-cli")
    let r = try WeirProcess.run(
      ["check", "Tests/Fixtures/onnx/bad-options.yaml"], environment: ["WEIR_OPENVINO_LIB": temp.path("none")]
    )
    #expect(r.status == 1)
    #expect(r.stderr == "")
    GoldenFile.check(r.stdout, against: Repository.fixtures("onnx", "bad-options.err"))
  }

  /// A project folder with a detector, its labels file and three photos, one of them not an image.
  static func project(_ temp: TemporaryDirectory) throws {
    // [1, 10, 7] YOLOv5 rows on a 64 × 64 input: one cat (0.72) and one dog (0.54), as in
    // ONNXDetectorTests; on a 200 × 100 photo the cat is at x 50…150, y 25…75.
    let rows =
      [[32, 32, 32, 16, 0.9, 0.8, 0.1], [34, 32, 32, 16, 0.9, 0.1, 0.6]]
      + Array(repeating: [0.0, 0, 1, 1, 0, 0, 0], count: 8)
    let spec = try JSONSerialization.data(withJSONObject: [
      "input": ["N", 3, 64, 64], "outputs": [["name": "output", "values": [rows]]],
    ])
    try ONNXTestModel.make(String(decoding: spec, as: UTF8.self), named: "detector.onnx", in: temp.url)
    try temp.write("labels.txt", "cat\ndog\n")
    // Input folders list photos by extension; weir reads the bytes, so a PPM named .png is read as PPM.
    try temp.write("photos/a.png", ONNXTestModel.ppm(width: 200, height: 100, rgb: (40, 80, 120)))
    try temp.write("photos/b.png", ONNXTestModel.ppm(width: 200, height: 100, rgb: (0, 0, 0)))
    try temp.write("photos/c.png", "not an image")
    try temp.write(
      "workflow.yaml",
      """
      weir: 1
      workflow: own-detector
      models:
        detector:
          type: visual-detector
          backend: {onnx: detector.onnx, labels: labels.txt, batch: 2, confidence_floor: 0.2}
      nodes:
        detect: {model: detector}
        sure:
          type: region-thresholder
          input: detect
          params: {concept_threshold_type: GREATER_THAN, concepts: {cat: 0.7, dog: 0.7}}
        write:
          type: annotation-writer
          input: sure
          params: {annotation_status: ANNOTATION_SUCCESS, annotation_user_id: weir-bot, task_id: onnx}

      """)
  }

  @Test func runWritesTheDetectionsToTheStore() throws {
    let temp = try TemporaryDirectory("weir-onnx-cli")
    try Self.project(temp)
    let environment = try ONNXTestModel.environment(cacheIn: temp.url)
    let store = temp.path("weir.db")
    let r = try WeirProcess.run(
      ["run", "workflow.yaml", "--inputs", "photos", "--store", store, "--progress-interval", "3600"],
      environment: environment, in: temp.url)
    // The unreadable photo fails alone; the two others are written.
    #expect(r.status == 1)
    #expect(
      r.stdout.contains("c.png at detect: cannot read image 'photos/c.png': not an image (unknown format)"),
      "\(r.stdout)")
    #expect(r.stdout.contains("accepted  2"), "\(r.stdout)")
    let export = try WeirProcess.run(["annotations", "export", "--store", store, "--format", "coco"])
    try #require(export.status == 0, "\(export.stderr)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
    let annotations = try #require(json["annotations"] as? [[String: Any]])
    // Only the cat passes 0.7; one on each good photo, at x 50, y 25, 100 × 50 pixels.
    #expect(annotations.count == 2)
    for annotation in annotations {
      #expect((annotation["bbox"] as? [Double])?.map { Int($0.rounded()) } == [50, 25, 100, 50])
    }
    let categories = try #require(json["categories"] as? [[String: Any]])
    #expect(categories.compactMap { $0["name"] as? String } == ["cat"])
  }

  @Test func runWithoutOpenVINOSaysWhatToInstall() throws {
    let temp = try TemporaryDirectory("weir-onnx-cli")
    try Self.project(temp)
    let r = try WeirProcess.run(
      ["run", "workflow.yaml", "--inputs", "photos", "--store", temp.path("weir.db")],
      environment: ["WEIR_OPENVINO_LIB": temp.path("nowhere")], in: temp.url)
    #expect(r.status != 0)
    #expect(r.stderr.contains("[backend.onnx-unavailable]"), "\(r.stderr)")
    #expect(r.stderr.contains("install it with 'pip install openvino'"), "\(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: temp.path("cache")))
  }
}
