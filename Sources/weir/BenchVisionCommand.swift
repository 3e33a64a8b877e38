import ArgumentParser
import Foundation
import WeirModels
import WeirVision

/// `weir bench vision [PHOTOS…]`: how long the built-in detector takes per photo, decoding and
/// detection apart, on one thread and on every core (Documentation/Runtime.md, "Benchmark").
struct BenchVision: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "vision", abstract: "Time the built-in detector on photos, on one thread and on every core.",
    discussion: "Build with 'swift build -c release' first: a debug build is about ten times slower.")

  @Argument(help: "Photos, or folders of them (.jpg, .jpeg, .png, .pgm).")
  var paths: [String] = ["examples/pets/photos"]

  @Option(help: "The detector, as in 'backend: {builtin: NAME}'.")
  var detector = "cat-face"

  @Option(help: "Timed runs of each photo; the fastest is shown.")
  var repetitions = 5

  @Option(help: "The detector's scale_factor.") var scaleFactor = 1.1
  @Option(help: "The detector's min_neighbors.") var minNeighbors = 3

  @OptionGroup(title: "ONNX detector (instead of the built-in one)") var onnx: BenchONNXOptions

  func validate() throws {
    if repetitions < 1 { throw ValidationError("--repetitions must be at least 1") }
    if !(scaleFactor > 1) { throw ValidationError("--scale-factor must be above 1") }
    if BuiltinDetectorConfig.detectors.first(where: { $0.name == detector }) == nil {
      let names = BuiltinDetectorConfig.detectors.map(\.name).joined(separator: ", ")
      throw ValidationError("no built-in detector '\(detector)'; there are: \(names)")
    }
  }

  func run() throws {
    if onnx.onnx != nil {
      let images: [URL]
      do { images = try photos() } catch let error as ValidationError {
        Terminal.fail(error.message)
        throw ExitStatus.usage
      }
      return try onnx.run(images: images, repetitions: repetitions)
    }
    guard let cascade = BuiltinDetectorConfig.detectors.first(where: { $0.name == detector })?.cascade else {
      return
    }
    let images: [URL]
    do { images = try photos() } catch let error as ValidationError {
      Terminal.fail(error.message)
      throw ExitStatus.usage
    }
    #if DEBUG
      Terminal.write(
        "weir: this is a debug build; for real figures: swift build -c release && .build/release/weir bench vision\n",
        to: .stderr)
    #endif
    let cores = ProcessInfo.processInfo.activeProcessorCount
    print(
      "\(detector) on \(images.count) photo\(images.count == 1 ? "" : "s"): scale factor \(scaleFactor), "
        + "min neighbors \(minNeighbors), fastest of \(repetitions), \(cores) core\(cores == 1 ? "" : "s")\n")
    let options = DetectionOptions(scaleFactor: scaleFactor, minNeighbors: minNeighbors)
    var measurements: [VisionBenchmark.Measurement] = []
    for image in images {
      do {
        measurements += try VisionBenchmark.run(
          images: [image], cascades: [cascade], repetitions: repetitions, options: options)
      } catch {
        Terminal.fail("\(image.path): \(error)")
        throw ExitStatus.failure
      }
    }
    print(VisionBenchmark.report(measurements))
    let serial = measurements.filter { !$0.parallel }
    let parallel = measurements.filter(\.parallel)
    func mean(_ ms: [Double]) -> String {
      String(format: "%.1f ms", ms.reduce(0, +) / Double(max(1, ms.count)))
    }
    print(
      "\nper photo (mean): decode \(mean(serial.map(\.decodeMilliseconds))), "
        + "detect \(mean(serial.map(\.detectMilliseconds))) on 1 thread, "
        + "\(mean(parallel.map(\.detectMilliseconds))) on \(cores) core\(cores == 1 ? "" : "s")")
  }

  /// The photos named, folders listed (sorted, not recursive).
  private func photos() throws -> [URL] {
    let extensions: Set<String> = ["jpg", "jpeg", "png", "pgm"]
    var urls: [URL] = []
    for path in paths {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
        throw ValidationError("\(path): no such file or folder")
      }
      if isFolder.boolValue {
        let names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        urls += names.filter { extensions.contains(($0 as NSString).pathExtension.lowercased()) }
          .map { URL(fileURLWithPath: path).appendingPathComponent($0) }
      } else {
        urls.append(URL(fileURLWithPath: path))
      }
    }
    guard !urls.isEmpty else {
      throw ValidationError("no photos (.jpg, .jpeg, .png, .pgm) in \(paths.joined(separator: " "))")
    }
    return urls
  }
}
