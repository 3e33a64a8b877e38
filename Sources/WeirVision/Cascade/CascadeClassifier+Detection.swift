extension CascadeClassifier {
  /// Finds objects in `image` exactly as OpenCV 4's
  /// `detectMultiScale3(image, scaleFactor, minNeighbors, 0, minSize, maxSize, outputRejectLevels: true)`
  /// does, with the same boxes, `levelWeight`s and neighbour counts (ALGORITHM.md §2.3).
  ///
  /// The image is used as it is: no histogram equalisation (which makes the face cascade fire on
  /// animals). Boxes come in a fixed order: by level, then by position of each group's first
  /// window. With `options.minNeighbors ≤ 0` every accepted window is returned ungrouped.
  public func detect(_ image: GrayImage, options: DetectionOptions = DetectionOptions()) -> [Detection] {
    let windows = PyramidScanner(cascade: cascade).scan(image, options: options)
    return RectangleGrouping.group(
      windows, minNeighbors: options.minNeighbors, rejectLevel: stageCount, imageWidth: image.width,
      imageHeight: image.height)
  }
}
