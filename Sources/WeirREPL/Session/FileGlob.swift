import Foundation
import WeirCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Glob patterns over input ids, for `inputs`, and folder listings for completion.
public enum FileGlob {
  /// Whether a name (an input id) matches a glob, `*` crossing `/` too.
  public static func matches(_ name: String, _ pattern: String) -> Bool {
    fnmatch(pattern, name, 0) == 0
  }

  /// Entries of a folder with whether each is a folder, sorted; `nil` when it cannot be read.
  public static func list(_ directory: String) -> [(name: String, isDirectory: Bool)]? {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return nil }
    return names.sorted().map {
      ($0, isDirectory(directory.hasSuffix("/") ? directory + $0 : directory + "/" + $0))
    }
  }

  static func isDirectory(_ path: String) -> Bool {
    var dir: ObjCBool = false
    return FileManager.default.fileExists(atPath: path.isEmpty ? "." : path, isDirectory: &dir)
      && dir.boolValue
  }
}
