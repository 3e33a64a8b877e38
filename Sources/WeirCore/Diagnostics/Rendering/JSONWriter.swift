/// A small JSON value with ordered keys, written with stable layout (two-space indent).
///
/// Foundation's encoder sorts keys alphabetically or not at all; diagnostics read better in a
/// fixed order (`file`, `line`, `column`, …), and goldens need byte-stable output.
indirect enum JSONOutput {
  case string(String)
  case int(Int)
  case bool(Bool)
  case null
  case array([JSONOutput])
  case object([(String, JSONOutput)])

  /// The value as pretty-printed JSON text, without a trailing line break.
  func written(indent: Int = 0) -> String {
    var out = ""
    write(into: &out, indent: indent)
    return out
  }

  private func write(into out: inout String, indent: Int) {
    let pad = String(repeating: "  ", count: indent + 1)
    let close = String(repeating: "  ", count: indent)
    switch self {
    case .string(let s): Self.quote(s, into: &out)
    case .int(let i): out += String(i)
    case .bool(let b): out += b ? "true" : "false"
    case .null: out += "null"
    case .array(let items):
      guard !items.isEmpty else { return out += "[]" }
      out += "[\n"
      for (i, item) in items.enumerated() {
        out += pad
        item.write(into: &out, indent: indent + 1)
        out += i + 1 < items.count ? ",\n" : "\n"
      }
      out += close + "]"
    case .object(let fields):
      guard !fields.isEmpty else { return out += "{}" }
      out += "{\n"
      for (i, (key, value)) in fields.enumerated() {
        out += pad
        Self.quote(key, into: &out)
        out += ": "
        value.write(into: &out, indent: indent + 1)
        out += i + 1 < fields.count ? ",\n" : "\n"
      }
      out += close + "}"
    }
  }

  /// A JSON string literal (RFC 8259); see `JSONString.quote`.
  static func quote(_ s: String, into out: inout String) { JSONString.quote(s, into: &out) }
}

/// JSON string literals, for the JSON weir writes itself (diagnostics, dumps, the language server).
public enum JSONString {
  /// Appends `s` as a JSON string literal (RFC 8259): quotes, backslashes and control characters
  /// escaped. What every JSON weir writes by hand uses.
  public static func quote(_ s: String, into out: inout String) {
    out += "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where u.value < 0x20 || u.value == 0x7F:
        let hex = String(u.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(u)
      }
    }
    out += "\""
  }
}
