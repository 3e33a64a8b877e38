import Foundation
import WeirCore
import WeirVision

/// The options of `backend: {builtin: cat-face, scale_factor, min_neighbors, min_size, max_size,
/// max_pixels}`
/// (Documentation/Backends.md, "builtin").
public struct BuiltinDetectorConfig: Sendable, Hashable {
  /// The built-in detectors by the name a workflow uses, with the concept their regions carry.
  public static let detectors: [(name: String, cascade: BuiltInCascade, concept: String)] = [
    ("cat-face", .catFace, "cat"),
    ("cat-face-extended", .catFaceExtended, "cat"),
    ("human-face", .humanFace, "face"),
  ]

  /// Every option besides the detector's name.
  static let optionNames = ["scale_factor", "min_neighbors", "min_size", "max_size", "max_pixels"]

  public var name: String
  public var cascade: BuiltInCascade
  public var concept: String
  public var options: DetectionOptions
  /// The largest image decoded (width × height); a larger one fails its input, read from the header
  /// before any pixel memory is taken.
  public var maxPixels: Int

  public init(
    name: String, cascade: BuiltInCascade, concept: String, options: DetectionOptions = DetectionOptions(),
    maxPixels: Int = ImageDecoder.maximumPixelCount
  ) {
    self.name = name
    self.cascade = cascade
    self.concept = concept
    self.options = options
    self.maxPixels = maxPixels
  }

  /// Reads a `builtin` backend mapping, collecting every problem.
  static func parse(spec: BackendSpec, model: ModelDecl) -> (BuiltinDetectorConfig?, [BackendConfigError]) {
    var reader = BackendOptionReader(spec: spec, modelName: model.name.value)
    reader.rejectUnknown(known: optionNames)
    let names = detectors.map(\.name)
    let detector: (name: String, cascade: BuiltInCascade, concept: String)?
    if let text = reader.scalarText(spec.value, what: "the built-in detector") {
      detector = detectors.first { $0.name == text.value }
      if detector == nil {
        reader.fail(
          "backend.unknown-builtin", "there is no built-in detector '\(text.value)'", at: text.range,
          notes: [Note("built-in detectors: \(names.joined(separator: ", "))")])
      }
    } else {
      detector = nil
    }
    var options = DetectionOptions()
    if let text = reader.string("scale_factor") {
      if let f = Double(text.value), f > 1.0, f <= 4.0 {
        options.scaleFactor = f
      } else {
        reader.fail(
          "backend.bad-option",
          "option 'scale_factor' of model '\(model.name.value)' must be a number above 1 and at most 4, not '\(text.value)'",
          at: text.range)
      }
    }
    if let n = reader.int("min_neighbors", in: 0...1000) { options.minNeighbors = n }
    if let n = reader.int("min_size", in: 0...100_000) { options.minSize = n }
    if let n = reader.int("max_size", in: 0...100_000) { options.maxSize = n }
    let maxPixels = reader.int("max_pixels", in: 1...(1 << 30))
    guard reader.errors.isEmpty, let detector else { return (nil, reader.errors) }
    return (
      BuiltinDetectorConfig(
        name: detector.name, cascade: detector.cascade, concept: detector.concept, options: options,
        maxPixels: maxPixels ?? ImageDecoder.maximumPixelCount), []
    )
  }
}
