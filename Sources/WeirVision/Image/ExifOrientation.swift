/// The EXIF orientation of a photo (TIFF tag 0x0112), which OpenCV's `imread` applies by default:
/// cameras store pixels as the sensor saw them and record how to turn them upright.
///
/// Read from a JPEG's `APP1 Exif` segment or a PNG's `eXIf` chunk (before the image data, as
/// OpenCV 4.14 does). Anything missing, malformed or out of range means ``upright``: the EXIF
/// block is metadata, so damage there never fails a decode.
enum ExifOrientation: Int, Sendable, Hashable {
  case upright = 1
  case mirrored = 2
  case rotated180 = 3
  case flippedVertically = 4
  case transposed = 5
  case rotatedClockwise = 6
  case transverse = 7
  case rotatedCounterclockwise = 8

  /// Whether the upright image has width and height exchanged.
  var swapsAxes: Bool { rawValue >= 5 }

  /// The orientation recorded in `bytes` of the given format (``upright`` for PNM).
  static func read(_ bytes: UnsafeRawBufferPointer, format: ImageFormat) -> ExifOrientation {
    let tiff: Range<Int>?
    switch format {
    case .jpeg: tiff = jpegExif(bytes)
    case .png: tiff = pngExif(bytes)
    case .pnm: tiff = nil
    }
    guard let tiff, let value = orientationTag(bytes, tiff) else { return .upright }
    return ExifOrientation(rawValue: value) ?? .upright
  }

  /// Turns `image` upright, as OpenCV's `ApplyExifOrientation` does (flips and transposes).
  func apply(to image: RGBImage) -> RGBImage {
    guard self != .upright else { return image }
    let (w, h) = (image.width, image.height)
    let (outWidth, outHeight) = swapsAxes ? (h, w) : (w, h)
    let pixels = [UInt8](unsafeUninitializedCapacity: w * h * 3) { out, initialized in
      image.pixels.withUnsafeBufferPointer { src in
        for y in 0..<outHeight {
          for x in 0..<outWidth {
            let (sx, sy) = source(x, y, w, h)
            let s = (sy * w + sx) * 3, d = (y * outWidth + x) * 3
            out[d] = src[s]
            out[d + 1] = src[s + 1]
            out[d + 2] = src[s + 2]
          }
        }
      }
      initialized = w * h * 3
    }
    return RGBImage(unchecked: outWidth, outHeight, pixels)
  }

  /// The stored pixel shown at upright position (x, y), for a stored image of `w × h`.
  private func source(_ x: Int, _ y: Int, _ w: Int, _ h: Int) -> (Int, Int) {
    switch self {
    case .upright: (x, y)
    case .mirrored: (w - 1 - x, y)
    case .rotated180: (w - 1 - x, h - 1 - y)
    case .flippedVertically: (x, h - 1 - y)
    case .transposed: (y, x)
    case .rotatedClockwise: (y, h - 1 - x)
    case .transverse: (w - 1 - y, h - 1 - x)
    case .rotatedCounterclockwise: (w - 1 - y, x)
    }
  }

  // MARK: - Finding the TIFF block

  /// The TIFF block of the first `APP1` segment that starts with `Exif\0\0`, before the scan data.
  private static func jpegExif(_ bytes: UnsafeRawBufferPointer) -> Range<Int>? {
    var position = 2  // after SOI
    while position + 4 <= bytes.count, bytes[position] == 0xFF {
      let marker = bytes[position + 1]
      if marker == 0xFF {  // fill byte
        position += 1
        continue
      }
      if marker == 0xD9 || marker == 0xDA { return nil }  // end of image, start of scan
      if marker == 0x01 || (0xD0...0xD7).contains(marker) {  // markers without a length
        position += 2
        continue
      }
      let length = Int(bytes[position + 2]) << 8 | Int(bytes[position + 3])
      guard length >= 2 else { return nil }
      let payload = (position + 4)..<min(bytes.count, position + 2 + length)
      let exifHeader: [UInt8] = [0x45, 0x78, 0x69, 0x66, 0, 0]  // "Exif\0\0"
      if marker == 0xE1, payload.count > 6, bytes[payload.prefix(6)].elementsEqual(exifHeader) {
        return (payload.lowerBound + 6)..<payload.upperBound
      }
      position += 2 + length
    }
    return nil
  }

  /// The data of the first `eXIf` chunk before the first `IDAT`.
  private static func pngExif(_ bytes: UnsafeRawBufferPointer) -> Range<Int>? {
    var position = 8  // after the signature
    while position + 8 <= bytes.count {
      let length = bigEndian(bytes, position, 4)
      let type = bigEndian(bytes, position + 4, 4)
      let data = (position + 8)..<min(bytes.count, position + 8 + length)
      if type == 0x4944_4154 { return nil }  // IDAT
      if type == 0x6558_4966 { return data }  // eXIf
      guard length <= bytes.count else { return nil }
      position += 12 + length
    }
    return nil
  }

  // MARK: - Reading the tag

  /// The orientation value in IFD0 of the TIFF block at `tiff`, if it is there and well formed.
  private static func orientationTag(_ bytes: UnsafeRawBufferPointer, _ tiff: Range<Int>) -> Int? {
    guard tiff.count >= 8 else { return nil }
    let base = tiff.lowerBound
    let little: Bool
    switch (bytes[base], bytes[base + 1]) {
    case (0x49, 0x49): little = true  // "II"
    case (0x4D, 0x4D): little = false  // "MM"
    default: return nil
    }
    func read(_ offset: Int, _ size: Int) -> Int? {
      guard offset >= 0, offset + size <= tiff.count else { return nil }
      return little ? littleEndian(bytes, base + offset, size) : bigEndian(bytes, base + offset, size)
    }
    guard read(2, 2) == 42, let ifd = read(4, 4), let count = read(ifd, 2) else { return nil }
    for entry in 0..<count {
      let at = ifd + 2 + 12 * entry
      guard let tag = read(at, 2) else { return nil }
      // Tag 0x0112, type SHORT (3), one value, stored in the first two bytes of the value field.
      if tag == 0x0112 { return read(at + 2, 2) == 3 ? read(at + 8, 2) : nil }
    }
    return nil
  }

  private static func bigEndian(_ bytes: UnsafeRawBufferPointer, _ offset: Int, _ size: Int) -> Int {
    (0..<size).reduce(0) { $0 << 8 | Int(bytes[offset + $1]) }
  }

  private static func littleEndian(_ bytes: UnsafeRawBufferPointer, _ offset: Int, _ size: Int) -> Int {
    (0..<size).reversed().reduce(0) { $0 << 8 | Int(bytes[offset + $1]) }
  }
}
