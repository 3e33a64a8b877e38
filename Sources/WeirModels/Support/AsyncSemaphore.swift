/// A counting semaphore for tasks: at most `permits` bodies run at once; the others wait in order.
///
/// Used for the HTTP backend's concurrency limit and, with one permit, to keep a command backend's
/// program answering one request at a time.
actor AsyncSemaphore {
  private var available: Int
  private var waiters: [CheckedContinuation<Void, Never>] = []

  init(permits: Int) {
    precondition(permits > 0, "a semaphore needs at least one permit")
    available = permits
  }

  func acquire() async {
    if available > 0 {
      available -= 1
      return
    }
    await withCheckedContinuation { waiters.append($0) }
  }

  func release() {
    if waiters.isEmpty {
      available += 1
    } else {
      // The permit passes straight to the next waiter, so `available` stays as it is.
      waiters.removeFirst().resume()
    }
  }

  /// Runs `body` holding one permit.
  nonisolated func withPermit<T: Sendable>(_ body: @Sendable () async -> T) async -> T {
    await acquire()
    let result = await body()
    await release()
    return result
  }
}
