import Foundation
import Testing
import WeirONNX
import WeirTestSupport

/// Each way a model can be wrong gives one clear error of its own kind.
@Suite(.serialized) struct ONNXDetectorErrorTests {
  let temp: TemporaryDirectory
  let environment: [String: String]

  init() throws {
    temp = try TemporaryDirectory("weir-onnx")
    environment = try ONNXTestModel.environment(cacheIn: temp.url)
  }

  func failure(_ options: ONNXDetectorOptions, environment: [String: String]? = nil) -> OpenVINOError? {
    do {
      _ = try ONNXDetector(options: options, environment: environment ?? self.environment)
      return nil
    } catch {
      return error
    }
  }

  @Test func malformedModelFile() throws {
    let path = try temp.write("broken.onnx", "this is not a protobuf").path
    let error = failure(ONNXDetectorOptions(modelPath: path))
    #expect(error == OpenVINOError(.badModel, "cannot read '\(path)': not an ONNX model (no ONNX header)"))
  }

  /// A file that starts like an ONNX model but is cut short reaches OpenVINO, whose reason is kept
  /// without its C++ source locations.
  @Test func truncatedModelFile() throws {
    let whole = try ONNXTestModel.make(
      #"{"input": ["N", 3, 32, 32], "outputs": [{"name": "output", "values": [[[0, 0, 1, 1, 0, 0, 0]]]}]}"#,
      in: temp.url)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: whole))
    let path = try temp.write("cut.onnx", Array(bytes.prefix(bytes.count / 2))).path
    let error = failure(ONNXDetectorOptions(modelPath: path))
    #expect(error?.kind == .badModel)
    #expect(error?.message.hasPrefix("cannot read '\(path)': ") == true, "\(String(describing: error))")
    #expect(error?.message.contains("Exception from") == false, "\(String(describing: error))")
    #expect(error?.message.contains("\n") == false, "\(String(describing: error))")
  }

  @Test func missingModelFile() {
    let error = failure(ONNXDetectorOptions(modelPath: temp.path("absent.onnx")))
    #expect(error == OpenVINOError(.badModel, "cannot read '\(temp.path("absent.onnx"))': no such file"))
  }

  @Test func outputsMatchingNoDecoder() throws {
    let path = try ONNXTestModel.make(
      #"{"input": ["N", 3, 32, 32], "outputs": [{"name": "scores", "values": [[0.1, 0.2, 0.3]]}]}"#,
      in: temp.url)
    let error = failure(ONNXDetectorOptions(modelPath: path))
    #expect(error?.kind == .layout)
    #expect(
      error?.message.hasPrefix("the model's outputs (scores [1, 3]) match no decoder weir has; ") == true)
  }

  @Test func labelsOfTheWrongLength() throws {
    let rows = Array(repeating: [0.0, 0, 1, 1, 0, 0, 0], count: 10)
    let spec = String(
      decoding: try JSONSerialization.data(withJSONObject: [
        "input": ["N", 3, 32, 32], "outputs": [["name": "output", "values": [rows]]],
      ]), as: UTF8.self)
    let path = try ONNXTestModel.make(spec, in: temp.url)
    let error = failure(ONNXDetectorOptions(modelPath: path, labels: ["cat", "dog", "bird"]))
    #expect(
      error
        == OpenVINOError(
          .labels, "the model scores 2 classes (yolov5 outputs output [1, 10, 7]), but 'labels' names 3"))
  }

  @Test func openVINOMissing() throws {
    let nowhere = temp.path("no-openvino")
    let error = failure(ONNXDetectorOptions(modelPath: "m.onnx"), environment: ["WEIR_OPENVINO_LIB": nowhere])
    #expect(
      error
        == OpenVINOError(
          .unavailable,
          "OpenVINO is not at WEIR_OPENVINO_LIB ('\(nowhere)'): no libopenvino_c library there; "
            + "install it with 'pip install openvino' (or set WEIR_OPENVINO_LIB to its libopenvino_c library)"
        ))
  }

  @Test func openInputSizeNeedsInputSize() throws {
    let path = try ONNXTestModel.make(
      #"{"input": ["N", 3, "H", "W"], "outputs": [{"name": "output", "values": [[[0, 0, 1, 1, 0, 0, 0]]]}]}"#,
      in: temp.url)
    let error = failure(ONNXDetectorOptions(modelPath: path))
    #expect(
      error
        == OpenVINOError(
          .layout,
          "the model's input image [?, 3, ?, ?] leaves its size open; give 'input_size: [width, height]'"))
  }
}

/// Without `WEIR_OPENVINO_LIB`, OpenVINO is found through python3 once and remembered.
@Suite struct OpenVINOLibraryTests {
  @Test func foundThroughPythonAndCached() throws {
    let temp = try TemporaryDirectory("weir-onnx")
    var environment = ProcessInfo.processInfo.environment
    environment["WEIR_OPENVINO_LIB"] = nil
    environment["XDG_CACHE_HOME"] = temp.path("cache")
    let path = try OpenVINOLibrary.load(environment: environment)
    #expect(path == ONNXTestModel.openVINOLibrary)
    let cached = try String(contentsOfFile: temp.path("cache/weir/openvino-lib"), encoding: .utf8)
    #expect(cached == path + "\n")
    // The cache is read next time, even with no python3 on PATH.
    environment["PATH"] = temp.path("empty")
    #expect(try OpenVINOLibrary.load(environment: environment) == path)
  }
}
