/// Reads Netpbm grey and colour maps: `P5`/`P2` (PGM, binary/ASCII) and `P6`/`P3` (PPM).
///
/// Written in Swift because the format is a few lines of text plus raw samples. `maxval` up to
/// 65535 is accepted and samples are read as OpenCV's `imread` reads them: 8-bit samples
/// (`maxval` < 256) unchanged, even when `maxval` is below 255, and 16-bit samples by their high
/// byte (`v >> 8`).
enum PNMDecoder {
  /// The parsed header and where the samples start.
  struct Header {
    var magic: UInt8
    var width: Int
    var height: Int
    var maxValue: Int
    var dataOffset: Int
    var channels: Int { magic == UInt8(ascii: "2") || magic == UInt8(ascii: "5") ? 1 : 3 }
    var isBinary: Bool { magic == UInt8(ascii: "5") || magic == UInt8(ascii: "6") }
  }

  /// Netpbm whitespace: space, tab, CR, LF, VT, FF.
  static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (0x09...0x0D).contains(byte)
  }

  /// Parses the header: magic, width, height, maxval, with `#` comments allowed between them.
  static func header(_ bytes: UnsafeRawBufferPointer) throws -> Header {
    guard bytes.count >= 2, bytes[0] == UInt8(ascii: "P"), [2, 3, 5, 6].contains(bytes[1] &- 0x30) else {
      throw ImageDecodingError.unknownFormat
    }
    var cursor = 2
    var fields: [Int] = []
    while fields.count < 3 {
      fields.append(try readNumber(bytes, &cursor, inHeader: true))
    }
    // Exactly one whitespace byte separates maxval from binary samples.
    guard cursor < bytes.count, isWhitespace(bytes[cursor]) else { throw ImageDecodingError.truncated(.pnm) }
    let header = Header(
      magic: bytes[1], width: fields[0], height: fields[1], maxValue: fields[2], dataOffset: cursor + 1)
    guard header.width > 0, header.height > 0 else {
      throw ImageDecodingError.corrupt(.pnm, detail: "image size \(header.width)x\(header.height)")
    }
    guard (1...65535).contains(header.maxValue) else {
      throw ImageDecodingError.corrupt(.pnm, detail: "maximum value \(header.maxValue) is not in 1...65535")
    }
    return header
  }

  /// Decodes the samples into RGB (grey maps are replicated into three channels).
  static func decodeRGB(_ bytes: UnsafeRawBufferPointer, maxPixels: Int) throws -> RGBImage {
    let header = try header(bytes)
    try ImageDecoder.checkSize(.pnm, header.width, header.height, maxPixels: maxPixels)
    let samples = header.width * header.height * header.channels
    let values =
      header.isBinary ? try binarySamples(bytes, header, samples) : try asciiSamples(bytes, header, samples)
    let rgb: [UInt8]
    if header.channels == 3 {
      rgb = values
    } else {
      rgb = [UInt8](unsafeUninitializedCapacity: samples * 3) { out, initialized in
        for (i, v) in values.enumerated() {
          out[3 * i] = v
          out[3 * i + 1] = v
          out[3 * i + 2] = v
        }
        initialized = samples * 3
      }
    }
    return RGBImage(unchecked: header.width, header.height, rgb)
  }

  /// Raw samples: one byte each when maxval < 256, else two bytes, big-endian.
  private static func binarySamples(_ bytes: UnsafeRawBufferPointer, _ header: Header, _ count: Int) throws
    -> [UInt8]
  {
    let wide = header.maxValue > 255
    let needed = count * (wide ? 2 : 1)
    guard bytes.count - header.dataOffset >= needed else { throw ImageDecodingError.truncated(.pnm) }
    let start = header.dataOffset
    return try [UInt8](unsafeUninitializedCapacity: count) { out, initialized in
      for i in 0..<count {
        let v = wide ? Int(bytes[start + 2 * i]) << 8 | Int(bytes[start + 2 * i + 1]) : Int(bytes[start + i])
        out[i] = try rescale(v, header.maxValue)
        initialized = i + 1
      }
    }
  }

  /// Decimal samples separated by whitespace (comments are allowed here too).
  private static func asciiSamples(_ bytes: UnsafeRawBufferPointer, _ header: Header, _ count: Int) throws
    -> [UInt8]
  {
    var cursor = header.dataOffset
    return try [UInt8](unsafeUninitializedCapacity: count) { out, initialized in
      for i in 0..<count {
        out[i] = try rescale(try readNumber(bytes, &cursor, inHeader: false), header.maxValue)
        initialized = i + 1
      }
    }
  }

  /// A sample as 8 bits, like OpenCV: unchanged, or the high byte of a 16-bit sample. Values above
  /// maxval are corrupt data.
  private static func rescale(_ value: Int, _ maxValue: Int) throws -> UInt8 {
    guard value <= maxValue else {
      throw ImageDecodingError.corrupt(.pnm, detail: "sample \(value) exceeds the maximum value \(maxValue)")
    }
    return UInt8(maxValue > 255 ? value >> 8 : value)
  }

  /// Skips whitespace and comments, then reads a decimal number of at most 9 digits.
  private static func readNumber(_ bytes: UnsafeRawBufferPointer, _ cursor: inout Int, inHeader: Bool) throws
    -> Int
  {
    while cursor < bytes.count, isWhitespace(bytes[cursor]) || bytes[cursor] == UInt8(ascii: "#") {
      if bytes[cursor] == UInt8(ascii: "#") {
        while cursor < bytes.count, bytes[cursor] != 0x0A, bytes[cursor] != 0x0D { cursor += 1 }
      } else {
        cursor += 1
      }
    }
    guard cursor < bytes.count else { throw ImageDecodingError.truncated(.pnm) }
    var value = 0
    var digits = 0
    while cursor < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[cursor]) {
      value = value * 10 + Int(bytes[cursor] - UInt8(ascii: "0"))
      digits += 1
      cursor += 1
      guard digits <= 9 else { throw ImageDecodingError.corrupt(.pnm, detail: "number too long") }
    }
    guard digits > 0 else {
      let what = inHeader ? "header" : "sample"
      throw ImageDecodingError.corrupt(.pnm, detail: "expected a number in the \(what) at byte \(cursor)")
    }
    return value
  }
}
