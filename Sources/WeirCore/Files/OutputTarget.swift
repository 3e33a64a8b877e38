import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file weir is about to write (`--output`, `--record`, an export, a plot, the REPL's `save`),
/// inspected before anything is opened for writing. Every writer of files goes through it, so the
/// rules hold everywhere (Documentation/Runtime.md, "Writing files"):
///
/// - a symbolic link is followed to its target, and the target is written (the link stays a link);
/// - a regular file (or a new one) is replaced atomically: the bytes go to a temporary file in the
///   target's own folder, which is renamed over the target only once everything is written, with
///   the old file's permission bits; a failed write leaves the old file as it was;
/// - a read-only regular file is refused, even for root (no write bit at all counts as read-only);
/// - a FIFO or a character device (`/dev/null`, a terminal) is written straight into, never
///   renamed over, truncated or created;
/// - anything else (a folder, a block device, a socket) is refused.
public struct OutputTarget: Sendable {
  /// What is at the path now.
  public enum Kind: Sendable, Equatable {
    case absent
    case regularFile
    case fifo
    case characterDevice
  }

  /// The path as the user gave it.
  public let path: String
  /// The file that is written: `path` after every symbolic link.
  public let resolved: String
  public let kind: Kind
  /// The permission bits of the regular file being replaced.
  let mode: mode_t?
  let owner: (uid: uid_t, gid: gid_t)?

  /// Looks at `path` without opening it for writing; throws when weir must not write there.
  public static func inspect(_ path: String) throws(OutputFileError) -> OutputTarget {
    let resolved = try FilePaths.resolvingLinks(path)
    var st = stat()
    guard lstat(resolved, &st) == 0 else {
      guard errno == ENOENT else { throw OutputFileError(path: path, reason: FilePaths.errnoText()) }
      try checkFolder(of: resolved, path: path)
      return OutputTarget(path: path, resolved: resolved, kind: .absent, mode: nil, owner: nil)
    }
    let type = st.st_mode & S_IFMT
    switch type {
    case S_IFREG:
      if access(resolved, W_OK) != 0 || st.st_mode & 0o222 == 0 {
        throw OutputFileError(path: path, reason: "the file is read-only")
      }
      try checkFolder(of: resolved, path: path)
      return OutputTarget(
        path: path, resolved: resolved, kind: .regularFile, mode: st.st_mode & 0o7777,
        owner: (st.st_uid, st.st_gid))
    case S_IFIFO, S_IFCHR:
      if access(resolved, W_OK) != 0 {
        throw OutputFileError(path: path, reason: FilePaths.errnoText())
      }
      return OutputTarget(
        path: path, resolved: resolved, kind: type == S_IFIFO ? .fifo : .characterDevice, mode: nil,
        owner: nil)
    case S_IFDIR: throw OutputFileError(path: path, reason: "it is a folder")
    case S_IFBLK: throw OutputFileError(path: path, reason: "it is a block device, which weir never writes")
    default:
      throw OutputFileError(path: path, reason: "it is not a regular file, a FIFO or a character device")
    }
  }

  /// The folder a temporary file is made in must exist and be writable.
  private static func checkFolder(of resolved: String, path: String) throws(OutputFileError) {
    let folder = (resolved as NSString).deletingLastPathComponent
    var st = stat()
    guard stat(folder, &st) == 0 else {
      throw OutputFileError(path: path, reason: "the folder '\(folder)' does not exist")
    }
    guard st.st_mode & S_IFMT == S_IFDIR else {
      throw OutputFileError(path: path, reason: "'\(folder)' is not a folder")
    }
    guard access(folder, W_OK) == 0 else {
      throw OutputFileError(path: path, reason: "the folder '\(folder)' is not writable")
    }
  }

  /// Writes the whole file: atomically for a regular file, straight into a FIFO or device.
  public func write(_ bytes: some Collection<UInt8>) throws(OutputFileError) {
    let stream = try open()
    do throws(OutputFileError) {
      try stream.write(Array(bytes))
      try stream.commit()
    } catch {
      stream.discard()
      throw error
    }
  }

  /// Opens the target for writing piece by piece; `commit` puts the file in place, `discard`
  /// (or dropping the stream) leaves what was there before.
  public func open() throws(OutputFileError) -> OutputFileStream {
    switch kind {
    case .fifo, .characterDevice:
      let fd = FilePaths.open(resolved, O_WRONLY | O_NOCTTY | O_CLOEXEC)
      guard fd >= 0 else { throw OutputFileError(path: path, reason: FilePaths.errnoText()) }
      return OutputFileStream(target: self, fd: fd, temporary: nil)
    case .absent, .regularFile:
      let (fd, temporary) = try makeTemporary()
      return OutputFileStream(target: self, fd: fd, temporary: temporary)
    }
  }

  /// A new file beside the target (`.name.weir-1a2b3c4d.tmp`), so the rename stays on one file
  /// system; created exclusively and never through a link.
  private func makeTemporary() throws(OutputFileError) -> (Int32, String) {
    let folder = (resolved as NSString).deletingLastPathComponent
    let name = (resolved as NSString).lastPathComponent
    for _ in 0..<100 {
      let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 16)
      let temporary = folder + "/." + name + ".weir-" + suffix + ".tmp"
      let fd = FilePaths.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
      if fd >= 0 {
        if let mode { fchmod(fd, mode) }
        // Only root can give the file back to its owner; for anyone else the file is theirs already.
        if let owner, geteuid() == 0 { _ = fchown(fd, owner.uid, owner.gid) }
        return (fd, temporary)
      }
      if errno != EEXIST { throw OutputFileError(path: path, reason: FilePaths.errnoText()) }
    }
    throw OutputFileError(path: path, reason: "cannot make a temporary file in '\(folder)'")
  }
}

/// Why weir did not write a file: `cannot write 'out.jsonl': the file is read-only`.
public struct OutputFileError: Error, Sendable, Equatable, CustomStringConvertible {
  public var path: String
  public var reason: String
  /// The whole message, when it is not "cannot write PATH: REASON" (a same-file refusal).
  public var message: String?

  public init(path: String, reason: String, message: String? = nil) {
    self.path = path
    self.reason = reason
    self.message = message
  }

  public var description: String { message ?? "cannot write '\(path)': \(reason)" }
}
