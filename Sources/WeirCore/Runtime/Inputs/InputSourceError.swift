/// An input list that cannot be read: a path that does not exist, an empty folder, a glob that
/// matches nothing, a bad manifest line. The description names the path (and line).
public struct InputSourceError: Error, Sendable, Hashable, CustomStringConvertible {
  public var path: String
  public var line: Int?
  public var message: String

  public init(path: String, line: Int? = nil, message: String) {
    self.path = path
    self.line = line
    self.message = message
  }

  public var description: String {
    line.map { "\(path):\($0): \(message)" } ?? "\(path): \(message)"
  }
}
