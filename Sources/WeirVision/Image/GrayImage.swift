/// An 8-bit single-channel image, row-major, `width * height` pixels, no padding.
///
/// This is what the cascade detector reads. Colour images become grey with OpenCV's
/// `cvtColor(BGR2GRAY)` rounding (see ``RGBImage/gray``), so detections match OpenCV's.
public struct GrayImage: Sendable, Hashable {
  /// Width in pixels (at least 1).
  public let width: Int
  /// Height in pixels (at least 1).
  public let height: Int
  /// `width * height` grey levels, top row first.
  public let pixels: [UInt8]

  /// Wraps `pixels`; `nil` if the sizes are not positive or do not match the pixel count.
  public init?(width: Int, height: Int, pixels: [UInt8]) {
    guard width > 0, height > 0, width.multipliedReportingOverflow(by: height) == (pixels.count, false)
    else { return nil }
    self.init(unchecked: width, height, pixels)
  }

  /// For callers that have already checked the sizes.
  init(unchecked width: Int, _ height: Int, _ pixels: [UInt8]) {
    self.width = width
    self.height = height
    self.pixels = pixels
  }

  /// The grey level at column `x`, row `y`; `nil` outside the image.
  public subscript(x: Int, y: Int) -> UInt8? {
    guard x >= 0, y >= 0, x < width, y < height else { return nil }
    return pixels[y * width + x]
  }
}
