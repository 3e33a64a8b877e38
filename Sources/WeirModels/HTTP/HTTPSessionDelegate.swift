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
    /// The `Content-Encoding` of an answer refused because it could decode to more than the limit.
    var refusedEncoding: String?
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

  /// Stops waiting for `task`: its `done` is called now with a cancellation, and whatever the
  /// session still reports about it is ignored. Nothing happens if it has ended already.
  func abandon(_ task: URLSessionTask) {
    guard let collector = lock.withLock({ collectors.removeValue(forKey: task.taskIdentifier) }) else {
      return
    }
    var finished = collector.finished
    finished.error = CancellationError()
    collector.done(finished)
  }

  func urlSession(
    _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
  ) {
    let http = response as? HTTPURLResponse
    let encoding = http?.value(forHTTPHeaderField: "Content-Encoding")
    let fits = Self.fits(length: response.expectedContentLength, encoding: encoding)
    let refused: Collector? = lock.withLock {
      guard let collector = collectors[dataTask.taskIdentifier] else { return nil }
      collector.finished.response = http
      guard !fits(collector.limit) else { return nil }
      collector.finished.exceeded = collector.limit
      collector.finished.refusedEncoding = encoding
      return collectors.removeValue(forKey: dataTask.taskIdentifier)
    }
    guard let refused else { return completionHandler(.allow) }
    // `.cancel` alone: a further `task.cancel()` here makes Foundation read the whole body anyway.
    completionHandler(.cancel)
    refused.done(refused.finished)
  }

  /// Answers at once and cancels the transfer: Foundation may go on reading (and decoding) for a
  /// while before the cancellation takes effect, and what it still delivers is dropped.
  private func stop(_ task: URLSessionTask, _ collector: Collector) {
    task.cancel()
    collector.done(collector.finished)
  }

  /// deflate, under gzip too, expands at most about 1,032 times.
  static let maxDeflateRatio: Int64 = 1032

  /// Whether an answer with this `Content-Length` and `Content-Encoding` may be read under a limit
  /// (checked when its headers arrive, before any of its body is read).
  ///
  /// Foundation on Linux decodes gzip itself and hands over the decoded bytes faster than a
  /// cancellation takes effect: a 2 MB gzip stream would be inflated to 2 GB before the count below
  /// could stop it. So weir asks for no encoding (`Accept-Encoding: identity`), and reads an encoded
  /// answer only when its length shows it cannot decode to more than the limit: one layer of gzip or
  /// deflate, no longer than `limit / 1032`. A plain answer that says it is too long is refused at once.
  static func fits(length: Int64, encoding: String?) -> (Int) -> Bool {
    let codings = (encoding ?? "").lowercased().split(separator: ",").map {
      $0.trimmingCharacters(in: .whitespaces)
    }.filter { !$0.isEmpty && $0 != "identity" }
    return { limit in
      if codings.isEmpty { return length <= Int64(limit) }
      guard codings.count == 1, ["gzip", "x-gzip", "deflate"].contains(codings[0]), length >= 0 else {
        return false
      }
      return length <= Int64(limit) / maxDeflateRatio
    }
  }

  func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
    let over: Collector? = lock.withLock {
      guard let collector = collectors[dataTask.taskIdentifier] else { return nil }
      guard collector.finished.body.count + data.count > collector.limit else {
        collector.finished.body.append(data)
        return nil
      }
      collector.finished.exceeded = collector.limit
      collector.finished.body = Data()
      return collectors.removeValue(forKey: dataTask.taskIdentifier)
    }
    if let over { stop(dataTask, over) }
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
