import Foundation

/// Lines read from a program's stdout by a reader thread, handed to one async reader at a time with a
/// deadline. Thread-safe: the reader thread appends, the backend awaits.
///
/// Each chunk read is searched for line breaks once and copied once, so reading a line costs time in
/// proportion to its length however it arrives. A line may not pass `maxLineBytes`: as soon as it
/// does, the reader gets `.tooLong` and the rest of that line, up to its line break, is dropped, so a
/// program that prints gigabytes without a newline cannot exhaust memory.
final class LineChannel: @unchecked Sendable {
  enum Event: Sendable, Equatable {
    case line(String)
    /// A line passed the size limit; its bytes are dropped up to the next line break.
    case tooLong(limit: Int)
    /// The program closed its stdout (it exited, most likely).
    case endOfFile
    case timedOut
  }

  /// The longest line delivered, in bytes (without its line break).
  let maxLineBytes: Int

  private let lock = NSLock()
  private var events: [Event] = []
  private var head = 0
  /// The line being read, while it is within the limit.
  private var partial: [UInt8] = []
  /// Whether the line being read passed the limit and is being skipped.
  private var skipping = false
  private var finished = false
  private var waiter: Waiter?
  private var nextToken: UInt64 = 0

  init(maxLineBytes: Int = CommandConfig.defaultMaxLineBytes) {
    self.maxLineBytes = maxLineBytes
  }

  /// Adds bytes read from the pipe; complete lines become available.
  func append(_ bytes: Data) {
    lock.lock()
    var rest = bytes[...]
    while let newline = rest.firstIndex(of: UInt8(ascii: "\n")) {
      take(rest[rest.startIndex..<newline])
      endLine()
      rest = rest[rest.index(after: newline)...]
    }
    take(rest)
    let resume = takeWaiterIfReady()
    lock.unlock()
    resume?()
  }

  /// The pipe reached its end; a last unterminated line still counts.
  func finish() {
    lock.lock()
    if !partial.isEmpty { endLine() }
    finished = true
    let resume = takeWaiterIfReady()
    lock.unlock()
    resume?()
  }

  /// Call with the lock held: adds part of the current line.
  private func take(_ bytes: Data.SubSequence) {
    guard !skipping, !bytes.isEmpty else { return }
    if partial.count + bytes.count > maxLineBytes {
      skipping = true
      partial = []
      events.append(.tooLong(limit: maxLineBytes))
      return
    }
    partial.append(contentsOf: bytes)
  }

  /// Call with the lock held: the current line ended.
  private func endLine() {
    if skipping {
      skipping = false
    } else {
      events.append(.line(String(decoding: partial, as: UTF8.self)))
    }
    partial.removeAll(keepingCapacity: partial.count <= 1 << 16)
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
    if head < events.count {
      let event = events[head]
      head += 1
      if head > 1024 && head * 2 > events.count {
        events.removeFirst(head)
        head = 0
      }
      return event
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
