import WeirCore

/// A replacement of a byte range of a source file's text.
public struct TextEdit: Equatable, Sendable {
  public var range: SourceRange
  public var replacement: String

  public init(range: SourceRange, replacement: String) {
    self.range = range
    self.replacement = replacement
  }

  /// The bytes with the edits applied. Edits must not overlap; they are applied from the end so
  /// that earlier ranges stay valid.
  public static func apply(_ edits: [TextEdit], to bytes: [UInt8]) -> [UInt8] {
    var result = bytes
    for edit in edits.sorted(by: { $0.range.start > $1.range.start }) {
      let start = min(max(0, edit.range.start), result.count)
      let end = min(max(start, edit.range.end), result.count)
      result.replaceSubrange(start..<end, with: Array(edit.replacement.utf8))
    }
    return result
  }
}
