import Foundation

/// A box found by ``CascadeClassifier/detect(_:options:)``, in image pixels, clipped to the image.
public struct Detection: Sendable, Hashable {
  /// Left edge.
  public var x: Int
  /// Top edge.
  public var y: Int
  /// Width.
  public var width: Int
  /// Height.
  public var height: Int
  /// OpenCV's `levelWeight`: the sum of the last stage's stumps for the strongest member of the
  /// group. The higher, the more face-like; see ``confidence``.
  public var levelWeight: Double
  /// How many raw windows were merged into this box (1 for raw windows).
  public var neighbors: Int
  /// The number of stages passed, which OpenCV 4 only reports for windows that pass them all, so
  /// it always equals ``CascadeClassifier/stageCount``.
  public var rejectLevel: Int

  /// Creates a detection.
  public init(x: Int, y: Int, width: Int, height: Int, levelWeight: Double, neighbors: Int, rejectLevel: Int)
  {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
    self.levelWeight = levelWeight
    self.neighbors = neighbors
    self.rejectLevel = rejectLevel
  }

  /// ``levelWeight`` mapped to 0...1 by ``confidence(levelWeight:)``.
  public var confidence: Double { Detection.confidence(levelWeight: levelWeight) }

  /// Maps a cascade `levelWeight` to a confidence in 0...1: `1 / (1 + exp(−2·(lw − 1)))`.
  ///
  /// A logistic curve centred on `lw = 1`. Why: on the ten reference photos (OpenCV 4.14,
  /// `scaleFactor` 1.1, `minNeighbors` 3), every true cat face has `lw ≥ 1.75` (→ 0.82 and up, up
  /// to 0.997) and every false cat box has `lw ≤ 0.82` (→ 0.41 and below), while the neighbour
  /// count does not separate them. So a threshold of 0.5 (`lw` 1) keeps exactly the true faces
  /// there. It is a heuristic fitted on ten photos, not a calibrated probability.
  public static func confidence(levelWeight: Double) -> Double {
    1 / (1 + exp(-2 * (levelWeight - 1)))
  }
}
