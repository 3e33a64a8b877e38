import Foundation
import WeirCore

/// An open document: its text as bytes, its version, and the map between weir's byte offsets and
/// the protocol's positions.
///
/// Protocol positions are a 0-based line and a column in UTF-16 code units; weir's ranges are
/// UTF-8 byte offsets. `é` is two bytes and one unit, `😀` four bytes and two units.
public struct TextDocument: Sendable {
  public var uri: String
  /// The file system path the URI names (`file:///a/b.yaml` → `/a/b.yaml`); the URI itself otherwise.
  public var path: String
  public var version: Int
  public private(set) var file: SourceFile

  public init(uri: String, version: Int, text: String) {
    self.uri = uri
    self.path = TextDocument.path(of: uri)
    self.version = version
    self.file = SourceFile(path: path, text: text)
  }

  public var bytes: [UInt8] { file.bytes }

  /// Replaces the whole text.
  public mutating func replace(with text: String) {
    file = SourceFile(path: path, text: text)
  }

  /// Replaces the text between two protocol positions.
  public mutating func replace(from: LSPPosition, to: LSPPosition, with text: String) {
    let start = offset(of: from)
    let end = max(start, offset(of: to))
    var bytes = file.bytes
    bytes.replaceSubrange(start..<end, with: Array(text.utf8))
    file = SourceFile(path: path, bytes: bytes)
  }

  // MARK: - Positions

  /// The protocol position of a byte offset.
  public func position(of offset: Int) -> LSPPosition {
    let offset = min(max(0, offset), file.bytes.count)
    let line = file.line(containing: offset)
    let start = file.lineStarts[line - 1]
    if file.isASCII { return LSPPosition(line: line - 1, character: offset - start) }
    let units = String(decoding: file.bytes[start..<offset], as: UTF8.self).utf16.count
    return LSPPosition(line: line - 1, character: units)
  }

  /// The byte offset of a protocol position; a column past the end of its line means the line's
  /// end, a line past the end of the text means the text's end.
  public func offset(of position: LSPPosition) -> Int {
    guard position.line >= 0 else { return 0 }
    guard position.line < file.lineStarts.count else { return file.bytes.count }
    let line = file.byteRange(ofLine: position.line + 1)
    if file.isASCII { return min(line.start + max(0, position.character), line.end) }
    var units = 0
    var offset = line.start
    for scalar in String(decoding: file.bytes[line.start..<line.end], as: UTF8.self).unicodeScalars {
      if units >= position.character { break }
      units += scalar.utf16.count
      offset += scalar.utf8.count
    }
    return min(offset, line.end)
  }

  /// The protocol range of a byte range.
  public func range(of range: SourceRange) -> LSPRange {
    LSPRange(start: position(of: range.start), end: position(of: range.end))
  }

  /// `file:///a/b%20c.yaml` → `/a/b c.yaml`.
  static func path(of uri: String) -> String {
    guard uri.hasPrefix("file://"), let url = URL(string: uri), url.isFileURL else { return uri }
    return url.path
  }
}

/// A protocol position: 0-based line, and column in UTF-16 code units.
public struct LSPPosition: Hashable, Sendable {
  public var line: Int
  public var character: Int

  public init(line: Int, character: Int) {
    self.line = line
    self.character = character
  }

  init?(_ json: JSONValue?) {
    guard let line = json?["line"]?.int, let character = json?["character"]?.int else { return nil }
    self.init(line: line, character: character)
  }

  var json: JSONValue { .object(["line": .int(line), "character": .int(character)]) }
}

/// A protocol range.
public struct LSPRange: Hashable, Sendable {
  public var start: LSPPosition
  public var end: LSPPosition

  init?(_ json: JSONValue?) {
    guard let start = LSPPosition(json?["start"]), let end = LSPPosition(json?["end"]) else { return nil }
    self.init(start: start, end: end)
  }

  public init(start: LSPPosition, end: LSPPosition) {
    self.start = start
    self.end = end
  }

  var json: JSONValue { .object(["start": start.json, "end": end.json]) }
}
