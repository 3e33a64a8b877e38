import Foundation
import WeirCore

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A model served over HTTP in Clarifai's `PostModelOutputs` shape: Clarifai itself, or any server
/// that speaks it (Design.md §5; Documentation/Backends.md).
///
/// A `predict` call is split into requests of up to `batchSize` inputs; at most `concurrency` requests
/// are in flight at once across all calls. A request that times out, cannot connect, or gets a 429 or
/// 5xx is retried with backoff; a 4xx such as 401 is not. Whatever finally fails, fails only the inputs
/// it concerns, with the HTTP status and the server's own description.
///
/// The API key is read once from the injected environment and is only ever sent as the
/// `Authorization` header: messages built from server answers are scrubbed of it, and the type's
/// description and mirror do not show it.
public final class ClarifaiHTTPBackend: ModelBackend {
  /// Waits between retries; injected so tests can record the backoff instead of sleeping.
  public typealias Sleep = @Sendable (Duration) async -> Void

  public let config: ClarifaiHTTPConfig
  /// The model's name in the workflow, for messages.
  public let modelName: String
  private let key: APIKey?
  private let session: URLSession
  private let sessionDelegate: HTTPSessionDelegate
  private let limiter: AsyncSemaphore
  private let policy: RetryPolicy
  private let sleep: Sleep
  private let jitter: @Sendable () -> Double

  public var maxBatchSize: Int { config.batchSize }

  /// Reads the key named by `config.keyEnv` from `environment`, when `keys` allows it to go to the
  /// server. Throws `BackendConfigError` — naming the variable, never a value — when it may not go
  /// there (`backend.host-not-allowed`, `backend.key-over-http`), is unset or empty
  /// (`backend.missing-key`) or cannot be a header (`backend.bad-key`).
  public init(
    config: ClarifaiHTTPConfig, modelName: String, environment: [String: String], keys: KeyPolicy,
    sleep: @escaping Sleep = { try? await Task.sleep(for: $0) },
    jitter: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
  ) throws {
    self.config = config
    self.modelName = modelName
    self.key = try Self.key(for: config, modelName: modelName, environment: environment, keys: keys)
    self.limiter = AsyncSemaphore(permits: config.concurrency)
    self.policy = RetryPolicy(retries: config.retries, backoff: config.backoff, maxBackoff: config.maxBackoff)
    self.sleep = sleep
    self.jitter = jitter
    try Self.loadLibcurl(modelName: modelName)
    let delegate = HTTPSessionDelegate()
    self.sessionDelegate = delegate
    self.session = Self.makeSession(
      concurrency: config.concurrency, timeout: config.timeout, delegate: delegate)
  }

  deinit {
    session.finishTasksAndInvalidate()
  }

  public func predict(_ requests: [ModelRequest]) async -> [Result<DataRecord, ModelError>] {
    var results = [Result<DataRecord, ModelError>?](repeating: nil, count: requests.count)
    await withTaskGroup(of: (Int, [Result<DataRecord, ModelError>]).self) { group in
      for start in stride(from: 0, to: requests.count, by: config.batchSize) {
        let batch = Array(requests[start..<min(start + config.batchSize, requests.count)])
        group.addTask { (start, await self.limiter.withPermit { await self.predictBatch(batch) }) }
      }
      for await (start, batchResults) in group {
        for (offset, result) in batchResults.enumerated() { results[start + offset] = result }
      }
    }
    return results.map {
      $0 ?? .failure(ModelError("internal error: a batch gave no result (please report)"))
    }
  }

  /// One request's worth of inputs: those that cannot be encoded fail alone; the rest are sent.
  private func predictBatch(_ batch: [ModelRequest]) async -> [Result<DataRecord, ModelError>] {
    let built = ClarifaiRequestBuilder.build(batch)
    var results = [Result<DataRecord, ModelError>](
      repeating: .failure(
        ModelError("internal error: an input was neither sent nor refused (please report)")),
      count: batch.count)
    for (index, error) in built.unsent { results[index] = .failure(error) }
    guard !built.sent.isEmpty else { return results }
    let sentResults = await send(built)
    for (input, result) in zip(built.sent, sentResults) { results[input.index] = result }
    return results
  }

