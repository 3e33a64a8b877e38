/// An 8-bit three-channel image, row-major, interleaved R, G, B, no padding.
public struct RGBImage: Sendable, Hashable {
  /// Width in pixels (at least 1).
  public let width: Int
  /// Height in pixels (at least 1).
  public let height: Int
  /// `width * height * 3` bytes: R, G, B of the top-left pixel first.
  public let pixels: [UInt8]

  /// Wraps `pixels`; `nil` if the sizes are not positive or do not match the byte count.
  public init?(width: Int, height: Int, pixels: [UInt8]) {
    let (area, overflow) = width.multipliedReportingOverflow(by: height)
    guard width > 0, height > 0, !overflow, area.multipliedReportingOverflow(by: 3) == (pixels.count, false)
    else { return nil }
    self.init(unchecked: width, height, pixels)
  }

  /// For callers that have already checked the sizes.
  init(unchecked width: Int, _ height: Int, _ pixels: [UInt8]) {
    self.width = width
    self.height = height
    self.pixels = pixels
  }

  /// The grey version, computed exactly as OpenCV's `cvtColor(COLOR_BGR2GRAY)` does for 8-bit
  /// images: `Y = (1868·B + 9617·G + 4899·R + 8192) >> 14` (BT.601 weights, 14-bit fixed point).
  public var gray: GrayImage {
    let count = width * height
    let grey = [UInt8](unsafeUninitializedCapacity: count) { out, initialized in
      pixels.withUnsafeBufferPointer { rgb in
        var i = 0
        while i < count {
          let r = UInt32(rgb[3 &* i]), g = UInt32(rgb[3 &* i &+ 1]), b = UInt32(rgb[3 &* i &+ 2])
          out[i] = UInt8(truncatingIfNeeded: (1868 &* b &+ 9617 &* g &+ 4899 &* r &+ 8192) >> 14)
          i &+= 1
        }
      }
      initialized = count
    }
    return GrayImage(unchecked: width, height, grey)
  }
}
