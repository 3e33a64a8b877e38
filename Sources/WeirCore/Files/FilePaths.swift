import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Path helpers for the file writers: links resolved by hand (the target may not exist yet) and
/// files compared by device and inode.
public enum FilePaths {
  /// `path` made absolute and followed through every symbolic link, in the last component and in
  /// its folders. A link to a file that does not exist yet gives that file's path.
  public static func resolvingLinks(_ path: String) throws(OutputFileError) -> String {
    var current = absolute(path)
    for _ in 0..<40 {
      let folder = (current as NSString).deletingLastPathComponent
      let name = (current as NSString).lastPathComponent
      let realFolder = realpath(folder, nil).map { p in
        defer { free(p) }
        return String(cString: p)
      }
      let base = realFolder ?? folder
      current = base == "/" ? "/" + name : base + "/" + name
      var st = stat()
      guard lstat(current, &st) == 0, st.st_mode & S_IFMT == S_IFLNK else { return current }
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let n = readlink(current, &buffer, buffer.count - 1)
      guard n >= 0 else { throw OutputFileError(path: path, reason: errnoText()) }
      let target = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      current = absolute(target.hasPrefix("/") ? target : base + "/" + target)
    }
    throw OutputFileError(path: path, reason: "too many levels of symbolic links")
  }

  /// `path` against the current folder, `.` and `..` folded.
  public static func absolute(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.path
  }

  /// The device and inode of the file at `path` after links; `nil` when there is none.
  public static func identity(_ path: String) -> FileIdentity? {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    return FileIdentity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
  }

  /// `open(2)`, reachable from types that have an `open` of their own.
  static func open(_ path: String, _ flags: Int32, _ mode: mode_t = 0) -> Int32 {
    Glibc.open(path, flags, mode)
  }

  /// The current `errno` in words, lowercase as weir's messages are.
  static func errnoText() -> String {
    let text = String(cString: strerror(errno))
    return text.prefix(1).lowercased() + text.dropFirst()
  }
}

/// A file on disk, whatever path names it.
public struct FileIdentity: Hashable, Sendable {
  public var device: UInt64
  public var inode: UInt64
}