  /// Sends the batch, retrying as the policy allows, and parses the answer.
  private func send(_ batch: ClarifaiBatch) async -> [Result<DataRecord, ModelError>] {
    let request = urlRequest(body: batch.body)
    var attempt = 0
    while true {
      let outcome = await HTTPExchange.send(
        request, session: session, delegate: sessionDelegate, timeout: config.timeout,
        limit: config.maxResponseBytes)
      switch verdict(on: outcome) {
      case .answered(let body):
        return ClarifaiResponseParser.results(body: body, sent: batch.sent, key: key).map {
          $0.mapError(redacted)
        }
      case .fatal(let message):
        return batch.sent.map { _ in .failure(redacted(ModelError(message))) }
      case .retry(let message, let retryAfter):
        guard attempt < policy.retries else {
          let tries = attempt == 0 ? "" : " (gave up after \(attempt + 1) attempts)"
          return batch.sent.map { _ in .failure(redacted(ModelError(message + tries))) }
        }
        await sleep(policy.delay(afterAttempt: attempt, retryAfter: retryAfter, jitter: jitter()))
        attempt += 1
      }
    }
  }

  private enum Verdict {
    case answered(Data)
    case retry(String, retryAfter: Duration?)
    case fatal(String)
  }

  private func verdict(on outcome: HTTPOutcome) -> Verdict {
    switch outcome {
    case .response(let status, _, let body) where (200..<300).contains(status):
      return .answered(body)
    case .response(let status, let headers, let body):
      let message = HTTPStatusMessage.describe(status: status, body: body, hint: hint(for: status), key: key)
      guard RetryPolicy.isRetryable(status: status) else { return .fatal(message) }
      return .retry(message, retryAfter: RetryPolicy.parseRetryAfter(headers["retry-after"], now: Date()))
    case .tooLarge(let limit, let encoding?):
      return .fatal(
        "the model server sent a compressed answer (\(encoding)) that could expand to more than "
          + "\(Self.formatSize(limit)), the most this backend reads; weir asks for uncompressed answers")
    case .tooLarge(let limit, nil):
      return .fatal(
        "the model server's answer is larger than \(Self.formatSize(limit)), the most this backend reads; "
          + "raise 'max_response_size' if answers this large are expected")
    case .timedOut(let timeout):
      return .retry("the model server did not answer within \(Self.format(timeout))", retryAfter: nil)
    case .connectionFailed(let reason):
      return .retry("cannot reach the model server at \(hostAndPort): \(reason)", retryAfter: nil)
    case .failed(let reason):
      return .fatal("the request to the model server at \(hostAndPort) failed: \(reason)")
    }
  }

  /// What the user can do about a refused request.
  private func hint(for status: Int) -> String? {
    switch status {
    case 401, 403:
      return config.keyEnv.map { "check the API key in \($0)" }
        ?? "the server wants an API key: set 'key_env'"
    case 404:
      return "check the model's user_id, app_id and model_id (POST \(config.outputsURL.path))"
    default:
      return nil
    }
  }

  private var hostAndPort: String {
    let host = config.baseURL.host ?? config.baseURL.absoluteString
    return config.baseURL.port.map { "\(host):\($0)" } ?? host
  }

  private func urlRequest(body: Data) -> URLRequest {
    var request = URLRequest(url: config.outputsURL)
    request.httpMethod = "POST"
    request.httpBody = body
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    request.setValue("application/json", forHTTPHeaderField: "Accept")
    // Compressed answers cannot be bounded as they are decoded (HTTPSessionDelegate.fits).
    request.setValue("identity", forHTTPHeaderField: "Accept-Encoding")
    if let key { request.setValue(key.authorizationHeader, forHTTPHeaderField: "Authorization") }
    return request
  }

  private func redacted(_ error: ModelError) -> ModelError {
    guard let key else { return error }
    return ModelError(key.redact(error.message))
  }

  /// "32 MB", "512 KB", "1500 bytes".
  static func formatSize(_ bytes: Int) -> String {
    for (unit, factor) in [("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)] where bytes >= factor {
      let value = Double(bytes) / Double(factor)
      return value == value.rounded() ? "\(Int(value)) \(unit)" : String(format: "%.1f \(unit)", value)
    }
    return "\(bytes) bytes"
  }

  /// "0.3 s", "30 s".
  static func format(_ duration: Duration) -> String {
    let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    return seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\((seconds * 1000).rounded() / 1000) s"
  }
}
