/// A `# weir-lint-ignore: rule-id[, rule-id]` comment.
///
/// It applies to findings that start on the line it is written on, when it follows code on that line,
/// or on the next line that is not blank or a comment, when it stands on a line of its own.
public struct Suppression: Sendable, Hashable {
  /// 1-based line of the findings it applies to.
  public var line: Int
  /// The rule ids it names, as written (with or without `lint.`), each with its range.
  public var rules: [Located<String>]
  /// The whole comment.
  public var range: SourceRange

  public init(line: Int, rules: [Located<String>], range: SourceRange) {
    self.line = line
    self.rules = rules
    self.range = range
  }

  /// The marker that starts a suppression inside a comment.
  public static let marker = "weir-lint-ignore"

  /// Every suppression in `file`, in source order. libyaml drops comments, so they are read from the
  /// text line by line; a `#` inside a quoted scalar on the same line is not a comment.
  public static func scan(_ file: SourceFile) -> [Suppression] {
    var found: [(commentLine: Int, ownLine: Bool, rules: [Located<String>], range: SourceRange)] = []
    var codeLines: [Int] = []
    for line in 1...file.lineStarts.count {
      let start = file.lineStarts[line - 1]
      let end = line < file.lineStarts.count ? file.lineStarts[line] : file.bytes.count
      let bytes = file.bytes[start..<end]
      guard let hash = commentStart(bytes) else {
        if bytes.contains(where: { !isSpace($0) }) { codeLines.append(line) }
        continue
      }
      let ownLine = bytes[start..<hash].allSatisfy(isSpace)
      if !ownLine { codeLines.append(line) }
      if let rules = parseDirective(file, from: hash, to: end) {
        found.append((line, ownLine, rules, SourceRange(start: hash, end: trimmedEnd(file, end))))
      }
    }
    return found.map { s in
      let target = s.ownLine ? (codeLines.first { $0 > s.commentLine } ?? s.commentLine + 1) : s.commentLine
      return Suppression(line: target, rules: s.rules, range: s.range)
    }
  }

  /// Offset of the `#` that starts a comment on this line, if any.
  static func commentStart(_ line: ArraySlice<UInt8>) -> Int? {
    var quote: UInt8? = nil
    var previous: UInt8 = UInt8(ascii: " ")
    var i = line.startIndex
    while i < line.endIndex {
      let b = line[i]
      if let q = quote {
        if q == UInt8(ascii: "\"") && b == UInt8(ascii: "\\") {
          i += 2
          continue
        }
        if b == q { quote = nil }
      } else if b == UInt8(ascii: "#") && isSpace(previous) {
        return i
      } else if (b == UInt8(ascii: "'") || b == UInt8(ascii: "\"")) && opensScalar(previous) {
        quote = b
      }
      previous = b
      i += 1
    }
    return nil
  }

  /// The rule ids of a `# weir-lint-ignore: a, b` comment starting at `hash`; `nil` when the comment
  /// is not a suppression. Text after ` -- ` is a reason and is ignored.
  static func parseDirective(_ file: SourceFile, from hash: Int, to end: Int) -> [Located<String>]? {
    var i = hash + 1
    while i < end, file.bytes[i] == UInt8(ascii: " ") { i += 1 }
    let marker = Array(Self.marker.utf8)
    guard file.bytes[i..<min(end, i + marker.count)].elementsEqual(marker) else { return nil }
    i += marker.count
    // `# weir-lint-ignore` with no colon is a malformed suppression (reported as naming no rule);
    // `# weir-lint-ignored` is some other comment.
    guard i < end, file.bytes[i] == UInt8(ascii: ":") else {
      return i >= trimmedEnd(file, end) || isSpace(file.bytes[i]) ? [] : nil
    }
    i += 1
    var rules: [Located<String>] = []
    var tokenStart: Int? = nil
    let stop = trimmedEnd(file, end)
    while i <= stop {
      let b = i < stop ? file.bytes[i] : UInt8(ascii: ",")
      if b == UInt8(ascii: "-"), i + 1 < stop, file.bytes[i + 1] == UInt8(ascii: "-"), tokenStart == nil {
        break
      }
      if b == UInt8(ascii: ",") || isSpace(b) {
        if let s = tokenStart {
          rules.append(
            Located(String(decoding: file.bytes[s..<i], as: UTF8.self), SourceRange(start: s, end: i)))
        }
        tokenStart = nil
      } else if tokenStart == nil {
        tokenStart = i
      }
      i += 1
    }
    return rules
  }

  private static func trimmedEnd(_ file: SourceFile, _ end: Int) -> Int {
    var e = end
    while e > 0, e <= file.bytes.count, isSpace(file.bytes[e - 1]) || file.bytes[e - 1] == UInt8(ascii: "\n")
    {
      e -= 1
    }
    return e
  }

  private static func isSpace(_ b: UInt8) -> Bool {
    b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\r") || b == UInt8(ascii: "\n")
  }

  /// Whether a quote after `b` starts a quoted scalar (rather than being an apostrophe in `it's`).
  private static func opensScalar(_ b: UInt8) -> Bool {
    isSpace(b)
      || [
        UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","),
        UInt8(ascii: "?"),
      ].contains(b)
  }
}
