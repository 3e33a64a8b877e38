import CCurlLoader
import Foundation
import WeirCore

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

extension ClarifaiHTTPBackend {
  /// The key from the environment, `nil` when the config asks for none. The policy is asked first,
  /// so a key that may not go to this server is refused before its variable is even read.
  static func key(
    for config: ClarifaiHTTPConfig, modelName: String, environment: [String: String], keys: KeyPolicy
  ) throws(BackendConfigError) -> APIKey? {
    guard let name = config.keyEnv else { return nil }
    try keys.check(sending: name, to: config, modelName: modelName)
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
    do {
      return try APIKey(value)
    } catch {
      let what = error.isLineBreak ? "a line break" : "a control or non-ASCII character"
      throw BackendConfigError(
        id: "backend.bad-key",
        message:
          "the API key in \(name) for model '\(modelName)' has \(what) at character \(error.position); an HTTP header cannot carry it",
        range: nil,
        notes: [
          Note(
            "set \(name) to the key alone, without a trailing newline (export \(name)=\"$(cat key-file)\")")
        ])
    }
  }

  /// Loads libcurl, which Foundation's HTTP client calls and weir opens only here (CCurlLoader), so
  /// that a process that never sets up an http model never maps it. Throws `backend.no-libcurl`
  /// with the loader's reason when it cannot be loaded.
  static func loadLibcurl(modelName: String) throws(BackendConfigError) {
    var reason = [CChar](repeating: 0, count: 512)
    guard weir_curl_load(&reason, reason.count) == 0 else { return }
    throw BackendConfigError(
      id: "backend.no-libcurl",
      message:
        "model '\(modelName)' is served over HTTP, which needs libcurl, and libcurl cannot be loaded: \(text(reason))",
      range: nil,
      notes: [
        Note("install libcurl (Debian and Ubuntu: apt-get install libcurl4), or set WEIR_LIBCURL to its path")
      ])
  }

  /// The text of a NUL-terminated C buffer.
  private static func text(_ buffer: [CChar]) -> String {
    String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// A session with no cache, no cookies and no redirects, sized to the concurrency limit, whose
  /// delegate collects answers up to a limit.
  static func makeSession(concurrency: Int, timeout: Duration, delegate: HTTPSessionDelegate) -> URLSession {
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
    return URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
  }
}
