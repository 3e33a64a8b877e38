#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads whole files with the operating system's own error messages ("No such file or directory",
/// "Permission denied"), which Foundation's errors blur on Linux.
enum FileBytes {
  enum Kind { case missing, file, directory, other }

  static func kind(_ path: String) -> Kind {
    var st = stat()
    guard stat(path, &st) == 0 else { return .missing }
    switch st.st_mode & S_IFMT {
    case S_IFREG: return .file
    case S_IFDIR: return .directory
    default: return .other
    }
  }

  /// The bytes of a file, or the reason it cannot be read (lowercase, for messages).
  static func read(_ path: String) -> Result<[UInt8], FileReadError> {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return .failure(FileReadError(errno)) }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else { return .failure(FileReadError(errno)) }
    if st.st_mode & S_IFMT == S_IFDIR { return .failure(FileReadError(EISDIR)) }
    var bytes = [UInt8]()
    bytes.reserveCapacity(Int(st.st_size))
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let n = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        return .failure(FileReadError(errno))
      }
      if n == 0 { break }
      bytes.append(contentsOf: chunk[0..<n])
    }
    return .success(bytes)
  }
}

/// Why a file could not be read: the C library's message, lowercased.
struct FileReadError: Error, CustomStringConvertible {
  var code: Int32

  init(_ code: Int32) { self.code = code }

  var description: String { String(cString: strerror(code)).lowercased() }
}

@inline(__always)
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(fd, buffer, count)
}
