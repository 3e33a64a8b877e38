/// The integral images one pyramid level needs, in one buffer with a fixed row stride so that
/// feature offsets can be computed once per image (ALGORITHM.md §2.3 step 4).
///
/// Layout, each block `(height + 1)` rows of `stride` values with a zero first row and column:
/// `sum` at 0, `tilted` at ``tiltedOffset`` (only if needed), and `squares` in its own buffer.
/// Values are `Int32` with wrapping arithmetic, as OpenCV's `CV_32S` integrals: sums over a
/// window are exact modulo 2³², and every window sum fits in 32 bits, so results are exact.
struct IntegralImages: ~Copyable {
  /// Values per row: the full image width + 1, for every level.
  let stride: Int
  /// Rows per block: the full image height + 1.
  let rows: Int
  /// Where the tilted block starts in ``values``; 0 if there is none.
  let tiltedOffset: Int
  /// `sum` (and `tilted`) blocks.
  let values: UnsafeMutablePointer<Int32>
  /// The squared-sum block.
  let squares: UnsafeMutablePointer<Int32>
  private let valueCount: Int
  /// Three padded rows of tilted sums and two of pixels, reused from level to level.
  private let scratch: UnsafeMutablePointer<Int32>
  private let scratchWidth: Int

  /// Allocates blocks for images up to `width × height`.
  init(width: Int, height: Int, tilted: Bool) {
    stride = width + 1
    rows = height + 1
    tiltedOffset = tilted ? stride * rows : 0
    valueCount = stride * rows * (tilted ? 2 : 1)
    values = .allocate(capacity: valueCount)
    values.initialize(repeating: 0, count: valueCount)
    squares = .allocate(capacity: stride * rows)
    squares.initialize(repeating: 0, count: stride * rows)
    scratchWidth = tilted ? width + 2 * height + 5 : 0
    scratch = .allocate(capacity: max(1, scratchWidth * 5))
    scratch.initialize(repeating: 0, count: max(1, scratchWidth * 5))
  }

  deinit {
    values.deallocate()
    squares.deallocate()
    scratch.deallocate()
  }

  /// Fills the blocks for `image` (`width × height`, at most the allocated size).
  func compute(_ image: UnsafePointer<UInt8>, width: Int, height: Int) {
    computeSums(image, width: width, height: height)
    if tiltedOffset > 0 { computeTilted(image, width: width, height: height) }
  }

  /// `sum(X,Y) = Σ I(x,y)` and `squares(X,Y) = Σ I(x,y)²` over `x < X, y < Y`.
  private func computeSums(_ image: UnsafePointer<UInt8>, width: Int, height: Int) {
    var y = 0
    while y < height {
      let src = image + y &* width
      let above = values + y &* stride, row = above + stride
      let aboveSq = squares + y &* stride, rowSq = aboveSq + stride
      var s: Int32 = 0
      var q: Int32 = 0
      var x = 0
      while x < width {
        let p = Int32(src[x])
        s &+= p
        q &+= p &* p
        row[x &+ 1] = above[x &+ 1] &+ s
        rowSq[x &+ 1] = aboveSq[x &+ 1] &+ q
        x &+= 1
      }
      y &+= 1
    }
  }

  /// `tilted(X,Y) = Σ I(x,y)` over `y < Y, |x − X + 1| ≤ Y − y − 1` (OpenCV's rotated sum), via
  /// `T(X,Y) = T(X−1,Y−1) + T(X+1,Y−1) − T(X,Y−2) + I(X−1,Y−1) + I(X−1,Y−2)` on rows padded by
  /// `height + 2` zeros each side. Only the columns that can still reach `0...width` are computed,
  /// and only three padded rows are kept.
  private func computeTilted(_ image: UnsafePointer<UInt8>, width: Int, height: Int) {
    let pad = height + 2
    let padded = width + 1 + 2 * pad  // padded index i is column X = i − pad
    precondition(padded <= scratchWidth, "tilted scratch too small (internal error)")
    var older = scratch, old = scratch + padded, current = scratch + 2 * padded
    var pixelsOld = scratch + 3 * padded, pixelsOlder = scratch + 4 * padded  // I(·, Y−1), I(·, Y−2)
    scratch.update(repeating: 0, count: 5 * padded)
    let tilted = values + tiltedOffset
    var y = 1
    while y <= height {
      // Row Y−1 of the image, shifted so that pixelsOld[i] = I(X − 1, Y − 1) = I(i − pad − 1, Y − 1).
      swap(&pixelsOld, &pixelsOlder)
      let src = image + (y - 1) &* width
      var x = 0
      while x < width {
        pixelsOld[x &+ pad &+ 1] = Int32(src[x])
        x &+= 1
      }
      let first = max(1, y - 1), last = min(padded - 2, padded - y)
      var i = first
      while i <= last {
        current[i] = old[i &- 1] &+ old[i &+ 1] &- older[i] &+ pixelsOld[i] &+ pixelsOlder[i]
        i &+= 1
      }
      (tilted + y &* stride).update(from: current + pad, count: width + 1)
      (older, old, current) = (old, current, older)
      y &+= 1
    }
  }
}
