import Dispatch

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
    let integrals = IntegralImages(
      width: image.width, height: image.height, tilted: cascade.hasTiltedFeatures)
    let compiled = CompiledCascade(cascade, stride: integrals.stride, tiltedOffset: integrals.tiltedOffset)
    let resized = UnsafeMutablePointer<UInt8>.allocate(capacity: image.width * image.height)
    let scratch = UnsafeMutablePointer<UInt32>.allocate(capacity: image.width * image.height)
    defer {
      resized.deallocate()
      scratch.deallocate()
    }
    var windows: [RawWindow] = []
    image.pixels.withUnsafeBufferPointer { pixels in
      compiled.stumps.withUnsafeBufferPointer { stumps in
        compiled.stageEnds.withUnsafeBufferPointer { ends in
          compiled.stageThresholds.withUnsafeBufferPointer { thresholds in
            let evaluator = WindowEvaluator(
              stumps: stumps.baseAddress!, stageEnds: ends.baseAddress!,
              stageThresholds: thresholds.baseAddress!,
              stageCount: ends.count, sums: integrals.values, squares: integrals.squares,
              norm: compiled.normOffsets, normArea: compiled.normArea)
            for level in levels {
              var source = UnsafePointer(pixels.baseAddress!)
              if level.width != image.width || level.height != image.height {
                BitExactResizer(
                  sourceWidth: image.width, sourceHeight: image.height, width: level.width,
                  height: level.height
                ).resize(source, into: resized, scratch: scratch)
                source = UnsafePointer(resized)
              }
              integrals.compute(source, width: level.width, height: level.height)
              windows += scanLevel(level, evaluator, stride: integrals.stride, parallel: options.parallel)
            }
          }
        }
      }
    }
    return windows
  }

  /// Scans one level: rows `y = 0, step, …` while the window fits; in each row `x` advances by
  /// `step`, and by `2·step` after a window that the first stage rejected (OpenCV's skip rule).
  private func scanLevel(_ level: PyramidLevel, _ evaluator: WindowEvaluator, stride: Int, parallel: Bool)
    -> [RawWindow]
  {
    let step = level.step
    let lastX = level.width - cascade.windowWidth
    let lastY = level.height - cascade.windowHeight
    guard lastX >= 0, lastY >= 0 else { return [] }
    let rowCount = lastY / step + 1
    // OpenCV's output geometry: cvRound(x·scale) with a Float scale; one window size per level.
    let scale = level.scale
    let width = roundHalfEven(Float(cascade.windowWidth) * scale)
    let height = roundHalfEven(Float(cascade.windowHeight) * scale)

    func scanRow(_ row: Int) -> [RawWindow] {
      var found: [RawWindow] = []
      let y = row &* step
      let rowOffset = y &* stride
      var weight = 0.0
      var x = 0
      while x <= lastX {
        let result = evaluator.evaluate(at: rowOffset &+ x, weight: &weight)
        if result == 1 {
          found.append(
            RawWindow(
              x: roundHalfEven(Float(x) * scale), y: roundHalfEven(Float(y) * scale), width: width,
              height: height,
              levelWeight: weight))
        } else if result == 0 {
          x &+= step
        }
        x &+= step
      }
      return found
    }

    var rows = [[RawWindow]](repeating: [], count: rowCount)
    if parallel && rowCount > 1 {
      rows.withUnsafeMutableBufferPointer { rows in
        DispatchQueue.concurrentPerform(iterations: rowCount) { row in rows[row] = scanRow(row) }
      }
    } else {
      for row in 0..<rowCount { rows[row] = scanRow(row) }
    }
    return rows.flatMap { $0 }
  }
}
