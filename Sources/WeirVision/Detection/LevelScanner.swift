import Dispatch

/// Scans one pyramid level at a time: resizes the image, builds its integral images and runs the
/// cascade on every window position. Owns all the memory this needs, allocated once per image
/// for the full size and reused by every level; detection allocates nothing per window.
struct LevelScanner: ~Copyable {
  private let compiled: CompiledCascade
  private let integrals: IntegralImages
  private let resized: UnsafeMutablePointer<UInt8>
  private let resizeScratch: UnsafeMutablePointer<UInt32>
  private let imageWidth: Int
  private let imageHeight: Int
  private let windowWidth: Int
  private let windowHeight: Int

  /// Prepares buffers for images of `imageWidth × imageHeight` (and every smaller level).
  init(_ cascade: HaarCascade, imageWidth: Int, imageHeight: Int) {
    self.imageWidth = imageWidth
    self.imageHeight = imageHeight
    windowWidth = cascade.windowWidth
    windowHeight = cascade.windowHeight
    let integrals = IntegralImages(width: imageWidth, height: imageHeight, tilted: cascade.hasTiltedFeatures)
    compiled = CompiledCascade(cascade, stride: integrals.stride, tiltedOffset: integrals.tiltedOffset)
    self.integrals = integrals
    resized = .allocate(capacity: imageWidth * imageHeight)
    resizeScratch = .allocate(capacity: imageWidth * imageHeight)
  }

  deinit {
    resized.deallocate()
    resizeScratch.deallocate()
  }

  /// The accepted windows of `level`, in the coordinates of the full image `pixels`.
  borrowing func scan(_ level: PyramidLevel, of pixels: UnsafePointer<UInt8>, parallel: Bool) -> [RawWindow] {
    let lastY = level.height - windowHeight
    guard level.width >= windowWidth, lastY >= 0 else { return [] }
    var source = pixels
    if level.width != imageWidth || level.height != imageHeight {
      BitExactResizer(
        sourceWidth: imageWidth, sourceHeight: imageHeight, width: level.width, height: level.height
      )
      .resize(pixels, into: resized, scratch: resizeScratch)
      source = UnsafePointer(resized)
    }
    integrals.compute(source, width: level.width, height: level.height)
    let evaluator = compiled.evaluator(sums: integrals.values, squares: integrals.squares)
    let rowCount = lastY / level.step + 1
    var rows = [[RawWindow]](repeating: [], count: rowCount)
    if parallel && rowCount > 1 {
      rows.withUnsafeMutableBufferPointer { rows in
        DispatchQueue.concurrentPerform(iterations: rowCount) { row in
          rows[row] = scanRow(row * level.step, level, evaluator)
        }
      }
    } else {
      for row in 0..<rowCount { rows[row] = scanRow(row * level.step, level, evaluator) }
    }
    return rows.flatMap { $0 }
  }

  /// One row of windows at `y`: `x` advances by `step`, and by `2·step` after a window that the
  /// first stage rejected (OpenCV's skip rule). Boxes are mapped back to the image as OpenCV does:
  /// `cvRound(x·scale)` with a `Float` scale, one window size per level.
  private borrowing func scanRow(_ y: Int, _ level: PyramidLevel, _ evaluator: WindowEvaluator) -> [RawWindow]
  {
    let step = level.step, lastX = level.width - windowWidth
    let scale = level.scale
    let width = roundHalfEven(Float(windowWidth) * scale)
    let height = roundHalfEven(Float(windowHeight) * scale)
    let rowOffset = y &* integrals.stride
    var found: [RawWindow] = []
    var weight = 0.0
    var x = 0
    while x <= lastX {
      let result = evaluator.evaluate(at: rowOffset &+ x, weight: &weight)
      if result == 1 {
        let box = RawWindow(
          x: roundHalfEven(Float(x) * scale), y: roundHalfEven(Float(y) * scale), width: width,
          height: height,
          levelWeight: weight)
        found.append(box)
      } else if result == 0 {
        x &+= step
      }
      x &+= step
    }
    return found
  }
}
