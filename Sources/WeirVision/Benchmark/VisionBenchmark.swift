import Foundation

/// Times image decoding and cascade detection on real photos, for `weir bench`. It measures and
/// returns; it never prints (render with ``report(_:)``).
public enum VisionBenchmark {
  /// The timing of one image with one cascade in one threading mode.
  public struct Measurement: Sendable, Hashable {
    /// The file name.
    public var image: String
    public var width: Int
    public var height: Int
    public var cascade: BuiltInCascade
    /// Whether rows were scanned on all cores.
    public var parallel: Bool
    /// Decoding to grey, the fastest of the repetitions, in milliseconds.
    public var decodeMilliseconds: Double
    /// Detection (pyramid, scan, grouping), the fastest of the repetitions, in milliseconds.
    public var detectMilliseconds: Double
    /// Boxes found (as a sanity check that the work was done).
    public var detections: Int
  }

  /// Decodes each image and runs each cascade on it, single-threaded and in parallel, taking the
  /// fastest of `repetitions` runs (the least disturbed by other load on the machine).
  public static func run(
    images: [URL], cascades: [BuiltInCascade] = [.catFace], repetitions: Int = 3,
    options: DetectionOptions = DetectionOptions()
  ) throws -> [Measurement] {
    let classifiers = try cascades.map { ($0, try CascadeClassifier(builtIn: $0)) }
    let clock = ContinuousClock()
    var measurements: [Measurement] = []
    for url in images {
      let data = try Data(contentsOf: url)
      var image = try ImageDecoder.decodeGray(data)
      let decode = try fastest(repetitions, clock) { image = try ImageDecoder.decodeGray(data) }
      for (builtIn, classifier) in classifiers {
        for parallel in [false, true] {
          var mode = options
          mode.parallel = parallel
          var found: [Detection] = []
          let detect = fastest(repetitions, clock) { found = classifier.detect(image, options: mode) }
          measurements.append(
            Measurement(
              image: url.lastPathComponent, width: image.width, height: image.height, cascade: builtIn,
              parallel: parallel, decodeMilliseconds: decode, detectMilliseconds: detect,
              detections: found.count))
        }
      }
    }
    return measurements
  }

  /// A plain-text table: one line per image and cascade, single-threaded and parallel side by side.
  public static func report(_ measurements: [Measurement]) -> String {
    var lines = [
      "image                              size      cascade          decode ms  1 thread ms  all cores ms  boxes"
    ]
    let serial = measurements.filter { !$0.parallel }
    for m in serial {
      let parallel = measurements.first { $0.parallel && $0.image == m.image && $0.cascade == m.cascade }
      let size = "\(m.width)x\(m.height)"
      lines.append(
        m.image.padding(toLength: 34, withPad: " ", startingAt: 0) + " "
          + size.padding(toLength: 9, withPad: " ", startingAt: 0)
          + " " + m.cascade.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)
          + format(m.decodeMilliseconds, 10) + format(m.detectMilliseconds, 13)
          + format(parallel?.detectMilliseconds ?? .nan, 14) + String(repeating: " ", count: 2)
          + "\(m.detections)")
    }
    return lines.joined(separator: "\n")
  }

  private static func format(_ value: Double, _ width: Int) -> String {
    let text = value.isNaN ? "-" : String(format: "%.1f", value)
    return String(repeating: " ", count: max(0, width - text.count)) + text
  }

  /// The shortest of `count` timed runs of `body`, in milliseconds.
  private static func fastest(_ count: Int, _ clock: ContinuousClock, _ body: () throws -> Void) rethrows
    -> Double
  {
    var best = Double.infinity
    for _ in 0..<max(1, count) {
      let elapsed = try clock.measure(body)
      let ms = Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) * 1e-15
      best = min(best, ms)
    }
    return best
  }
}
