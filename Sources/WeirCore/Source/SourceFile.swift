import Foundation

/// A source text with its name and a line table, so byte offsets map to line and column.
///
/// Columns count characters (extended grapheme clusters), not bytes, so a caret lands under `猫`
/// where a person sees it.
public struct SourceFile: Sendable {
  /// The name shown in diagnostics (a path, or `<stdin>`).
  public let path: String
  /// The raw bytes as read; they may not be valid UTF-8 (the loader reports that).
  public let bytes: [UInt8]
  /// Byte offsets at which each line starts; `lineStarts[0] == 0`.
  public let lineStarts: [Int]
  /// Whether every byte is ASCII, so that a column is a byte distance (the common case, O(1)).
  public let isASCII: Bool
  /// In a file that is not pure ASCII, points along long lines where the column is known, sorted by
  /// offset, so a column costs at most one stretch between two points to count, not the whole line
  /// before it (thousands of diagnostics on one long line stay linear).
  private let columnMarks: [ColumnMark]

  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
    var starts = [0]
    var ascii = true
    for (i, b) in bytes.enumerated() {
      if b == UInt8(ascii: "\n") { starts.append(i + 1) }
      if b >= 0x80 { ascii = false }
    }
    self.lineStarts = starts
    self.isASCII = ascii
    self.columnMarks = ascii ? [] : ColumnMark.marks(bytes, lineStarts: starts)
  }

  public init(path: String, text: String) {
    self.init(path: path, bytes: Array(text.utf8))
  }

  /// The text as a String (invalid UTF-8 sequences become U+FFFD).
  public var text: String { String(decoding: bytes, as: UTF8.self) }

  /// 1-based line and character column of a byte offset.
  ///
  /// O(log lines): a binary search in the line table; in a file that is not pure ASCII, the
  /// characters before the offset on its line are then counted, from the nearest column mark (at
  /// most about a kilobyte away).
  public func location(of offset: Int) -> (line: Int, column: Int) {
    let p = position(of: offset)
    return (p.line, p.column)
  }

  /// The 1-based line and character column of a byte offset, as a value.
  public func position(of offset: Int) -> SourcePosition {
    let offset = min(max(0, offset), bytes.count)
    let line = line(containing: offset)
    let start = lineStarts[line - 1]
    if isASCII { return SourcePosition(line: line, column: offset - start + 1) }
    let mark = ColumnMark.nearest(in: columnMarks, atOrBefore: offset, notBefore: start)
    let from = mark?.offset ?? start
    let prefix = String(decoding: bytes[from..<offset], as: UTF8.self)
    return SourcePosition(line: line, column: (mark?.column ?? 0) + prefix.count + 1)
  }

  /// The 1-based line holding a byte offset.
  public func line(containing offset: Int) -> Int {
    var lo = 0
    var hi = lineStarts.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
    }
    return lo + 1
  }

  /// The number of lines (a final line break does not start another line).
  public var lineCount: Int {
    lineStarts.count > 1 && lineStarts.last == bytes.count ? lineStarts.count - 1 : lineStarts.count
  }

  /// The byte range of a 1-based line, without its line break.
  public func byteRange(ofLine line: Int) -> SourceRange {
    guard line >= 1, line <= lineStarts.count else { return .at(bytes.count) }
    let start = lineStarts[line - 1]
    var end = line < lineStarts.count ? lineStarts[line] : bytes.count
    while end > start, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") {
      end -= 1
    }
    return SourceRange(start: start, end: end)
  }

  /// The text of a 1-based line, without its line break.
  public func lineText(_ line: Int) -> String {
    guard line >= 1, line <= lineStarts.count else { return "" }
    return slice(byteRange(ofLine: line))
  }

  /// The source text inside a range.
  public func slice(_ range: SourceRange) -> String {
    let s = min(max(0, range.start), bytes.count)
    let e = min(max(s, range.end), bytes.count)
    return String(decoding: bytes[s..<e], as: UTF8.self)
  }
}

/// A byte offset inside a long line and the number of characters between the line's start and it.
///
/// A mark sits only between two ASCII bytes that are not CR LF: there a character always ends (no
/// combining mark, joiner or multi-byte sequence spans it, and an invalid sequence ends before an
/// ASCII byte), so counting the characters before a later offset can start at the mark.
private struct ColumnMark: Sendable {
  var offset: Int
  var column: Int

  /// Lines shorter than this are counted from their start.
  static let longLine = 2048
  /// The least distance in bytes between two marks.
  static let spacing = 1024

  static func marks(_ bytes: [UInt8], lineStarts: [Int]) -> [ColumnMark] {
    var marks: [ColumnMark] = []
    for (i, start) in lineStarts.enumerated() {
      let end = i + 1 < lineStarts.count ? lineStarts[i + 1] : bytes.count
      guard end - start >= longLine else { continue }
      var last = start
      var column = 0
      var p = start + spacing
      while p < end {
        let (a, b) = (bytes[p - 1], bytes[p])
        if a < 0x80, b < 0x80, !(a == UInt8(ascii: "\r") && b == UInt8(ascii: "\n")) {
          column += String(decoding: bytes[last..<p], as: UTF8.self).count
          marks.append(ColumnMark(offset: p, column: column))
          last = p
          p += spacing
        } else {
          p += 1
        }
      }
    }
    return marks
  }

  /// The last mark at or before `offset` that is not before `lineStart`.
  static func nearest(in marks: [ColumnMark], atOrBefore offset: Int, notBefore lineStart: Int) -> ColumnMark?
  {
    var lo = 0
    var hi = marks.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if marks[mid].offset <= offset { lo = mid + 1 } else { hi = mid }
    }
    guard lo > 0, marks[lo - 1].offset >= lineStart else { return nil }
    return marks[lo - 1]
  }
}

/// A 1-based line and column; columns count characters (grapheme clusters), not bytes.
public struct SourcePosition: Hashable, Sendable, Comparable {
  public var line: Int
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
    (lhs.line, lhs.column) < (rhs.line, rhs.column)
  }
}
