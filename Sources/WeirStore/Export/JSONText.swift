/// Compact JSON written straight into a byte buffer, for exports of a million annotations where
/// `JSONEncoder` (a container tree per value) cost more than everything else. It writes what
/// `AnnotationExporter.encoder()` writes for the same values — numbers as `Double.description`
/// without a trailing `.0`, strings with the same escapes, slashes unescaped — so an export is the
/// same bytes either way (the tests compare the two). Members are written in the order given:
/// the caller lists them sorted, as the encoder's `.sortedKeys` would.
struct JSONText {
  var bytes: [UInt8] = []

  init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

  mutating func raw(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

  /// `"key":` (keys are plain ASCII names written by weir, so they need no escaping).
  mutating func key(_ name: StaticString) {
    bytes.append(UInt8(ascii: "\""))
    raw(name)
    bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
  }

  mutating func int(_ value: Int) { raw(String(value)) }

  /// A number as `JSONEncoder` writes a `Double`: its shortest round-trip text, `64` for `64.0`.
  /// Not finite numbers cannot occur here (boxes and confidences are checked when stored); they are
  /// written as `null` rather than failing the export.
  mutating func number(_ value: Double) {
    guard value.isFinite else { return raw("null") }
    var text = value.description
    if text.hasSuffix(".0") { text.removeLast(2) }
    raw(text)
  }

  /// A JSON string with the encoder's escapes: `"`, `\`, and control characters.
  mutating func string(_ value: String) {
    bytes.append(UInt8(ascii: "\""))
    for byte in value.utf8 {
      switch byte {
      case UInt8(ascii: "\""): raw("\\\"")
      case UInt8(ascii: "\\"): raw("\\\\")
      case 0x0A: raw("\\n")
      case 0x0D: raw("\\r")
      case 0x09: raw("\\t")
      case 0x08: raw("\\b")
      case 0x0C: raw("\\f")
      case 0..<0x20:
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        raw("\\u00")
        bytes.append(hex[Int(byte >> 4)])
        bytes.append(hex[Int(byte & 0xF)])
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }

  /// `value`, or nothing at all when it is nil (as the encoder leaves out a nil optional), with the
  /// comma before it.
  mutating func optionalMember(_ name: StaticString, _ value: String?) {
    guard let value else { return }
    raw(",")
    key(name)
    string(value)
  }
}
