import Foundation

/// Lines read from a program's stdout by a reader thread, handed to one async reader at a time with a
/// deadline. Thread-safe: the reader thread appends, the backend awaits.
final class LineChannel: @unchecked Sendable {
  enum Event: Sendable, Equatable {
    case line(String)
    /// The program closed its stdout (it exited, most likely).
    case endOfFile
    case timedOut
  }

  /// A line longer than this is cut and delivered as is, so a program that prints megabytes without
  /// a newline cannot exhaust memory; the cut line will not parse and fails its request.
  static let maxLineBytes = 64 << 20

  private let lock = NSLock()
  private var lines: [String] = []
  private var head = 0
  private var partial = Data()
  private var finished = false
  private var waiter: Waiter?
  private var nextToken: UInt64 = 0

  /// Adds bytes read from the pipe; complete lines become available.
  func append(_ bytes: Data) {
    lock.lock()
    partial.append(bytes)
    while let newline = partial.firstIndex(of: UInt8(ascii: "\n")) {
      lines.append(String(decoding: partial[partial.startIndex..<newline], as: UTF8.self))
      partial.removeSubrange(partial.startIndex...newline)
    }
    if partial.count > Self.maxLineBytes {
      lines.append(String(decoding: partial, as: UTF8.self))
      partial.removeAll()
    }
    let resume = takeWaiterIfReady()
    lock.unlock()
    resume?()
  }

  /// The pipe reached its end; a last unterminated line still counts.
  func finish() {
    lock.lock()
    if !partial.isEmpty {
      lines.append(String(decoding: partial, as: UTF8.self))
      partial.removeAll()
    }
    finished = true
    let resume = takeWaiterIfReady()
    lock.unlock()
    resume?()
  }

  /// The next line, the end of the stream, or `.timedOut` when neither comes within `timeout`.
  func next(timeout: Duration) async -> Event {
    if let event = lock.withLock({ takeReady() }) { return event }
    return await withCheckedContinuation { continuation in
      wait(continuation, timeout: timeout)
    }
  }

  /// Parks the reader until a line comes or the timer fires, whichever is first.
  private func wait(_ continuation: CheckedContinuation<Event, Never>, timeout: Duration) {
    lock.lock()
    // A line may have come since `next` looked.
    if let event = takeReady() {
      lock.unlock()
      continuation.resume(returning: event)
      return
    }
    nextToken += 1
    let token = nextToken
    // The timer is cancelled when a line comes first, so fast answers leave no sleeping tasks behind.
    let timer = Task {
      try? await Task.sleep(for: timeout)
      if !Task.isCancelled { self.expire(token) }
    }
    waiter = Waiter(token: token, continuation: continuation, timer: timer)
    lock.unlock()
  }

  private struct Waiter {
    var token: UInt64
    var continuation: CheckedContinuation<Event, Never>
    var timer: Task<Void, Never>
  }

  private func expire(_ token: UInt64) {
    lock.lock()
    var expired: CheckedContinuation<Event, Never>?
    if let w = waiter, w.token == token {
      expired = w.continuation
      waiter = nil
    }
    lock.unlock()
    expired?.resume(returning: .timedOut)
  }

  /// Call with the lock held.
  private func takeReady() -> Event? {
    if head < lines.count {
      let line = lines[head]
      head += 1
      if head > 1024 && head * 2 > lines.count {
        lines.removeFirst(head)
        head = 0
      }
      return .line(line)
    }
    return finished ? .endOfFile : nil
  }

  /// Call with the lock held; returns the resumption to run after unlocking.
  private func takeWaiterIfReady() -> (() -> Void)? {
    guard let w = waiter, let event = takeReady() else { return nil }
    waiter = nil
    return {
      w.timer.cancel()
      w.continuation.resume(returning: event)
    }
  }
}
