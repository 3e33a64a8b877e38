/// Why an image could not be read. Decoding never crashes or prints: every failure of the codecs
/// (libjpeg, libpng, the PNM reader) arrives here with a message a user can act on.
public enum ImageDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The file could not be read at all (missing, a directory, no permission).
  case unreadable(path: String, reason: String)
  /// The data is empty.
  case empty
  /// The leading bytes match no supported format.
  case unknownFormat
  /// The data ends before the image does.
  case truncated(ImageFormat)
  /// The data is damaged; `detail` is the codec's own explanation.
  case corrupt(ImageFormat, detail: String)
  /// Valid data that uses a feature this decoder does not handle.
  case unsupported(ImageFormat, detail: String)
  /// The header declares more pixels than the budget (``ImageDecoder/maximumPixelCount`` unless
  /// the caller set another).
  case tooLarge(ImageFormat, width: Int, height: Int, limit: Int)

  public var description: String {
    switch self {
    case .unreadable(let path, let reason): "cannot read '\(path)': \(reason)"
    case .empty: "not an image (empty data)"
    case .unknownFormat: "not an image (unknown format)"
    case .truncated(let format): "truncated \(format.displayName) data"
    case .corrupt(let format, let detail): "corrupt \(format.displayName) data: \(detail)"
    case .unsupported(let format, let detail): "unsupported \(format.displayName) image: \(detail)"
    case .tooLarge(let format, let width, let height, let limit):
      "\(format.displayName) image too large: \(width)x\(height) is more than \(Self.megapixels(limit)) megapixels"
    }
  }

  /// "50", "0.1": megapixels with at most one decimal (a budget below 50,000 pixels shows as 0).
  static func megapixels(_ pixels: Int) -> String {
    let tenths = (pixels + 50_000) / 100_000
    return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
  }
}
