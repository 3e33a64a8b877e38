/// A ``HaarCascade`` laid out for one integral-image row stride: each stump carries its feature's
/// rectangles as four offsets each (relative to the window's top-left corner), so evaluating a
/// window is a walk over one flat array with no index arithmetic and no allocation.
///
/// It owns that memory (hence `~Copyable`); ``evaluator(sums:squares:)`` lends raw pointers to it.
struct CompiledCascade: ~Copyable {
  /// A stump with its feature inlined. A rectangle's sum is `p[a] − p[b] − p[c] + p[d]`, where `p`
  /// points at the window's corner in the `sum` block, or for a tilted feature (whose offsets
  /// include the tilted block's start) in the `tilted` block.
  struct Stump {
    var a0: Int, b0: Int, c0: Int, d0: Int
    var a1: Int, b1: Int, c1: Int, d1: Int
    var a2: Int, b2: Int, c2: Int, d2: Int
    var weight0: Float, weight1: Float, weight2: Float
    var threshold: Float, left: Float, right: Float
  }

  /// All stumps, stage after stage, in file order.
  let stumps: UnsafeMutableBufferPointer<Stump>
  /// For each stage, the index one past its last stump.
  let stageEnds: UnsafeMutableBufferPointer<Int>
  /// For each stage, its threshold (already lowered by `1e-5`).
  let stageThresholds: UnsafeMutableBufferPointer<Float>
  /// Offsets of the variance-normalisation rectangle `(1, 1, W−2, H−2)`.
  let normOffsets: (Int, Int, Int, Int)
  /// Its area, `(W−2)·(H−2)`.
  let normArea: Double

  /// Lays `cascade` out for integral images with `stride` values per row, the tilted block
  /// starting `tiltedOffset` values after the sum block.
  init(_ cascade: HaarCascade, stride: Int, tiltedOffset: Int) {
    let stumps = cascade.stumps.map { stump in
      let feature = cascade.features[stump.featureIndex]
      var corners: [(Int, Int, Int, Int)] = feature.rects.map { rect in
        feature.tilted
          ? Self.tiltedCorners(rect, stride: stride, base: tiltedOffset) : Self.corners(rect, stride: stride)
      }
      var weights = feature.rects.map(\.weight)
      while corners.count < 3 {
        corners.append((0, 0, 0, 0))
        weights.append(0)
      }
      return Stump(
        a0: corners[0].0, b0: corners[0].1, c0: corners[0].2, d0: corners[0].3,
        a1: corners[1].0, b1: corners[1].1, c1: corners[1].2, d1: corners[1].3,
        a2: corners[2].0, b2: corners[2].1, c2: corners[2].2, d2: corners[2].3,
        weight0: weights[0], weight1: weights[1], weight2: weights[2],
        threshold: stump.threshold, left: stump.left, right: stump.right)
    }
    self.stumps = Self.copy(stumps)
    stageEnds = Self.copy(cascade.stages.map(\.stumps.upperBound))
    stageThresholds = Self.copy(cascade.stages.map(\.threshold))
    let norm = HaarCascade.Rect(
      x: 1, y: 1, width: cascade.windowWidth - 2, height: cascade.windowHeight - 2, weight: 1)
    normOffsets = Self.corners(norm, stride: stride)
    normArea = Double(norm.width * norm.height)
  }

  deinit {
    stumps.deallocate()
    stageEnds.deallocate()
    stageThresholds.deallocate()
  }

  /// A window evaluator over this cascade and the given integral-image blocks. It holds raw
  /// pointers: use it only while `self` and the blocks are alive.
  borrowing func evaluator(sums: UnsafePointer<Int32>, squares: UnsafePointer<Int32>) -> WindowEvaluator {
    WindowEvaluator(
      stumps: UnsafePointer(stumps.baseAddress!), stageEnds: UnsafePointer(stageEnds.baseAddress!),
      stageThresholds: UnsafePointer(stageThresholds.baseAddress!), stageCount: stageEnds.count, sums: sums,
      squares: squares, norm: normOffsets, normArea: normArea)
  }

  private static func copy<T>(_ values: [T]) -> UnsafeMutableBufferPointer<T> {
    // At least one element, so that baseAddress is never nil (a validated cascade has stages).
    let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(1, values.count))
    _ = buffer.initialize(from: values)
    return UnsafeMutableBufferPointer(rebasing: buffer[0..<values.count])
  }

  /// Offsets of an upright rectangle's corners: top-left, top-right, bottom-left, bottom-right.
  static func corners(_ r: HaarCascade.Rect, stride: Int) -> (Int, Int, Int, Int) {
    let top = r.y * stride, bottom = (r.y + r.height) * stride
    return (top + r.x, top + r.x + r.width, bottom + r.x, bottom + r.x + r.width)
  }

  /// Offsets of a 45° rectangle's corners in the tilted block: `T[y][x]`, `T[y+h][x−h]`,
  /// `T[y+w][x+w]`, `T[y+w+h][x+w−h]` (ALGORITHM.md §2.3 step 6).
  static func tiltedCorners(_ r: HaarCascade.Rect, stride: Int, base: Int) -> (Int, Int, Int, Int) {
    (
      base + r.y * stride + r.x,
      base + (r.y + r.height) * stride + r.x - r.height,
      base + (r.y + r.width) * stride + r.x + r.width,
      base + (r.y + r.width + r.height) * stride + r.x + r.width - r.height
    )
  }
}
