import Foundation

/// How to reach a model served over HTTP in Clarifai's `PostModelOutputs` shape
/// (`backend: {http: BASE_URL, …}`; Documentation/Backends.md).
public struct ClarifaiHTTPConfig: Sendable, Hashable {
  /// `https://api.clarifai.com`, or a self-hosted server that speaks the same API.
  public var baseURL: URL
  /// Clarifai's user and app ids; both or neither (neither: `POST /v2/models/{id}/outputs`, for
  /// app-scoped keys and servers without users).
  public var userId: String?
  public var appId: String?
  public var modelId: String
  /// Pins a model version (`…/models/{id}/versions/{version}/outputs`).
  public var modelVersionId: String?
  /// The environment variable holding the API key; `nil` sends no `Authorization` header.
  public var keyEnv: String?
  /// How long one HTTP request may take before it is abandoned (and retried).
  public var timeout: Duration
  /// How many times a request is retried after a 429, a 5xx, a timeout or a connection error.
  public var retries: Int
  /// The most inputs one request carries (Clarifai's API takes 32).
  public var batchSize: Int
  /// The most requests in flight at once, across all calls to the backend.
  public var concurrency: Int
  /// The delay before the first retry; each further retry doubles it, up to `maxBackoff`.
  public var backoff: Duration
  public var maxBackoff: Duration

  public static let clarifaiAPI = URL(string: "https://api.clarifai.com")!
  public static let defaultKeyEnv = "CLARIFAI_PAT"

  public init(
    baseURL: URL = ClarifaiHTTPConfig.clarifaiAPI, userId: String? = nil, appId: String? = nil,
    modelId: String,
    modelVersionId: String? = nil, keyEnv: String? = ClarifaiHTTPConfig.defaultKeyEnv,
    timeout: Duration = .seconds(30), retries: Int = 3, batchSize: Int = 32, concurrency: Int = 4,
    backoff: Duration = .milliseconds(500), maxBackoff: Duration = .seconds(30)
  ) {
    self.baseURL = baseURL
    self.userId = userId
    self.appId = appId
    self.modelId = modelId
    self.modelVersionId = modelVersionId
    self.keyEnv = keyEnv
    self.timeout = timeout
    self.retries = retries
    self.batchSize = batchSize
    self.concurrency = concurrency
    self.backoff = backoff
    self.maxBackoff = maxBackoff
  }

  /// `{base}/v2[/users/{user}/apps/{app}]/models/{model}[/versions/{version}]/outputs`.
  public var outputsURL: URL {
    var url = baseURL.appendingPathComponent("v2")
    if let userId, let appId {
      url = url.appendingPathComponent("users").appendingPathComponent(userId)
        .appendingPathComponent("apps").appendingPathComponent(appId)
    }
    url = url.appendingPathComponent("models").appendingPathComponent(modelId)
    if let modelVersionId {
      url = url.appendingPathComponent("versions").appendingPathComponent(modelVersionId)
    }
    return url.appendingPathComponent("outputs")
  }
}
