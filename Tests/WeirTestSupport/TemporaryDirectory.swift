import Foundation

/// A fresh folder under the system's temporary folder, removed when the value is released or
/// `remove()` is called. Tests write only inside one of these.
public final class TemporaryDirectory: @unchecked Sendable {
  public let url: URL

  /// Creates `<tmp>/<label>-<uuid>`.
  public init(_ label: String = "weir-tests") throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { remove() }

  /// The path of `name` inside the folder.
  public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  /// Writes `bytes` to `name` inside the folder and returns its URL.
  @discardableResult
  public func write(_ name: String, _ bytes: [UInt8]) throws -> URL {
    let file = url.appendingPathComponent(name)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: file)
    return file
  }

  /// Writes `text` as UTF-8 to `name` inside the folder and returns its URL.
  @discardableResult
  public func write(_ name: String, _ text: String) throws -> URL { try write(name, Array(text.utf8)) }

  /// The UTF-8 text of `name` inside the folder.
  public func read(_ name: String) throws -> String {
    try String(contentsOfFile: path(name), encoding: .utf8)
  }

  /// Removes the folder and everything in it (also done on release).
  public func remove() { try? FileManager.default.removeItem(at: url) }
}
