import Foundation

/// The last lines a program wrote to stderr, kept so errors can show why it crashed. The pipe is
/// drained continuously (a full stderr pipe would block the program), but only the tail is kept.
final class StderrTail: @unchecked Sendable {
  private let lock = NSLock()
  private let maxLines: Int
  private var lines: [String] = []
  private var partial = Data()
  private var finished = false

  init(maxLines: Int = 20) {
    self.maxLines = maxLines
  }

  func append(_ bytes: Data) {
    lock.lock()
    defer { lock.unlock() }
    partial.append(bytes)
    while let newline = partial.firstIndex(of: UInt8(ascii: "\n")) {
      keep(partial[partial.startIndex..<newline])
      partial.removeSubrange(partial.startIndex...newline)
    }
    if partial.count > 4096 {
      keep(partial)
      partial.removeAll()
    }
  }

  private func keep(_ bytes: Data) {
    let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    guard !line.isEmpty else { return }
    lines.append(line.count > 300 ? String(line.prefix(300)) + "…" : line)
    if lines.count > maxLines { lines.removeFirst(lines.count - maxLines) }
  }

  /// The pipe reached its end: everything the program wrote is in.
  func finish() {
    lock.lock()
    finished = true
    lock.unlock()
  }

  /// Waits (briefly) until the reader thread has seen the end of the pipe, so a crash message shows
  /// the program's last words rather than whatever had been read when its stdout closed.
  func waitUntilFinished(timeout: Duration) async {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
      if lock.withLock({ finished }) { return }
      try? await Task.sleep(for: .milliseconds(5))
    }
  }

  /// The last `count` non-empty lines, including an unterminated last line.
  func last(_ count: Int) -> [String] {
    lock.lock()
    defer { lock.unlock() }
    var all = lines
    let rest = String(decoding: partial, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    if !rest.isEmpty { all.append(rest) }
    return Array(all.suffix(count))
  }
}
