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

  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
    var starts = [0]
    for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
    self.lineStarts = starts
  }

  public init(path: String, text: String) {
    self.init(path: path, bytes: Array(text.utf8))
  }

  /// The text as a String (invalid UTF-8 sequences become U+FFFD).
  public var text: String { String(decoding: bytes, as: UTF8.self) }

  /// 1-based line and character column of a byte offset.
  public func location(of offset: Int) -> (line: Int, column: Int) {
    let offset = min(max(0, offset), bytes.count)
    var lo = 0
    var hi = lineStarts.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
    }
    let start = lineStarts[lo]
    let prefix = String(decoding: bytes[start..<offset], as: UTF8.self)
    return (lo + 1, prefix.count + 1)
  }

  /// The text of a 1-based line, without its line break.
  public func lineText(_ line: Int) -> String {
    guard line >= 1, line <= lineStarts.count else { return "" }
    let start = lineStarts[line - 1]
    var end = line < lineStarts.count ? lineStarts[line] : bytes.count
    while end > start, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") {
      end -= 1
    }
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }

  /// The source text inside a range.
  public func slice(_ range: SourceRange) -> String {
    let s = min(max(0, range.start), bytes.count)
    let e = min(max(s, range.end), bytes.count)
    return String(decoding: bytes[s..<e], as: UTF8.self)
  }
}
