import WeirVision

/// Writes an image into one batch slot of an NCHW float tensor: a bilinear resize (pixel centres
/// aligned, as OpenCV's `INTER_LINEAR`), the letterbox's grey around it, channel order and
/// normalisation, in one pass.
public struct TensorFiller: Sendable {
  public var preprocessing: Preprocessing
  public var width: Int
  public var height: Int

  public init(preprocessing: Preprocessing, width: Int, height: Int) {
    self.preprocessing = preprocessing
    self.width = width
    self.height = height
  }

  /// Fills `slot` (`3 × height × width` values) with `image`; returns where the image went.
  public func fill(_ image: RGBImage, into slot: UnsafeMutableBufferPointer<Float>) -> Placement {
    let place = Placement(
      imageWidth: image.width, imageHeight: image.height, inputWidth: width, inputHeight: height,
      resize: preprocessing.resize)
    let plane = width * height
    // Per tensor channel: which RGB byte it reads, and value = byte × a + b.
    let order = preprocessing.channels == .rgb ? [0, 1, 2] : [2, 1, 0]
    let a = (0..<3).map { preprocessing.scale / preprocessing.std[$0] }
    let b = (0..<3).map { -preprocessing.mean[$0] / preprocessing.std[$0] }
    guard let start = slot.baseAddress, slot.count >= 3 * plane else { return place }
    for c in 0..<3 {
      start.advanced(by: c * plane).update(repeating: Preprocessing.padValue * a[c] + b[c], count: plane)
    }
    let xs = Self.taps(count: place.width, source: image.width)
    let ys = Self.taps(count: place.height, source: image.height)
    let (ox, oy) = (Int(place.padX), Int(place.padY))
    image.pixels.withUnsafeBufferPointer { pixels in
      let stride = image.width * 3
      for (row, tap) in ys.enumerated() {
        let top = tap.index * stride
        let bottom = tap.next * stride
        let wy = tap.weight
        let base = (oy + row) * width + ox
        for (col, tx) in xs.enumerated() {
          let (x0, x1, wx) = (tx.index * 3, tx.next * 3, tx.weight)
          for c in 0..<3 {
            let k = order[c]
            let p00 = Float(pixels[top + x0 + k]), p01 = Float(pixels[top + x1 + k])
            let p10 = Float(pixels[bottom + x0 + k]), p11 = Float(pixels[bottom + x1 + k])
            let upper = p00 + (p01 - p00) * wx
            let lower = p10 + (p11 - p10) * wx
            slot[c * plane + base + col] = (upper + (lower - upper) * wy) * a[c] + b[c]
          }
        }
      }
    }
    return place
  }

  /// For each of `count` output pixels, the two source pixels it blends and the second's weight.
  static func taps(count: Int, source: Int) -> [(index: Int, next: Int, weight: Float)] {
    let ratio = Double(source) / Double(count)
    return (0..<count).map { i in
      let s = max(0, min(Double(source - 1), (Double(i) + 0.5) * ratio - 0.5))
      let index = Int(s)
      return (index, min(index + 1, source - 1), Float(s - Double(index)))
    }
  }
}
