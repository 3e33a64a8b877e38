import CYAML

/// Conversions from libyaml's C values, and its errors turned into diagnostics.
extension YAMLEventReader {
  /// Reports a libyaml scanner or parser error ("found character that cannot start any token")
  /// at its position, with libyaml's context ("while scanning a quoted scalar") as a note.
  mutating func reportParserError(_ parser: yaml_parser_t) {
    let problem = Self.optionalCString(parser.problem) ?? "invalid YAML"
    if parser.error == YAML_READER_ERROR {
      // Reader errors carry a raw byte offset, not a character mark.
      let offset = min(Int(parser.problem_offset), file.bytes.count)
      let range = SourceRange(start: offset, end: min(offset + 1, file.bytes.count))
      diagnostics.append(
        .error("yaml.encoding", "the file cannot be read as YAML text: \(problem)", at: range))
      return
    }
    let offset = byteOffset(Int(parser.problem_mark.index))
    var notes: [Note] = []
    if let context = Self.optionalCString(parser.context) {
      let at = byteOffset(Int(parser.context_mark.index))
      // A context at the problem's own position adds nothing ("while scanning for the next token").
      if at != offset {
        notes.append(Note(context, at: SourceRange(start: at, end: min(at + 1, file.bytes.count))))
      }
    }
    let range = SourceRange(start: offset, end: min(offset + 1, file.bytes.count))
    diagnostics.append(.error("yaml.syntax", Self.explain(problem), at: range, notes: notes))
  }

  /// libyaml's messages are terse; a few common ones get the hint people need.
  static func explain(_ problem: String) -> String {
    switch problem {
    case "found character that cannot start any token":
      return
        "found a character that cannot start any token (tabs cannot indent YAML; '@' and '`' need quotes)"
    case "mapping values are not allowed in this context":
      return "a ':' here starts a mapping where none can start (check the indentation, or quote the value)"
    default:
      return problem
    }
  }

  static func string(_ p: UnsafeMutablePointer<yaml_char_t>?, _ length: Int) -> String {
    guard let p else { return "" }
    return String(decoding: UnsafeBufferPointer(start: p, count: length), as: UTF8.self)
  }

  static func optionalString(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    guard let p else { return nil }
    return String(cString: p)
  }

  static func optionalCString(_ p: UnsafePointer<CChar>?) -> String? {
    guard let p else { return nil }
    return String(cString: p)
  }

  static func style(_ s: yaml_scalar_style_t) -> ScalarStyle {
    switch s {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
    case YAML_LITERAL_SCALAR_STYLE: return .literal
    case YAML_FOLDED_SCALAR_STYLE: return .folded
    default: return .plain
    }
  }

  /// `!!int` for the core schema's long tags, the tag itself otherwise.
  static func shortTag(_ tag: String?) -> String {
    guard let tag else { return "" }
    return tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst(18) : tag
  }
}
