/// A boosted cascade of Haar-feature stumps, as read from OpenCV's "new" XML format, in flat
/// arrays. ``CascadeClassifier`` wraps it; ``CompiledCascade`` turns it into integral-image offsets.
///
/// Numbers are stored the way OpenCV's loader stores them: read as `Double`, kept as `Float`,
/// and every stage threshold already lowered by `1e-5` in `Float` arithmetic (OpenCV's
/// `THRESHOLD_EPS`).
struct HaarCascade: Sendable, Hashable {
  /// One weighted rectangle of a feature, relative to the detection window.
  struct Rect: Sendable, Hashable {
    var x: Int
    var y: Int
    var width: Int
    var height: Int
    var weight: Float
  }

  /// A Haar feature: 1 to 3 weighted rectangles, upright or rotated 45° (`tilted`).
  struct Feature: Sendable, Hashable {
    var rects: [Rect]
    var tilted: Bool
  }

  /// A depth-1 decision tree: `value < threshold ? left : right`.
  struct Stump: Sendable, Hashable {
    var featureIndex: Int
    var threshold: Float
    var left: Float
    var right: Float
  }

  /// A stage: the stumps in `stumps` (indices into ``HaarCascade/stumps``) are summed and the
  /// window is rejected when the sum is below `threshold`.
  struct Stage: Sendable, Hashable {
    var stumps: Range<Int>
    var threshold: Float
  }

  /// The value OpenCV subtracts from every stage threshold when it loads a cascade.
  static let thresholdEpsilon: Float = 1e-5

  /// The detection window, in pixels (24×24 for all bundled cascades).
  var windowWidth: Int
  var windowHeight: Int
  var stages: [Stage]
  var stumps: [Stump]
  var features: [Feature]

  /// Whether any feature is rotated, so that the tilted integral image is needed.
  var hasTiltedFeatures: Bool { features.contains { $0.tilted } }

  /// Checks that every index and rectangle stays inside its array or the window, so evaluation
  /// can read integral images without bounds checks. Returns a message for the first problem.
  func validationProblem() -> String? {
    guard windowWidth >= 3, windowHeight >= 3, windowWidth <= 1024, windowHeight <= 1024 else {
      return "window size \(windowWidth)x\(windowHeight) is not in 3...1024"
    }
    guard !stages.isEmpty else { return "no stages" }
    for (index, stage) in stages.enumerated() where stage.stumps.isEmpty {
      return "stage \(index) has no weak classifiers"
    }
    for (index, stump) in stumps.enumerated() where !features.indices.contains(stump.featureIndex) {
      return "weak classifier \(index) uses feature \(stump.featureIndex), but there are \(features.count)"
    }
    for (index, feature) in features.enumerated() {
      guard (1...3).contains(feature.rects.count) else {
        return "feature \(index) has \(feature.rects.count) rectangles (expected 1 to 3)"
      }
      for rect in feature.rects where !fits(rect, tilted: feature.tilted) {
        return "feature \(index) has a rectangle outside the \(windowWidth)x\(windowHeight) window"
      }
    }
    return nil
  }

  /// Whether `rect` lies inside the window; a tilted rect spans x−h ... x+w and y ... y+w+h.
  private func fits(_ rect: Rect, tilted: Bool) -> Bool {
    guard rect.x >= 0, rect.y >= 0, rect.width >= 0, rect.height >= 0 else { return false }
    if tilted {
      return rect.x - rect.height >= 0 && rect.x + rect.width <= windowWidth
        && rect.y + rect.width + rect.height <= windowHeight
    }
    return rect.x + rect.width <= windowWidth && rect.y + rect.height <= windowHeight
  }
}
