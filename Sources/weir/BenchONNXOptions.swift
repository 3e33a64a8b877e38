import ArgumentParser
import Foundation
import WeirONNX
import WeirVision

/// `weir bench vision --onnx MODEL [PHOTOS…]`: an ONNX detector through OpenVINO, timed end to end
/// (decode, resize, inference, decoding the outputs, NMS) as `weir run` uses it
/// (Documentation/Runtime.md, "Benchmark"; `scripts/bench-onnx.sh` sets it beside OpenVINO's Python API).
struct BenchONNXOptions: ParsableArguments {
  @Option(help: "An ONNX model, as in 'backend: {onnx: FILE}'.") var onnx: String?
  @Option(help: "Its decoder: yolov5, yolox, yolov8, detr, ssd (default: from its outputs).") var decoder:
    String?
  @Option(help: "Images per inference.") var batch = 1
  @Option(help: "OpenVINO's inference threads (0: its choice).") var threads = 0
  @Option(help: "rgb or bgr.") var channels = "rgb"
  @Option(help: "Pixel scale before mean and std.") var scale: Float = 1.0 / 255
  @Option(help: "letterbox or stretch.") var resize = "letterbox"

  func validate() throws {
    guard onnx != nil else { return }
    if let decoder, DetectorDecoder(rawValue: decoder) == nil {
      throw ValidationError(
        "--decoder must be one of: \(DetectorDecoder.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    if Preprocessing.Channels(rawValue: channels) == nil {
      throw ValidationError("--channels must be rgb or bgr")
    }
    if Preprocessing.Resize(rawValue: resize) == nil {
      throw ValidationError("--resize must be letterbox or stretch")
    }
    if !(1...256).contains(batch) { throw ValidationError("--batch must be from 1 to 256") }
  }

  /// Loads the model, runs every photo once to warm up, then `repetitions` timed passes; prints the fastest.
  func run(images: [URL], repetitions: Int) throws {
    guard let onnx else { return }
    var options = ONNXDetectorOptions(modelPath: (onnx as NSString).expandingTildeInPath)
    options.decoder = decoder.flatMap(DetectorDecoder.init(rawValue:))
    options.preprocessing = Preprocessing(
      resize: Preprocessing.Resize(rawValue: resize) ?? .letterbox,
      channels: Preprocessing.Channels(rawValue: channels) ?? .rgb, scale: scale)
    options.batch = batch
    options.threads = threads
    let detector: ONNXDetector
    do {
      detector = try ONNXDetector(options: options, environment: ProcessInfo.processInfo.environment)
    } catch {
      Terminal.fail(error.message)
      throw ExitStatus.failure
    }
    #if DEBUG
      Terminal.write(
        "weir: this is a debug build; for real figures: swift build -c release && .build/release/weir bench vision\n",
        to: .stderr)
    #endif
    let loads: [@Sendable () throws -> RGBImage] = images.map { url in
      { try ImageDecoder.decodeRGB(contentsOf: url) }
    }
    let (w, h) = detector.inputSize
    print(
      "onnx \((onnx as NSString).lastPathComponent) (\(detector.layout.decoder.rawValue), \(w)x\(h), batch \(batch), "
        + "threads \(threads == 0 ? "auto" : String(threads))) on \(images.count) photo\(images.count == 1 ? "" : "s"), "
        + "fastest of \(repetitions)")
    var boxes = 0
    for result in detector.detect(loads) {
      switch result {
      case .success(let image): boxes += image.detections.count
      case .failure(let error):
        Terminal.fail("\(error)")
        throw ExitStatus.failure
      }
    }
    let clock = ContinuousClock()
    var best = Duration.seconds(1_000_000)
    for _ in 0..<repetitions {
      best = min(best, clock.measure { _ = detector.detect(loads) })
    }
    var decode = Duration.seconds(1_000_000)
    for _ in 0..<repetitions {
      decode = min(decode, clock.measure { for load in loads { _ = try? load() } })
    }
    let n = Double(images.count)
    func ms(_ d: Duration) -> Double {
      Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }
    print(
      String(
        format:
          "end to end (decode + resize + infer + decode outputs + NMS): %.1f ms per photo, %.2f photos/s, %d boxes",
        ms(best) / n, n / (ms(best) / 1000), boxes))
    print(String(format: "decoding alone, one thread: %.1f ms per photo", ms(decode) / n))
  }
}
