import Foundation

/// When to retry a request and how long to wait first: exponential backoff with jitter, or the
/// server's `Retry-After` when it gives one (Documentation/Backends.md, "Retries").
struct RetryPolicy: Sendable, Hashable {
  /// Retries after the first attempt.
  var retries: Int
  /// The delay before the first retry; it doubles with each retry, up to `maxBackoff`.
  var backoff: Duration
  var maxBackoff: Duration
  /// A `Retry-After` longer than this is cut to it, so a confused server cannot stall a run for hours.
  var maxRetryAfter: Duration = .seconds(60)

  /// 408 and 429 (the server asks us to slow down or try again) and 5xx (the server failed), except
  /// 501 and 505, which say the request can never succeed.
  static func isRetryable(status: Int) -> Bool {
    status == 408 || status == 429 || ((500...599).contains(status) && status != 501 && status != 505)
  }

  /// The wait before retry number `attempt + 1`. `jitter` is uniform in [0, 1): the delay is spread
  /// over [½, 1] of the exponential step ("equal jitter"), so clients that failed together do not
  /// retry together, yet each still waits a good part of the step.
  func delay(afterAttempt attempt: Int, retryAfter: Duration?, jitter: Double) -> Duration {
    if let retryAfter { return min(retryAfter, maxRetryAfter) }
    let step = min(backoff * Self.pow2(attempt), maxBackoff)
    return step * (0.5 + 0.5 * min(max(jitter, 0), 1))
  }

  private static func pow2(_ n: Int) -> Double { Double(1 << min(max(n, 0), 30)) }

  /// `Retry-After` as seconds (`2`, `0.5`) or an HTTP date; `nil` when absent or unreadable.
  static func parseRetryAfter(_ value: String?, now: Date) -> Duration? {
    guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
    if let seconds = Double(value), seconds.isFinite, seconds >= 0 {
      return .milliseconds(Int64(seconds * 1000))
    }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
    guard let date = formatter.date(from: value) else { return nil }
    return .milliseconds(Int64(max(0, date.timeIntervalSince(now)) * 1000))
  }
}
