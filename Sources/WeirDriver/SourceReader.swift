import Foundation
import WeirCore

/// Reads workflow files, or standard input for `-`, into `SourceFile`s for the commands.
public enum SourceReader {
  /// The path that means standard input, and the name diagnostics show for it.
  public static let stdinPath = "-"
  public static let stdinName = "<stdin>"
  /// Reading stops past this size (the loader's limit), so `weir check /dev/zero` ends.
  public static let maxBytes = YAMLLoader.Limits().maxBytes

  /// Reads one file; the error says why it could not be read, in the system's words.
  public static func read(_ path: String) -> Result<SourceFile, ReadFailure> {
    if path == stdinPath { return readAll(FileHandle.standardInput, path: stdinPath, name: stdinName) }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
      return .failure(ReadFailure(path: path, reason: "Is a directory"))
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      return .failure(ReadFailure(path: path, reason: reasonForOpenFailure(path)))
    }
    defer { try? handle.close() }
    return readAll(handle, path: path, name: path)
  }

  /// Reads to the end, or fails once more than `maxBytes` arrived.
  private static func readAll(_ handle: FileHandle, path: String, name: String) -> Result<
    SourceFile, ReadFailure
  > {
    var bytes: [UInt8] = []
    do {
      while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
        bytes += chunk
        if bytes.count > maxBytes {
          return .failure(
            ReadFailure(
              path: path,
              reason: "larger than \(maxBytes >> 20) MiB, the most weir reads from a workflow file"))
        }
      }
    } catch {
      return .failure(ReadFailure(path: path, reason: error.localizedDescription))
    }
    return .success(SourceFile(path: name, bytes: bytes))
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
public struct ReadFailure: Error, CustomStringConvertible {
  public var path: String
  public var reason: String

  public var description: String { "cannot read '\(path)': \(reason)" }
}
