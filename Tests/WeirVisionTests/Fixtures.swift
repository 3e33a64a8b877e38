import Foundation
import Testing

@testable import WeirVision

/// Locates the committed fixtures (Tests/Fixtures/vision, examples/pets/photos) from this file's
/// path, and caches what several tests share (the parsed cascades, the golden JSON).
enum Fixtures {
  /// The repository root: the nearest folder above this file that holds Package.swift.
  static let root: URL = {
    var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while url.path != "/"
      && !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path)
    {
      url.deleteLastPathComponent()
    }
    return url
  }()

  static let vision = root.appendingPathComponent("Tests/Fixtures/vision")
  static let photos = root.appendingPathComponent("examples/pets/photos")

  /// The ten reference photos.
  static let photoNames = [
    "cat_chelsea_skimage.png", "cat_dogs_goat_opencvdoc.png", "cat_kitten_gcompris.jpg",
    "cat_tabby_opencvdoc.jpg", "cat_yarn_gcompris.jpg", "dog_bicycle_darknet.jpg",
    "dog_person_horse_darknet.jpg", "dog_shepherd_gcompris.jpg", "dog_shepherd_grass_opencvdoc.png",
    "horses_darknet.jpg",
  ]

  /// The three bundled cascades, parsed once for the whole run.
  static let cascades: [BuiltInCascade: CascadeClassifier] = {
    var loaded: [BuiltInCascade: CascadeClassifier] = [:]
    for builtIn in BuiltInCascade.allCases { loaded[builtIn] = try? CascadeClassifier(builtIn: builtIn) }
    return loaded
  }()

  static func cascade(_ builtIn: BuiltInCascade) throws -> CascadeClassifier {
    try #require(cascades[builtIn], "bundled cascade \(builtIn) failed to load")
  }

  /// The key the reference JSON files use for a cascade.
  static func fileName(_ builtIn: BuiltInCascade) -> String { builtIn.resourceName + ".xml" }

  static func data(_ url: URL) throws -> Data { try Data(contentsOf: url) }
}

/// One box of the reference JSON files (`neighbors` only in opencv-detections.json).
struct ReferenceBox: Decodable, Hashable, CustomStringConvertible {
  var x: Int
  var y: Int
  var w: Int
  var h: Int
  var rejectLevel: Int
  var levelWeight: Double
  var neighbors: Int?

  var description: String { "(\(x),\(y),\(w),\(h)) lw \(levelWeight)" + (neighbors.map { " n \($0)" } ?? "") }

  /// Whether `detection` is this box, with `levelWeight` within `tolerance` (the JSON rounds it).
  func matches(_ detection: Detection, tolerance: Double) -> Bool {
    detection.x == x && detection.y == y && detection.width == w && detection.height == h
      && detection.rejectLevel == rejectLevel && abs(detection.levelWeight - levelWeight) <= tolerance
      && (neighbors == nil || neighbors == detection.neighbors)
  }
}

/// `golden_small.json`: OpenCV 4.14's raw and grouped windows on two small PGM images.
struct GoldenSmall: Decodable {
  struct Sets: Decodable {
    var scaleOneRaw: [ReferenceBox]
    var allScalesRaw: [ReferenceBox]
    var groupedMinNeighbors3: [ReferenceBox]

    enum CodingKeys: String, CodingKey {
      case scaleOneRaw = "scale1_raw"
      case allScalesRaw = "all_scales_raw"
      case groupedMinNeighbors3 = "grouped_minNeighbors3"
    }
  }
  struct File: Decodable {
    var width: Int
    var height: Int
    var pixelSum: Int
    var cascades: [String: Sets]

    enum CodingKeys: String, CodingKey {
      case width, height, cascades
      case pixelSum = "pixel_sum"
    }
  }
  var files: [String: File]

  static let shared: GoldenSmall? = try? JSONDecoder().decode(
    GoldenSmall.self, from: Data(contentsOf: Fixtures.vision.appendingPathComponent("golden_small.json")))
}

/// `opencv-detections.json`: OpenCV 4.14's `detectMultiScale3` boxes on the ten photos.
struct OpenCVDetections: Decodable {
  struct Image: Decodable {
    var width: Int
    var height: Int
    var grayMean: Double
    var detections: [String: [ReferenceBox]]

    enum CodingKeys: String, CodingKey {
      case width, height, detections
      case grayMean = "gray_mean"
    }
  }
  var images: [String: Image]

  static let shared: OpenCVDetections? = try? JSONDecoder().decode(
    OpenCVDetections.self,
    from: Data(contentsOf: Fixtures.vision.appendingPathComponent("opencv-detections.json")))
}

/// Compares detections with reference boxes as sets (OpenCV's order depends on its threads) and
/// describes the difference for the failure message; `nil` when they match.
func mismatch(_ detections: [Detection], _ expected: [ReferenceBox], tolerance: Double) -> String? {
  var unmatched = detections
  var missing: [ReferenceBox] = []
  for box in expected {
    if let index = unmatched.firstIndex(where: { box.matches($0, tolerance: tolerance) }) {
      unmatched.remove(at: index)
    } else {
      missing.append(box)
    }
  }
  guard !missing.isEmpty || !unmatched.isEmpty else { return nil }
  let extra = unmatched.map {
    "(\($0.x),\($0.y),\($0.width),\($0.height)) lw \($0.levelWeight) n \($0.neighbors)"
  }
  return "missing \(missing), unexpected \(extra)"
}
