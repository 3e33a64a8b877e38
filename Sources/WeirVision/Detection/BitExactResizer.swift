/// Bilinear downscaling with integer weights, bit-identical to OpenCV's
/// `resize(…, INTER_LINEAR_EXACT)` for 8-bit images (ALGORITHM.md §2.3 step 3). The cascade's
/// image pyramid uses it; plain `INTER_LINEAR` differs by ±1 and changes which windows pass.
struct BitExactResizer {
  /// For one output index: the first source index and the two 8-bit weights (they sum to 256).
  /// The second source index is `index + 1`, clamped (its weight is 0 when clamped).
  struct Tap {
    var index: Int
    var next: Int
    var weight0: UInt32
    var weight1: UInt32
  }

  let sourceWidth: Int
  let sourceHeight: Int
  let width: Int
  let height: Int
  private let columns: [Tap]
  private let rows: [Tap]

  /// Prepares the weights for resizing `sourceWidth × sourceHeight` to `width × height`.
  init(sourceWidth: Int, sourceHeight: Int, width: Int, height: Int) {
    self.sourceWidth = sourceWidth
    self.sourceHeight = sourceHeight
    self.width = width
    self.height = height
    columns = Self.taps(source: sourceWidth, destination: width)
    rows = Self.taps(source: sourceHeight, destination: height)
  }

  /// OpenCV's coefficients: `f = (d + 0.5)·(S/D) − 0.5` in `Double`, `i = floor(f)`,
  /// `w1 = round((f − i)·256)`, clamped to the border with weight 256 on the edge pixel.
  static func taps(source: Int, destination: Int) -> [Tap] {
    let scale = 1.0 / (Double(destination) / Double(source))
    return (0..<destination).map { d in
      let f = scale * (Double(d) + 0.5) - 0.5
      let i = Int(f.rounded(.down))
      guard i >= 0, source > 1 else { return Tap(index: 0, next: 0, weight0: 256, weight1: 0) }
      guard i < source - 1 else { return Tap(index: source - 1, next: source - 1, weight0: 256, weight1: 0) }
      let w1 = UInt32(((f - Double(i)) * 256).rounded(.toNearestOrEven))
      return Tap(index: i, next: i + 1, weight0: 256 - w1, weight1: w1)
    }
  }

  /// Resizes `source` (rows of `sourceWidth` bytes) into `destination` (rows of `width` bytes),
  /// using `scratch` (at least `sourceHeight × width` values) for the horizontal pass.
  func resize(
    _ source: UnsafePointer<UInt8>, into destination: UnsafeMutablePointer<UInt8>,
    scratch: UnsafeMutablePointer<UInt32>
  ) {
    columns.withUnsafeBufferPointer { columns in
      var y = 0
      while y < sourceHeight {
        let src = source + y &* sourceWidth
        let out = scratch + y &* width
        var x = 0
        while x < width {
          let tap = columns[x]
          out[x] = UInt32(src[tap.index]) &* tap.weight0 &+ UInt32(src[tap.next]) &* tap.weight1
          x &+= 1
        }
        y &+= 1
      }
    }
    rows.withUnsafeBufferPointer { rows in
      var y = 0
      while y < height {
        let tap = rows[y]
        let a = scratch + tap.index &* width, b = scratch + tap.next &* width
        let out = destination + y &* width
        var x = 0
        while x < width {
          let v = a[x] &* tap.weight0 &+ b[x] &* tap.weight1
          out[x] = UInt8(truncatingIfNeeded: (v &+ 32768) >> 16)
          x &+= 1
        }
        y &+= 1
      }
    }
  }
}
