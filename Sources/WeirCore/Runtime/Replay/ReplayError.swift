/// A predictions file that cannot be used: missing, unreadable, corrupt or of an unknown shape.
/// The description names the file and, where known, the line and column.
public struct ReplayError: Error, Sendable, Hashable, CustomStringConvertible {
  public var path: String
  public var line: Int?
  public var column: Int?
  public var message: String

  public init(path: String, line: Int? = nil, column: Int? = nil, message: String) {
    self.path = path
    self.line = line
    self.column = column
    self.message = message
  }

  public var description: String {
    var location = path
    if let line { location += ":\(line)" }
    if let column { location += ":\(column)" }
    return "\(location): \(message)"
  }

  /// An error at a byte offset of a file's contents.
  static func at(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>, path: String, _ message: String)
    -> ReplayError
  {
    var line = 1
    var lineStart = 0
    let end = min(offset, bytes.count)
    for i in 0..<end where bytes[i] == 0x0a {
      line += 1
      lineStart = i + 1
    }
    let column =
      String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<end]), as: UTF8.self).count + 1
    return ReplayError(path: path, line: line, column: column, message: message)
  }
}
