import Foundation

/// Runs async work from synchronous code (the `AnnotationStore` protocol is synchronous) and
/// waits for it. The work runs on PostgresNIO's event loop and a detached task, so the caller's
/// thread only waits; callers are the run's single delivery task and the one-shot commands.
@discardableResult
func blocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
  let box = ResultBox<T>()
  let done = DispatchSemaphore(value: 0)
  Task.detached {
    do { box.set(.success(try await body())) } catch { box.set(.failure(error)) }
    done.signal()
  }
  done.wait()
  return try box.get()
}

private final class ResultBox<T: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var result: Result<T, any Error>?

  func set(_ r: Result<T, any Error>) { lock.withLock { result = r } }

  func get() throws -> T {
    guard let r = lock.withLock({ result }) else { throw TimeoutError() }
    return try r.get()
  }
}
