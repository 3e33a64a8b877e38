/// The format and dimensions of an encoded image, read from its header without decoding pixels.
public struct ImageInfo: Sendable, Hashable {
  /// The encoding, recognised from the leading bytes.
  public var format: ImageFormat
  /// Width in pixels.
  public var width: Int
  /// Height in pixels.
  public var height: Int

  /// Creates an info value.
  public init(format: ImageFormat, width: Int, height: Int) {
    self.format = format
    self.width = width
    self.height = height
  }
}
