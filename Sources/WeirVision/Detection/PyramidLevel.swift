/// One level of the image pyramid: the scale and the size the image is resized to.
struct PyramidLevel: Sendable, Hashable {
  /// The window's scale relative to the cascade's window, as OpenCV stores it (`Float`).
  var scale: Float
  /// The resized image: `round(W / scale) × round(H / scale)`, computed in `Float`.
  var width: Int
  var height: Int
  /// Window positions advance by 2 pixels below scale 2 and by 1 from there on.
  var step: Int { scale >= 2 ? 1 : 2 }

  /// The scales OpenCV's `detectMultiScale` visits (ALGORITHM.md §2.3 steps 2–3): the factor
  /// starts at 1 and is multiplied by `scaleFactor` (in `Double`) until the rounded window exceeds
  /// `maxSize` or the image; windows below `minSize` are skipped.
  static func levels(
    imageWidth: Int, imageHeight: Int, windowWidth: Int, windowHeight: Int, options: DetectionOptions
  ) -> [PyramidLevel] {
    guard options.scaleFactor > 1, options.scaleFactor.isFinite else { return [] }
    let maxWidth = options.maxSize > 0 ? options.maxSize : imageWidth
    let maxHeight = options.maxSize > 0 ? options.maxSize : imageHeight
    var levels: [PyramidLevel] = []
    var factor = 1.0
    while true {
      let w = roundHalfEven(Double(windowWidth) * factor)
      let h = roundHalfEven(Double(windowHeight) * factor)
      if w > maxWidth || h > maxHeight || w > imageWidth || h > imageHeight { break }
      if w >= options.minSize && h >= options.minSize {
        let scale = Float(factor)
        // int / float in OpenCV: the division happens in Float.
        let width = roundHalfEven(Float(imageWidth) / scale)
        let height = roundHalfEven(Float(imageHeight) / scale)
        levels.append(PyramidLevel(scale: scale, width: width, height: height))
      }
      factor *= options.scaleFactor
    }
    return levels
  }
}

/// OpenCV's `cvRound` for `Double`: round half to even.
@inline(__always)
func roundHalfEven(_ value: Double) -> Int {
  Int(value.rounded(.toNearestOrEven))
}

/// OpenCV's `cvRound` for `Float`: round half to even.
@inline(__always)
func roundHalfEven(_ value: Float) -> Int {
  Int(value.rounded(.toNearestOrEven))
}
