#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A pull-style JSON reader over UTF-8 bytes that decodes straight into weir's structs.
///
/// Replayed prediction files are large (10,000 images × 10 regions is 20 MB) and Foundation's
/// `JSONDecoder` reads them at ~25 MB/s; this reader is several times faster because it builds no
/// intermediate tree and compares keys as bytes. Errors carry the byte offset so callers can name
/// the line and column.
struct JSONScanner {
  let bytes: UnsafeBufferPointer<UInt8>
  var index: Int
  /// Reused between lists: elements are gathered here, then copied into an array of exactly their
  /// number. Growing each list from empty instead costs reallocations and leaves up to half of
  /// every list unused, which is a third of the memory of a large replay.
  var regionScratch: [Region] = []
  var conceptScratch: [Concept] = []

  init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) {
    self.bytes = bytes
    self.index = start
  }

  var atEnd: Bool { index >= bytes.count }

  mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x0a, 0x0d, 0x09: index += 1
      default: return
      }
    }
  }

  /// The next non-blank byte, without consuming it.
  mutating func peek() -> UInt8? {
    skipWhitespace()
    return index < bytes.count ? bytes[index] : nil
  }

  mutating func expect(_ c: UInt8, _ what: String) throws(JSONScanError) {
    guard peek() == c else { throw error("expected \(what)") }
    index += 1
  }

  func error(_ message: String) -> JSONScanError {
    var found = "end of file"
    if index < bytes.count {
      let b = bytes[index]
      found = b >= 0x20 && b < 0x7f ? "'\(Character(Unicode.Scalar(b)))'" : "byte 0x\(String(b, radix: 16))"
    }
    return JSONScanError(offset: index, message: "\(message), found \(found)")
  }

  /// Reads an object, calling `body` with each key; `body` must consume the value.
  mutating func readObject(_ body: (inout JSONScanner, JSONKey) throws(JSONScanError) -> Void)
    throws(JSONScanError)
  {
    try expect(UInt8(ascii: "{"), "'{'")
    if peek() == UInt8(ascii: "}") {
      index += 1
      return
    }
    while true {
      guard peek() == UInt8(ascii: "\"") else { throw error("expected a key in quotes") }
      let key = try readKey()
      try expect(UInt8(ascii: ":"), "':' after a key")
      try body(&self, key)
      switch peek() {
      case UInt8(ascii: ","): index += 1
      case UInt8(ascii: "}"):
        index += 1
        return
      default: throw error("expected ',' or '}' in an object")
      }
    }
  }

  /// Reads an array, calling `body` for each element; `body` must consume it.
  mutating func readArray(_ body: (inout JSONScanner) throws(JSONScanError) -> Void) throws(JSONScanError) {
    try expect(UInt8(ascii: "["), "'['")
    if peek() == UInt8(ascii: "]") {
      index += 1
      return
    }
    while true {
      _ = peek()
      try body(&self)
      switch peek() {
      case UInt8(ascii: ","): index += 1
      case UInt8(ascii: "]"):
        index += 1
        return
      default: throw error("expected ',' or ']' in a list")
      }
    }
  }

  /// Consumes `null` if it is next.
  mutating func readNull() -> Bool {
    guard peek() == UInt8(ascii: "n"), index + 4 <= bytes.count, bytes[index + 1] == UInt8(ascii: "u"),
      bytes[index + 2] == UInt8(ascii: "l"), bytes[index + 3] == UInt8(ascii: "l")
    else { return false }
    index += 4
    return true
  }

  mutating func readKey() throws(JSONScanError) -> JSONKey {
    index += 1  // opening quote
    let start = index
    while index < bytes.count {
      let b = bytes[index]
      if b == UInt8(ascii: "\"") {
        index += 1
        return JSONKey(bytes: UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)]))
      }
      if b == UInt8(ascii: "\\") {
        index = start - 1
        let s = try readString()
        return JSONKey(escaped: s)
      }
      index += 1
    }
    throw error("unterminated string")
  }

  mutating func readString() throws(JSONScanError) -> String {
    guard peek() == UInt8(ascii: "\"") else { throw error("expected a string") }
    index += 1
    let start = index
    while index < bytes.count {
      let b = bytes[index]
      if b == UInt8(ascii: "\"") {
        index += 1
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)]), as: UTF8.self)
      }
      if b == UInt8(ascii: "\\") { return try readEscapedString(from: start) }
      if b < 0x20 { throw error("control character in a string") }
      index += 1
    }
    throw error("unterminated string")
  }

  private mutating func readEscapedString(from start: Int) throws(JSONScanError) -> String {
    var out = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
    while index < bytes.count {
      let b = bytes[index]
      index += 1
      if b == UInt8(ascii: "\"") { return String(decoding: out, as: UTF8.self) }
      if b != UInt8(ascii: "\\") {
        out.append(b)
        continue
      }
      guard index < bytes.count else { break }
      let e = bytes[index]
      index += 1
      switch e {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0c)
      case UInt8(ascii: "n"): out.append(0x0a)
      case UInt8(ascii: "r"): out.append(0x0d)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "u"):
        var scalar = try readHex4()
        if (0xd800..<0xdc00).contains(scalar), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
          bytes[index + 1] == UInt8(ascii: "u")
        {
          index += 2
          let low = try readHex4()
          scalar = 0x10000 + ((scalar - 0xd800) << 10) + (low &- 0xdc00)
        }
        out.append(contentsOf: String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{fffd}").utf8)
      default:
        index -= 1
        throw error("unknown escape in a string")
      }
    }
    throw error("unterminated string")
  }

  private mutating func readHex4() throws(JSONScanError) -> UInt32 {
    guard index + 4 <= bytes.count else { throw error("short \\u escape") }
    var v: UInt32 = 0
    for _ in 0..<4 {
      let b = bytes[index]
      let d: UInt32
      switch b {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b - UInt8(ascii: "A") + 10)
      default: throw error("bad \\u escape")
      }
      v = v * 16 + d
      index += 1
    }
    return v
  }

  private static let powersOf10: [Double] = (0...22).map { pow(10.0, Double($0)) }

  /// Reads a number. Short decimals (≤ 15 significant digits, small exponents) take Clinger's exact
  /// fast path; anything else goes through `strtod`.
  mutating func readNumber() throws(JSONScanError) -> Double {
    _ = peek()
    let start = index
    var negative = false
    if index < bytes.count, bytes[index] == UInt8(ascii: "-") {
      negative = true
      index += 1
    }
    var mantissa: UInt64 = 0
    var digits = 0
    var exponent = 0
    var sawDigit = false
    while index < bytes.count, let d = Self.digit(bytes[index]) {
      if digits < 19 {
        mantissa = mantissa * 10 + d
        if mantissa != 0 { digits += 1 }
      } else {
        exponent += 1
      }
      sawDigit = true
      index += 1
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      while index < bytes.count, let d = Self.digit(bytes[index]) {
        if digits < 19 {
          mantissa = mantissa * 10 + d
          if mantissa != 0 { digits += 1 }
          exponent -= 1
        }
        sawDigit = true
        index += 1
      }
    }
    guard sawDigit else {
      index = start
      throw error("expected a number")
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      var expNegative = false
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
        expNegative = bytes[index] == UInt8(ascii: "-")
        index += 1
      }
      var e = 0
      var sawExp = false
      while index < bytes.count, let d = Self.digit(bytes[index]) {
        e = min(e * 10 + Int(d), 100_000)
        sawExp = true
        index += 1
      }
      guard sawExp else { throw error("expected digits in an exponent") }
      exponent += expNegative ? -e : e
    }
    if digits <= 15, abs(exponent) <= 22 {
      var v = Double(mantissa)
      v = exponent < 0 ? v / Self.powersOf10[-exponent] : v * Self.powersOf10[exponent]
      return negative ? -v : v
    }
    return slowNumber(start..<index)
  }

  private func slowNumber(_ range: Range<Int>) -> Double {
    var buffer = Array(UnsafeBufferPointer(rebasing: bytes[range]))
    buffer.append(0)
    return buffer.withUnsafeBufferPointer { p in
      p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) { strtod($0, nil) }
    }
  }

  @inline(__always)
  private static func digit(_ b: UInt8) -> UInt64? {
    b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") ? UInt64(b - UInt8(ascii: "0")) : nil
  }

  /// A whole number that fits an `Int` exactly (sizes, status codes); anything else is an error
  /// rather than a trap on conversion.
  mutating func readInt() throws(JSONScanError) -> Int {
    _ = peek()
    let start = index
    let d = try readNumber()
    guard d.isFinite, d == d.rounded(), abs(d) < 0x1p53 else {
      index = start
      throw error("expected a whole number")
    }
    return Int(d)
  }

  mutating func readBool() throws(JSONScanError) -> Bool {
    if matchLiteral("true") { return true }
    if matchLiteral("false") { return false }
    throw error("expected true or false")
  }

  private mutating func matchLiteral(_ s: StaticString) -> Bool {
    _ = peek()
    let n = s.utf8CodeUnitCount
    guard index + n <= bytes.count else { return false }
    let p = s.utf8Start
    for i in 0..<n where bytes[index + i] != p[i] { return false }
    index += n
    return true
  }

  /// Reads any value as a `JSONValue` (metadata, unknown shapes).
  mutating func readValue(depth: Int = 0) throws(JSONScanError) -> JSONValue {
    guard depth < 512 else { throw error("nesting too deep") }
    switch peek() {
    case UInt8(ascii: "{")?:
      var o: [String: JSONValue] = [:]
      try readObject { (s, key) throws(JSONScanError) in o[key.string] = try s.readValue(depth: depth + 1) }
      return .object(o)
    case UInt8(ascii: "[")?:
      var a: [JSONValue] = []
      try readArray { (s) throws(JSONScanError) in a.append(try s.readValue(depth: depth + 1)) }
      return .array(a)
    case UInt8(ascii: "\"")?: return .string(try readString())
    case UInt8(ascii: "t")?, UInt8(ascii: "f")?: return .bool(try readBool())
    case UInt8(ascii: "n")?:
      guard readNull() else { throw error("expected a value") }
      return .null
    case nil: throw error("expected a value")
    default: return .number(try readNumber())
    }
  }

  /// Skips any value.
  mutating func skipValue() throws(JSONScanError) {
    _ = try readValue()
  }

  /// A string, or a number written as text (ids are sometimes numbers: COCO's `image_id`).
  mutating func readStringOrNumber() throws(JSONScanError) -> String {
    if peek() == UInt8(ascii: "\"") { return try readString() }
    if let digits = readPlainWholeNumber() { return digits }
    return NumberText.format(try readNumber())
  }

  /// A whole number written as plain digits (`0`, or up to 15 digits without a leading zero) is
  /// its own text: `NumberText.format` would give the same digits back. Reading it as bytes keeps
  /// COCO's numeric ids from being parsed and printed again for every detection. Anything else
  /// (a sign, a fraction, an exponent, more digits) leaves the scanner where it was.
  private mutating func readPlainWholeNumber() -> String? {
    let start = index
    var end = start
    while end < bytes.count, end - start <= 15, bytes[end] >= UInt8(ascii: "0"),
      bytes[end] <= UInt8(ascii: "9")
    {
      end += 1
    }
    let count = end - start
    guard count >= 1, count <= 15, count == 1 || bytes[start] != UInt8(ascii: "0") else { return nil }
    if end < bytes.count {
      let next = bytes[end]
      guard next != UInt8(ascii: "."), next != UInt8(ascii: "e"), next != UInt8(ascii: "E") else {
        return nil
      }
    }
    index = end
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
  }
}

/// An object key, compared as bytes without building a String when it has no escapes.
struct JSONKey {
  private let raw: UnsafeBufferPointer<UInt8>?
  private let escaped: String?

  init(bytes: UnsafeBufferPointer<UInt8>) {
    raw = bytes
    escaped = nil
  }

  init(escaped: String) {
    raw = nil
    self.escaped = escaped
  }

  var string: String { escaped ?? String(decoding: raw!, as: UTF8.self) }

  @inline(__always)
  static func == (key: JSONKey, literal: StaticString) -> Bool {
    guard let raw = key.raw else { return key.escaped == literal.description }
    let n = literal.utf8CodeUnitCount
    guard raw.count == n else { return false }
    let p = literal.utf8Start
    for i in 0..<n where raw[i] != p[i] { return false }
    return true
  }
}

/// A JSON syntax or shape error at a byte offset.
struct JSONScanError: Error {
  var offset: Int
  var message: String
}
