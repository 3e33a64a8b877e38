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
  /// The most bytes of one answer weir reads, after decompression (`max_response_size`); a longer
  /// answer fails the inputs of that request instead of filling memory.
  public var maxResponseBytes: Int

  public static let clarifaiAPI = URL(string: "https://api.clarifai.com")!
  public static let defaultKeyEnv = "CLARIFAI_PAT"
  /// 32 MB: Clarifai answers 32 images with dense regions in a few MB.
  public static let defaultMaxResponseBytes = 32 << 20

  public init(
    baseURL: URL = ClarifaiHTTPConfig.clarifaiAPI, userId: String? = nil, appId: String? = nil,
    modelId: String,
    modelVersionId: String? = nil, keyEnv: String? = ClarifaiHTTPConfig.defaultKeyEnv,
    timeout: Duration = .seconds(30), retries: Int = 3, batchSize: Int = 32, concurrency: Int = 4,
    backoff: Duration = .milliseconds(500), maxBackoff: Duration = .seconds(30),
    maxResponseBytes: Int = ClarifaiHTTPConfig.defaultMaxResponseBytes
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
    self.maxResponseBytes = maxResponseBytes
  }

  /// `{base}/v2[/users/{user}/apps/{app}]/models/{model}[/versions/{version}]/outputs`.
  ///
  /// Every id is one percent-encoded path segment, so no id can reach another part of the API
  /// (`../admin`, `x?y`), even one that did not come through `parse`, which already refuses them.
  public var outputsURL: URL {
    var segments = ["v2"]
    if let userId, let appId { segments += ["users", userId, "apps", appId] }
    segments += ["models", modelId]
    if let modelVersionId { segments += ["versions", modelVersionId] }
    segments.append("outputs")
    var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false) ?? URLComponents()
    var path = components.percentEncodedPath
    while path.hasSuffix("/") { path.removeLast() }
    components.percentEncodedPath = path + "/" + segments.map(Self.encodeSegment).joined(separator: "/")
    components.percentEncodedQuery = nil
    components.percentEncodedFragment = nil
    return components.url ?? baseURL
  }

  /// One path segment with everything but letters, digits, `-`, `_` and `~` percent-encoded (a `.`
  /// too, so `..` cannot climb).
  static func encodeSegment(_ segment: String) -> String {
    var out = ""
    for byte in segment.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "~"):
        out.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        out += String(format: "%%%02X", byte)
      }
    }
    return out
  }
}
