/// Text from outside weir (file names, input ids, model output, replay files) made safe to print on a
/// terminal: control characters and other invisible format characters are written as escapes, so a
/// name holding `ESC [ 2 J` cannot clear the screen, recolour the output or hide what follows it.
///
/// - tab, line feed and carriage return become `\t`, `\n`, `\r`; a backslash stays as it is;
/// - the other C0 controls and DEL become `\x1B`-style escapes, C1 controls (U+0080–U+009F) too;
/// - bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069), which reorder what
///   follows them, and the line and paragraph separators become `\u{202E}`-style escapes;
/// - bytes that are not UTF-8 (see ``bytes(_:)``) become `\xFF`-style escapes.
///
/// Everything else, including non-Latin letters and emoji, is kept as it is.
public enum VisibleText {
  /// `text` with every control character written as a visible escape.
  public static func escaped(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: needsEscape) else { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count + 8)
    for scalar in text.unicodeScalars { append(scalar, to: &out) }
    return out
  }

  /// A file name or other byte string that may not be UTF-8: valid sequences as text (escaped like
  /// ``escaped(_:)``), each byte of an invalid one as `\xNN`.
  public static func bytes(_ bytes: [UInt8]) -> String {
    var out = ""
    var i = 0
    while i < bytes.count {
      let length = sequenceLength(bytes[i])
      if length > 0, i + length <= bytes.count,
        let text = String(validating: bytes[i..<(i + length)], as: UTF8.self)
      {
        for scalar in text.unicodeScalars { append(scalar, to: &out) }
        i += length
      } else {
        out += "\\x" + hex(bytes[i])
        i += 1
      }
    }
    return out
  }

  /// The length of the UTF-8 sequence a lead byte starts; 0 for a byte that cannot start one.
  private static func sequenceLength(_ lead: UInt8) -> Int {
    switch lead {
    case 0x00...0x7F: return 1
    case 0xC2...0xDF: return 2
    case 0xE0...0xEF: return 3
    case 0xF0...0xF4: return 4
    default: return 0
    }
  }

  /// Whether printing `scalar` as it is could change the terminal or hide text.
  public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
  }

  private static func append(_ scalar: Unicode.Scalar, to out: inout String) {
    guard needsEscape(scalar) else {
      out.unicodeScalars.append(scalar)
      return
    }
    switch scalar {
    case "\t": out += "\\t"
    case "\n": out += "\\n"
    case "\r": out += "\\r"
    default:
      out +=
        scalar.value < 0x80
        ? "\\x" + hex(UInt8(scalar.value)) : "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }
  }

  private static func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
  }
}
