/// Block-style YAML text, written line by line with correct quoting: what `weir convert` emits.
///
/// Everything is written in block style (`key:` then an indented body, `- ` items), so a scalar
/// never has to avoid the flow indicators `, [ ] { }`. A scalar keeps the text it was written
/// with when that text reads back as the same value in plain style (`0.50` stays `0.50`, not
/// `0.5`); anything else is double-quoted with escapes, which YAML reads back as the same string.
public struct YAMLText {
  private(set) var lines: [String] = []

  /// The text, ending with one newline.
  var text: String { lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n" }

  mutating func line(_ text: String, indent: Int) {
    lines.append(String(repeating: " ", count: indent) + text)
  }

  mutating func blank() {
    if let last = lines.last, !last.isEmpty { lines.append("") }
  }

  /// `# text` lines, one per comment line as written (without its `#`).
  mutating func comments(_ comments: [String], indent: Int) {
    for c in comments { line("#" + c, indent: indent) }
  }

  /// `key: value` for a scalar, or `key:` with the body below.
  mutating func entry(_ key: String, _ value: ParamValue, indent: Int, trailing: String? = nil) {
    let head = Self.key(key) + ":"
    switch value {
    case .scalar(let s): line(head + " " + Self.scalar(s) + Self.comment(trailing), indent: indent)
    case .varRef(let v): line(head + " $" + v.value + Self.comment(trailing), indent: indent)
    case .list(let items, _) where items.isEmpty: line(head + " []" + Self.comment(trailing), indent: indent)
    case .map(let params, _) where params.isEmpty: line(head + " {}" + Self.comment(trailing), indent: indent)
    case .list, .map:
      line(head + Self.comment(trailing), indent: indent)
      body(value, indent: indent + 2)
    }
  }

  /// `key: text` where the text is a plain string value.
  mutating func entry(_ key: String, string: String, indent: Int, trailing: String? = nil) {
    line(Self.key(key) + ": " + Self.string(string) + Self.comment(trailing), indent: indent)
  }

  /// The lines of a list or mapping at `indent`.
  mutating func body(_ value: ParamValue, indent: Int) {
    switch value {
    case .map(let params, _):
      for p in params { entry(p.name.value, p.value, indent: indent) }
    case .list(let items, _):
      for item in items { listItem(item, indent: indent) }
    case .scalar, .varRef:
      break
    }
  }

  /// `- item`; a nested list or mapping starts on the dash's line.
  private mutating func listItem(_ item: ParamValue, indent: Int) {
    switch item {
    case .scalar(let s): line("- " + Self.scalar(s), indent: indent)
    case .varRef(let v): line("- $" + v.value, indent: indent)
    case .list(let items, _) where items.isEmpty: line("- []", indent: indent)
    case .map(let params, _) where params.isEmpty: line("- {}", indent: indent)
    case .list, .map:
      var nested = YAMLText()
      nested.body(item, indent: 0)
      for (i, text) in nested.lines.enumerated() {
        line((i == 0 ? "- " : "  ") + text, indent: indent)
      }
    }
  }

  private static func comment(_ trailing: String?) -> String {
    trailing.map { "  #" + $0 } ?? ""
  }

  /// A mapping key: plain when it reads back as the same string, else double-quoted.
  static func key(_ text: String) -> String { string(text) }

  /// A string value: plain when it reads back as the same string, else double-quoted.
  static func string(_ text: String) -> String {
    isSafePlain(text) && ScalarResolver.resolve(text, style: .plain, tag: nil) == .string(text)
      ? text : quoted(text)
  }

  /// A scalar as written: plain text stays plain when it is safe; a tag is kept.
  static func scalar(_ s: YAMLScalar) -> String {
    let body: String
    if s.style == .plain {
      if s.value.isEmpty { body = "null" } else { body = isSafePlain(s.value) ? s.value : quoted(s.value) }
    } else {
      body = quoted(s.value)
    }
    guard let tag = s.tag, tag != "!" else { return body }
    let prefix = "tag:yaml.org,2002:"
    let shown = tag.hasPrefix(prefix) ? "!!" + tag.dropFirst(prefix.count) : "!<\(tag)>"
    return shown + " " + body
  }

  /// Whether `text` can be written as a plain scalar in block context and read back unchanged.
  static func isSafePlain(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
    if first == " " || last == " " || last == ":" { return false }
    if text.contains(": ") || text.contains(" #") || text.hasPrefix("$") { return false }
    if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\u{FEFF}" }) {
      return false
    }
    if "#&*!|>'\"%@`{}[],".unicodeScalars.contains(first) { return false }
    if "-?:".unicodeScalars.contains(first) {
      let second = text.unicodeScalars.dropFirst().first
      if second == nil || second == " " { return false }
    }
    return !(text == "---" || text == "...")
  }

  /// A double-quoted scalar with YAML escapes, which YAML reads back as exactly `text` (also used
  /// where other parts of weir write YAML: models files, a YOLO dataset's `data.yaml`).
  public static func quoted(_ text: String) -> String {
    var out = "\""
    for u in text.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        if u.value < 0x20 || u.value == 0x7F || (0x80...0x9F).contains(u.value) || u == "\u{FEFF}"
          || u == "\u{2028}" || u == "\u{2029}"
        {
          out +=
            "\\u" + String(repeating: "0", count: 4 - String(u.value, radix: 16).count)
            + String(u.value, radix: 16)
        } else {
          out.unicodeScalars.append(u)
        }
      }
    }
    return out + "\""
  }
}
