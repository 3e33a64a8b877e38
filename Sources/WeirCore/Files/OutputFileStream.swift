import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An open ``OutputTarget``: bytes go to a temporary file that `commit` renames into place, or
/// straight into a FIFO or device. Not thread-safe; callers that write from several tasks lock.
public final class OutputFileStream {
  public let target: OutputTarget
  private var fd: Int32
  /// The temporary file for a regular target; `nil` when writing into a FIFO or device.
  private var temporary: String?
  /// The first write error: a file that failed part way is never renamed into place.
  private var failure: OutputFileError?

  init(target: OutputTarget, fd: Int32, temporary: String?) {
    self.target = target
    self.fd = fd
    self.temporary = temporary
  }

  deinit { discard() }

  /// Writes all of `bytes`, resuming after a short write or a signal.
  public func write(_ bytes: [UInt8]) throws(OutputFileError) {
    guard fd >= 0 else { throw OutputFileError(path: target.path, reason: "the file is already closed") }
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
      if n < 0 {
        if errno == EINTR { continue }
        let error = OutputFileError(path: target.path, reason: FilePaths.errnoText())
        failure = failure ?? error
        throw error
      }
      offset += n
    }
  }

  /// Finishes the file: a temporary file is synced, checked once more and renamed over the target;
  /// a FIFO or device is closed.
  public func commit() throws(OutputFileError) {
    guard fd >= 0 else { return }
    if let failure {
      discard()
      throw failure
    }
    let path = target.path
    guard let temporary else {
      let failed = close(fd) != 0
      fd = -1
      if failed { throw OutputFileError(path: path, reason: FilePaths.errnoText()) }
      return
    }
    if fsync(fd) != 0 && errno != EINVAL {
      let reason = FilePaths.errnoText()
      discard()
      throw OutputFileError(path: path, reason: reason)
    }
    if close(fd) != 0 {
      let reason = FilePaths.errnoText()
      fd = -1
      discard()
      throw OutputFileError(path: path, reason: reason)
    }
    fd = -1
    // Something else may have appeared at the target since it was inspected: never rename over
    // anything but a regular file.
    var st = stat()
    if lstat(target.resolved, &st) == 0, st.st_mode & S_IFMT != S_IFREG {
      unlink(temporary)
      throw OutputFileError(path: path, reason: "it is no longer a regular file; nothing was replaced")
    }
    if rename(temporary, target.resolved) != 0 {
      let reason = FilePaths.errnoText()
      unlink(temporary)
      throw OutputFileError(path: path, reason: reason)
    }
    // The name is the target's now: nothing for `discard` to remove.
    self.temporary = nil
  }

  /// Abandons the file: the temporary file is removed and the target stays as it was.
  public func discard() {
    if fd >= 0 {
      close(fd)
      fd = -1
    }
    if let temporary {
      unlink(temporary)
      self.temporary = nil
    }
  }
}
