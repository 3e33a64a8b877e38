#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a large weir JSON lines file in rounds cut at line breaks: each round is parsed (in
/// parallel chunks) and added to the data before the next is read, so neither the file's bytes nor
/// a record per input are ever all in memory at once, only the columns they become. A million
/// regions (a 200 MB file) load in a few tens of megabytes beyond their columns.
enum ReplayLineStream {
  /// The bytes read per round.
  static let roundSize = 1 << 24

  /// The predictions of a weir JSON lines file of at least two rounds; `nil` for a smaller file,
  /// another format or a file that cannot be opened (read whole, which reports what is wrong).
  static func load(_ path: String, loader: ReplayLoader, roundSize: Int = roundSize) throws(ReplayError)
    -> ReplayData?
  {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG, Int(st.st_size) >= 2 * roundSize else {
      return nil
    }
    let reader = ReplayFileReader(path: path, loader: loader, coco: nil)
    var data = ReplayData(source: path, format: .weirLines)
    var buffer: [UInt8] = []
    var consumed = 0
    var atEnd = false
    while !atEnd {
      switch fill(&buffer, fd, roundSize) {
      case .failure(let e): throw ReplayError(path: path, message: "cannot read predictions: \(e)")
      case .success(let end): atEnd = end
      }
      // A round ends after its last line break (a line longer than a round waits for the next).
      guard let cut = atEnd ? buffer.count : buffer.lastIndex(of: 0x0a).map({ $0 + 1 }) else { continue }
      do {
        try buffer.withUnsafeBufferPointer { all in
          let round = UnsafeBufferPointer(rebasing: all[0..<cut])
          if consumed == 0, !reader.startsWithWeirLine(round) { throw NotLines() }
          try reader.readWeirLines(round, into: &data)
        }
      } catch is NotLines {
        return nil
      } catch let e as JSONScanError {
        throw located(path, consumed + e.offset, e.message)
      } catch let e as ReplayError {
        throw e
      } catch {
        throw ReplayError(path: path, message: "\(error)")
      }
      buffer.removeFirst(cut)
      consumed += cut
    }
    return data
  }

  private struct NotLines: Error {}

  /// Appends up to a round of bytes; `true` at the end of the file.
  private static func fill(_ buffer: inout [UInt8], _ fd: Int32, _ roundSize: Int) -> Result<
    Bool, FileReadError
  > {
    let start = buffer.count
    buffer.append(contentsOf: repeatElement(0, count: roundSize))
    var filled = 0
    defer { buffer.removeLast(roundSize - filled) }
    while filled < roundSize {
      let n = buffer.withUnsafeMutableBytes { bytes in
        bytes.baseAddress.map { read(fd, $0 + start + filled, roundSize - filled) } ?? 0
      }
      if n < 0 {
        if errno == EINTR { continue }
        return .failure(FileReadError(errno))
      }
      if n == 0 { return .success(true) }
      filled += n
    }
    return .success(false)
  }

  /// An error at a byte offset of the file, with its line and column (the file is read again
  /// whole: this happens once, on the way out).
  private static func located(_ path: String, _ offset: Int, _ message: String) -> ReplayError {
    guard case .success(let bytes) = FileBytes.read(path) else {
      return ReplayError(path: path, message: message)
    }
    return bytes.withUnsafeBufferPointer { ReplayError.at(offset, in: $0, path: path, message) }
  }
}
