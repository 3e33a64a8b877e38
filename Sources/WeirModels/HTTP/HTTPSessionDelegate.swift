import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The delegate of an http backend's session: refuses redirects, and collects each request's body as
/// it arrives, up to a limit.
///
/// Redirects are refused because following one would send the `Authorization` header to wherever
/// the server points; the 3xx comes back as an answer with its status instead.
final class HTTPSessionDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
  /// How a request ended.
  struct Finished: Sendable {
    var response: HTTPURLResponse?
    var body = Data()
    var error: Error?
    /// The limit the body passed, when it did (the request was cancelled then).
    var exceeded: Int?
  }

  private final class Collector {
    var finished = Finished()
    let limit: Int
    let done: @Sendable (Finished) -> Void

    init(limit: Int, done: @escaping @Sendable (Finished) -> Void) {
      self.limit = limit
      self.done = done
    }
  }

  // Guards `collectors`: the session calls back on its own queue while tasks start elsewhere.
  private let lock = NSLock()
  private var collectors: [Int: Collector] = [:]

  /// Collects `task`'s answer, calling `done` once when it ends; call before `task.resume()`.
  func collect(_ task: URLSessionTask, limit: Int, done: @escaping @Sendable (Finished) -> Void) {
    lock.withLock { collectors[task.taskIdentifier] = Collector(limit: limit, done: done) }
  }

  func urlSession(
    _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
  ) {
    // A plain body that says it is too long is refused before any of it is read. (An encoded one
    // says only its compressed length: it is counted as it is decoded.)
    let http = response as? HTTPURLResponse
    let encoded = http?.value(forHTTPHeaderField: "Content-Encoding") != nil
    let refuse: Bool = lock.withLock {
      guard let collector = collectors[dataTask.taskIdentifier] else { return false }
      collector.finished.response = http
      guard !encoded, response.expectedContentLength > Int64(collector.limit) else { return false }
      collector.finished.exceeded = collector.limit
      return true
    }
    if refuse {
      completionHandler(.cancel)
      return
    }
    completionHandler(.allow)
  }

  func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
    let over: Bool = lock.withLock {
      guard let collector = collectors[dataTask.taskIdentifier], collector.finished.exceeded == nil else {
        return false
      }
      guard collector.finished.body.count + data.count <= collector.limit else {
        collector.finished.exceeded = collector.limit
        collector.finished.body = Data()
        return true
      }
      collector.finished.body.append(data)
      return false
    }
    if over { dataTask.cancel() }
  }

  func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
    guard let collector = lock.withLock({ collectors.removeValue(forKey: task.taskIdentifier) }) else {
      return
    }
    var finished = collector.finished
    finished.error = error
    if finished.response == nil { finished.response = task.response as? HTTPURLResponse }
    collector.done(finished)
  }

  func urlSession(
    _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
  ) {
    completionHandler(nil)
  }
}
