/// Settings of ``CascadeClassifier/detect(_:options:)``, named and defaulted as in OpenCV's
/// `detectMultiScale`.
public struct DetectionOptions: Sendable, Hashable {
  /// How much the window grows from one scale to the next (OpenCV's `scaleFactor`); must be > 1.
  public var scaleFactor: Double
  /// A group of overlapping windows is reported only if it has more than this many members.
  /// `0` (or less) returns every accepted window ungrouped, each with `neighbors` 1.
  public var minNeighbors: Int
  /// Windows smaller than `minSize`×`minSize` pixels are skipped; `0` means no limit.
  public var minSize: Int
  /// Windows larger than `maxSize`×`maxSize` pixels are skipped; `0` means the image size.
  public var maxSize: Int
  /// Scan rows of windows on all cores. The result does not depend on it.
  public var parallel: Bool

  /// Creates options; the defaults are OpenCV's (`1.1`, `3`, no size limits).
  public init(
    scaleFactor: Double = 1.1, minNeighbors: Int = 3, minSize: Int = 0, maxSize: Int = 0,
    parallel: Bool = true
  ) {
    self.scaleFactor = scaleFactor
    self.minNeighbors = minNeighbors
    self.minSize = minSize
    self.maxSize = maxSize
    self.parallel = parallel
  }

  /// Every accepted window at every scale, ungrouped (`minNeighbors` 0).
  public static let rawWindows = DetectionOptions(minNeighbors: 0)

  /// Only the windows accepted at scale 1, i.e. of exactly the cascade's window size, ungrouped.
  /// For the bundled 24×24 cascades; this involves no image resizing.
  public static let scaleOneRawWindows = DetectionOptions(minNeighbors: 0, minSize: 24, maxSize: 24)
}
