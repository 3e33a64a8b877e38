import Foundation
import WeirCore

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

extension ClarifaiHTTPBackend {
  /// The key from the environment, `nil` when the config asks for none.
  static func key(for config: ClarifaiHTTPConfig, modelName: String, environment: [String: String]) throws
    -> APIKey?
  {
    guard let name = config.keyEnv else { return nil }
    guard let value = environment[name], !value.isEmpty else {
      throw BackendConfigError(
        id: "backend.missing-key",
        message:
          "model '\(modelName)' needs an API key in the environment variable \(name), which is not set",
        range: nil,
        notes: [
          Note("set \(name) to a Clarifai personal access token, or name another variable with 'key_env'"),
          Note("a server that needs no key takes 'key_env: null'"),
        ])
    }
    return APIKey(value)
  }

  /// A session with no cache, no cookies and no redirects, sized to the concurrency limit.
  static func makeSession(concurrency: Int, timeout: Duration) -> URLSession {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.httpMaximumConnectionsPerHost = concurrency
    configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
    configuration.urlCache = nil
    configuration.httpCookieStorage = nil
    configuration.httpShouldSetCookies = false
    // HTTPExchange enforces the real deadline; this is only a backstop, a little later.
    let seconds = Double(timeout.components.seconds) + 5
    configuration.timeoutIntervalForRequest = seconds
    configuration.timeoutIntervalForResource = seconds
    return URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
  }
}

/// Refuses redirects: following one would send the `Authorization` header to wherever the server
/// points. The 3xx comes back as an error with its status instead.
final class NoRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
  func urlSession(
    _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
  ) {
    completionHandler(nil)
  }
}
