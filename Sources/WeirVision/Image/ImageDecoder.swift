import CWeirImage
import Foundation

/// Decodes JPEG, PNG and PNM data into ``RGBImage`` or ``GrayImage``, the way OpenCV's
/// `imread` followed by `cvtColor(BGR2GRAY)` does, so detections match OpenCV's.
///
/// The format comes from the leading bytes, never from a file name. Every failure, including
/// truncated, corrupt or hostile input, is thrown as ``ImageDecodingError``; nothing aborts,
/// exits or prints. Like `imread`, JPEG and PNG images are turned upright by their EXIF
/// orientation, so boxes are in the coordinates a viewer shows.
public enum ImageDecoder {
  /// The largest image (width × height) decoded unless a caller allows more: 50 megapixels, a
  /// 50 MP camera's photo (8160 × 6120). Decoding one takes about 150 MB for the pixels; the size is
  /// read from the header, and a larger one throws
  /// ``ImageDecodingError/tooLarge(_:width:height:limit:)`` before any pixel memory is allocated.
  public static let maximumPixelCount = 50_000_000

  /// Reads the format and size (upright, after EXIF orientation) from the header only.
  public static func info(of data: Data) throws -> ImageInfo {
    let format = try sniff(data)
    return try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) throws -> ImageInfo in
      switch format {
      case .jpeg, .png:
        let header = try codecHeader(format, bytes)
        let (width, height) = (Int(header.width), Int(header.height))
        let swapped = ExifOrientation.read(bytes, format: format).swapsAxes
        return ImageInfo(format: format, width: swapped ? height : width, height: swapped ? width : height)
      case .pnm:
        let header = try PNMDecoder.header(bytes)
        return ImageInfo(format: .pnm, width: header.width, height: header.height)
      }
    }
  }

  /// Reads the format and size of the file at `url` from its header only.
  public static func info(contentsOf url: URL) throws -> ImageInfo {
    try info(of: read(url))
  }

  /// Decodes `data` into 8-bit RGB; an image of more than `maxPixels` pixels throws
  /// ``ImageDecodingError/tooLarge(_:width:height:limit:)`` from its header.
  public static func decodeRGB(_ data: Data, maxPixels: Int = maximumPixelCount) throws -> RGBImage {
    let format = try sniff(data)
    return try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) throws -> RGBImage in
      switch format {
      case .jpeg, .png:
        ExifOrientation.read(bytes, format: format).apply(
          to: try codecDecode(format, bytes, maxPixels: maxPixels))
      case .pnm: try PNMDecoder.decodeRGB(bytes, maxPixels: maxPixels)
      }
    }
  }

  /// Decodes `data` into grey (see ``RGBImage/gray`` for the conversion).
  public static func decodeGray(_ data: Data, maxPixels: Int = maximumPixelCount) throws -> GrayImage {
    try decodeRGB(data, maxPixels: maxPixels).gray
  }

  /// Decodes the file at `url` into 8-bit RGB.
  public static func decodeRGB(contentsOf url: URL, maxPixels: Int = maximumPixelCount) throws -> RGBImage {
    try decodeRGB(read(url), maxPixels: maxPixels)
  }

  /// Decodes the file at `url` into grey.
  public static func decodeGray(contentsOf url: URL, maxPixels: Int = maximumPixelCount) throws -> GrayImage {
    try decodeGray(read(url), maxPixels: maxPixels)
  }

  // MARK: - Helpers

  private static func read(_ url: URL) throws -> Data {
    do {
      return try Data(contentsOf: url, options: .mappedIfSafe)
    } catch {
      let reason = (error as? CocoaError)?.underlying?.localizedDescription ?? error.localizedDescription
      throw ImageDecodingError.unreadable(path: url.path, reason: reason)
    }
  }

  private static func sniff(_ data: Data) throws -> ImageFormat {
    guard !data.isEmpty else { throw ImageDecodingError.empty }
    guard let format = ImageFormat(sniffing: data) else { throw ImageDecodingError.unknownFormat }
    return format
  }

  /// Throws unless `width × height` is positive and within `maxPixels`.
  static func checkSize(_ format: ImageFormat, _ width: Int, _ height: Int, maxPixels: Int) throws {
    guard width > 0, height > 0 else {
      throw ImageDecodingError.corrupt(format, detail: "image size \(width)x\(height)")
    }
    let (area, overflow) = width.multipliedReportingOverflow(by: height)
    guard !overflow, area <= maxPixels else {
      throw ImageDecodingError.tooLarge(format, width: width, height: height, limit: maxPixels)
    }
  }

  /// Header of a JPEG or PNG through the C wrappers.
  private static func codecHeader(_ format: ImageFormat, _ bytes: UnsafeRawBufferPointer) throws
    -> weir_image_header
  {
    var header = weir_image_header()
    let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
    let status =
      format == .jpeg
      ? weir_jpeg_read_header(base, bytes.count, &header) : weir_png_read_header(base, bytes.count, &header)
    try check(status, format, &header)
    return header
  }

  /// Full decode of a JPEG or PNG through the C wrappers: header, size check, then pixels.
  private static func codecDecode(_ format: ImageFormat, _ bytes: UnsafeRawBufferPointer, maxPixels: Int)
    throws -> RGBImage
  {
    var header = try codecHeader(format, bytes)
    let width = Int(header.width), height = Int(header.height)
    try checkSize(format, width, height, maxPixels: maxPixels)
    let count = width * height * 3
    let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
    var status = WEIR_IMAGE_OK
    let rgb = [UInt8](unsafeUninitializedCapacity: count) { out, initialized in
      status =
        format == .jpeg
        ? weir_jpeg_decode_rgb(base, bytes.count, out.baseAddress, count, &header)
        : weir_png_decode_rgb(base, bytes.count, out.baseAddress, count, &header)
      // The bytes are only read on success; zero-filling keeps the array fully initialised anyway.
      if status != WEIR_IMAGE_OK { out.initialize(repeating: 0) }
      initialized = count
    }
    try check(status, format, &header)
    return RGBImage(unchecked: width, height, rgb)
  }

  /// Turns a C status into the matching ``ImageDecodingError``.
  private static func check(
    _ status: weir_image_status, _ format: ImageFormat, _ header: inout weir_image_header
  )
    throws
  {
    guard status != WEIR_IMAGE_OK else { return }
    let message = withUnsafeBytes(of: &header.message) { raw in
      String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
    }
    switch status {
    case WEIR_IMAGE_TRUNCATED: throw ImageDecodingError.truncated(format)
    case WEIR_IMAGE_UNSUPPORTED:
      throw ImageDecodingError.unsupported(format, detail: lowercasedFirst(message))
    case WEIR_IMAGE_BAD_BUFFER:
      throw ImageDecodingError.corrupt(format, detail: "internal error (\(message))")
    default:
      throw ImageDecodingError.corrupt(format, detail: withoutCodecPrefix(lowercasedFirst(message), format))
    }
  }

  /// libjpeg's warnings already start "Corrupt JPEG data: …"; the error says that itself.
  private static func withoutCodecPrefix(_ text: String, _ format: ImageFormat) -> String {
    let prefix = "corrupt \(format.displayName) data: "
    return text.lowercased().hasPrefix(prefix.lowercased()) ? String(text.dropFirst(prefix.count)) : text
  }

  /// Codec messages start with a capital ("Bogus marker length"); ours are lowercase. Names in
  /// capitals ("IHDR: CRC error") are kept.
  private static func lowercasedFirst(_ text: String) -> String {
    guard let first = text.first else { return "unknown error" }
    guard text.dropFirst().first?.isLowercase ?? true else { return text }
    return first.lowercased() + text.dropFirst()
  }
}
