import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// What became of one HTTP request.
enum HTTPOutcome: Sendable {
  /// The server answered (any status). Header names are lowercased.
  case response(status: Int, headers: [String: String], body: Data)
  /// The answer was longer than the limit, or compressed (`encoding`) so that it could decode to
  /// more; reading stopped there.
  case tooLarge(limit: Int, encoding: String?)
  /// No answer within the timeout.
  case timedOut(Duration)
  /// The connection could not be made or broke (worth retrying).
  case connectionFailed(String)
  /// Anything else (a bad URL, a TLS failure): retrying will not help.
  case failed(String)
}

/// Sends one request with a real deadline and a bounded answer.
///
/// The deadline is enforced here, not by `URLRequest.timeoutInterval`: Foundation on Linux rounds that
/// down to whole seconds (0.5 s becomes "time out at once"), so the request races a timer instead and
/// the loser is cancelled.
///
/// The body arrives piece by piece through `HTTPSessionDelegate`, already decompressed, and the
/// request is cancelled as soon as it passes `limit`: neither a huge body nor a small gzip bomb can
/// make weir hold more than about `limit` bytes of it (`session.data(for:)` would buffer all of it).
enum HTTPExchange {
  static func send(
    _ request: URLRequest, session: URLSession, delegate: HTTPSessionDelegate, timeout: Duration, limit: Int
  ) async -> HTTPOutcome {
    await withTaskGroup(of: HTTPOutcome?.self) { group in
      group.addTask {
        let task = session.dataTask(with: request)
        let finished = await withTaskCancellationHandler {
          await withCheckedContinuation { continuation in
            delegate.collect(task, limit: limit) { continuation.resume(returning: $0) }
            // Cancelled before it started: end it here, for the handler below may have run already.
            if Task.isCancelled { delegate.abandon(task) } else { task.resume() }
          }
        } onCancel: {
          // Ends the wait even if Foundation never reports the cancelled task as complete.
          delegate.abandon(task)
          task.cancel()
        }
        return Task.isCancelled ? nil : outcome(of: finished)
      }
      group.addTask {
        do {
          try await Task.sleep(for: timeout)
          return .timedOut(timeout)
        } catch {
          return nil
        }
      }
      for await outcome in group {
        if let outcome {
          group.cancelAll()
          return outcome
        }
      }
      return .failed("the request was cancelled")
    }
  }

  private static func outcome(of finished: HTTPSessionDelegate.Finished) -> HTTPOutcome {
    if let limit = finished.exceeded { return .tooLarge(limit: limit, encoding: finished.refusedEncoding) }
    if let error = finished.error { return classify(error) }
    guard let http = finished.response else { return .failed("the answer was not HTTP") }
    var headers: [String: String] = [:]
    for (name, value) in http.allHeaderFields {
      if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
    }
    return .response(status: http.statusCode, headers: headers, body: finished.body)
  }

  /// Connection-level failures are worth a retry; the rest (bad URL, TLS) are not.
  static func classify(_ error: Error) -> HTTPOutcome {
    guard let urlError = error as? URLError else { return .failed("\(error.localizedDescription)") }
    let reason = urlError.localizedDescription
    switch urlError.code {
    case .timedOut:
      return .connectionFailed("the connection timed out (\(reason))")
    case .cannotConnectToHost, .networkConnectionLost, .cannotFindHost, .dnsLookupFailed,
      .notConnectedToInternet,
      .badServerResponse, .resourceUnavailable, .zeroByteResource:
      return .connectionFailed(reason)
    default:
      return .failed(reason)
    }
  }
}
