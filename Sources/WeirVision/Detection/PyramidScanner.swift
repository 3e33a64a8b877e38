/// Runs a cascade over every level of the image pyramid and collects the accepted windows
/// (ALGORITHM.md §2.3 steps 2–7). Rows of windows are scanned in parallel; the windows come out
/// in a fixed order (level, then row, then column) whatever the number of threads.
struct PyramidScanner {
  let cascade: HaarCascade

  /// All accepted windows of `image`, in image coordinates, ungrouped.
  func scan(_ image: GrayImage, options: DetectionOptions) -> [RawWindow] {
    let levels = PyramidLevel.levels(
      imageWidth: image.width, imageHeight: image.height, windowWidth: cascade.windowWidth,
      windowHeight: cascade.windowHeight, options: options)
    guard !levels.isEmpty else { return [] }
    let scanner = LevelScanner(cascade, imageWidth: image.width, imageHeight: image.height)
    return image.pixels.withUnsafeBufferPointer { pixels in
      guard let base = pixels.baseAddress else { return [] }
      var windows: [RawWindow] = []
      for level in levels {
        windows += scanner.scan(level, of: base, parallel: options.parallel)
      }
      return windows
    }
  }
}
