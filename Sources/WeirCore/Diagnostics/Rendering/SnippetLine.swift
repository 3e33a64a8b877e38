/// One source line split around the underlined part, laid out for a terminal.
///
/// Columns in headers count characters; here, for the caret to sit under what a person sees,
/// characters are measured in terminal cells (`猫` and most emoji take two). Tabs and other
/// control characters are shown as one space. Very long lines are cut to a window around the
/// underline, marked with `…`.
struct SnippetLine {
  var before: String
  var marked: String
  var after: String
  /// Whether the line goes on before `before` or after `after` (they were cut from a long line).
  var moreBefore = false
  var moreAfter = false

  /// Lines longer than this many characters are shown as a window.
  static let maxCharacters = 160
  /// At most this many characters before the underline are shown in a window (with `…`), and at
  /// most this many underlined.
  static let maxBefore = 40
  static let maxMarked = 100

  /// The part of `line` around `marked`, read as bytes: a line that fits in a window whole, or just
  /// enough bytes on each side for the window (four per character, at character boundaries: a cut
  /// never splits a UTF-8 sequence). A diagnostic on a line of megabytes costs no more than one on a
  /// short line.
  static func around(_ marked: Range<Int>, in file: SourceFile, line: SourceRange) -> SnippetLine {
    let bytes = file.bytes
    guard line.end - line.start > 4 * maxCharacters else {
      return SnippetLine(
        before: file.slice(SourceRange(start: line.start, end: marked.lowerBound)),
        marked: file.slice(SourceRange(start: marked.lowerBound, end: marked.upperBound)),
        after: file.slice(SourceRange(start: marked.upperBound, end: line.end)))
    }
    var from = max(line.start, marked.lowerBound - 4 * (maxBefore + 1))
    while from > line.start, from < marked.lowerBound, isContinuation(bytes[from]) { from += 1 }
    var markedEnd = min(marked.upperBound, marked.lowerBound + 4 * maxMarked)
    while markedEnd < marked.upperBound, markedEnd > marked.lowerBound, isContinuation(bytes[markedEnd]) {
      markedEnd -= 1
    }
    var to = min(line.end, marked.upperBound + 4 * maxCharacters)
    while to < line.end, to > marked.upperBound, isContinuation(bytes[to]) { to -= 1 }
    return SnippetLine(
      before: file.slice(SourceRange(start: from, end: marked.lowerBound)),
      marked: file.slice(SourceRange(start: marked.lowerBound, end: markedEnd)),
      after: file.slice(SourceRange(start: marked.upperBound, end: to)),
      moreBefore: from > line.start, moreAfter: to < line.end)
  }

  private static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

  /// The text to show, the caret's indent and the underline's width, in cells.
  func windowed() -> (text: String, indent: Int, marked: Int) {
    var b = Array(Self.clean(before))
    var m = Array(Self.clean(marked))
    var a = Array(Self.clean(after))
    if b.count + m.count + a.count > Self.maxCharacters || moreBefore || moreAfter {
      if b.count > Self.maxBefore || moreBefore { b = ["…"] + b.suffix(Self.maxBefore - 1) }
      if m.count > Self.maxMarked { m = Array(m.prefix(Self.maxMarked)) }
      let room = max(0, Self.maxCharacters - b.count - m.count)
      if a.count > room || moreAfter { a = Array(a.prefix(room)) + ["…"] }
    }
    let text = String(b) + String(m) + String(a)
    return (Self.trimTrailing(text), Self.cells(b), max(1, Self.cells(m)))
  }

  private static func clean(_ s: String) -> String {
    String(
      s.map { c -> Character in c.unicodeScalars.allSatisfy({ $0.value < 0x20 || $0.value == 0x7F }) ? " " : c
      })
  }

  private static func trimTrailing(_ s: String) -> String {
    var s = Substring(s)
    while s.last == " " { s = s.dropLast() }
    return String(s)
  }

  /// Terminal cells taken by the characters (East Asian wide and emoji count two).
  static func cells<S: Sequence>(_ characters: S) -> Int where S.Element == Character {
    characters.reduce(0) { $0 + cells($1) }
  }

  static func cells(_ c: Character) -> Int {
    let scalars = c.unicodeScalars
    guard let first = scalars.first else { return 0 }
    if scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
    switch first.value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
      return 2
    default:
      return 1
    }
  }
}
