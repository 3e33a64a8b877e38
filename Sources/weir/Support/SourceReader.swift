import Foundation
import WeirCore

/// Reads workflow files, or standard input for `-`, into `SourceFile`s for the commands.
enum SourceReader {
  /// The path that means standard input, and the name diagnostics show for it.
  static let stdinPath = "-"
  static let stdinName = "<stdin>"

  /// Reads one file; the error says why it could not be read, in the system's words.
  static func read(_ path: String) -> Result<SourceFile, ReadFailure> {
    if path == stdinPath {
      let data = FileHandle.standardInput.readDataToEndOfFile()
      return .success(SourceFile(path: stdinName, bytes: [UInt8](data)))
    }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
      return .failure(ReadFailure(path: path, reason: "Is a directory"))
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      return .failure(ReadFailure(path: path, reason: reasonForOpenFailure(path)))
    }
    defer { try? handle.close() }
    do {
      let data = try handle.readToEnd() ?? Data()
      return .success(SourceFile(path: path, bytes: [UInt8](data)))
    } catch {
      return .failure(ReadFailure(path: path, reason: error.localizedDescription))
    }
  }

  /// The `strerror` text for opening `path` ("No such file or directory", "Permission denied").
  private static func reasonForOpenFailure(_ path: String) -> String {
    let fd = open(path, O_RDONLY)
    if fd >= 0 {
      close(fd)
      return "cannot be opened"
    }
    return String(cString: strerror(errno))
  }
}

/// A file that could not be read: reported as `weir: cannot read 'x.yaml': No such file or directory`.
struct ReadFailure: Error, CustomStringConvertible {
  var path: String
  var reason: String

  var description: String { "cannot read '\(path)': \(reason)" }
}
