/// The image encodings ``ImageDecoder`` reads, recognised by their leading bytes (never by the
/// file name's extension).
public enum ImageFormat: String, Sendable, Hashable, CaseIterable {
  /// JPEG/JFIF/EXIF: starts `FF D8 FF`.
  case jpeg
  /// PNG: starts with the 8-byte signature `89 50 4E 47 0D 0A 1A 0A`.
  case png
  /// Netpbm grey or colour map, binary or ASCII: `P5`, `P2`, `P6`, `P3`.
  case pnm

  /// Recognises the format from the first bytes of `bytes`; `nil` if it is none of the above.
  public init?<Bytes: Collection>(sniffing bytes: Bytes) where Bytes.Element == UInt8 {
    let head = Array(bytes.prefix(8))
    if head.starts(with: [0xFF, 0xD8, 0xFF]) {
      self = .jpeg
    } else if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
      self = .png
    } else if head.count >= 3, head[0] == UInt8(ascii: "P"), [2, 3, 5, 6].contains(head[1] &- 0x30),
      PNMDecoder.isWhitespace(head[2])
    {
      self = .pnm
    } else {
      return nil
    }
  }

  /// The name users know the format by, for messages.
  public var displayName: String {
    switch self {
    case .jpeg: "JPEG"
    case .png: "PNG"
    case .pnm: "PNM"
    }
  }
}
