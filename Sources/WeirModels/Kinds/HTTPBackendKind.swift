import WeirCore

/// `backend: {http: https://api.clarifai.com, model_id: …, key_env: CLARIFAI_PAT}`: a
/// Clarifai-compatible model server. A thin adapter: the options and the client are
/// `ClarifaiHTTPConfig` and `ClarifaiHTTPBackend` (`HTTP/`). Documentation/Backends.md, "http".
public struct HTTPBackendKind: BackendKind {
  public let name = "http"
  public var optionNames: [String] { ClarifaiHTTPConfig.optionNames }

  /// Where the key may go: `--allow-host` and the user's config file (`KeyPolicy`).
  public var keys: KeyPolicy

  public init(keys: KeyPolicy = KeyPolicy()) {
    self.keys = keys
  }

  public func diagnose(spec: BackendSpec, model: ModelDecl) -> [Diagnostic] {
    ClarifaiHTTPConfig.parse(spec: spec, model: model).1.map(\.diagnostic)
  }

  public func make(_ model: ModelSpec, context: BackendContext) throws(BackendFailure) -> any ModelBackend {
    let (spec, decl, _) = try model.writtenBackend()
    do {
      return try build(spec: spec, model: decl, environment: context.environment)
    } catch {
      throw error.failure
    }
  }

  /// The client for a written `http` backend; an error points at the option at fault (an unset key
  /// variable at `key_env`).
  func build(spec: BackendSpec, model: ModelDecl, environment: [String: String]) throws(BackendConfigError)
    -> any ModelBackend
  {
    let (config, errors) = ClarifaiHTTPConfig.parse(spec: spec, model: model)
    guard let config else { throw errors.first ?? .rejectedWithoutReason(spec) }
    do {
      return try ClarifaiHTTPBackend(
        config: config, modelName: model.name.value, environment: environment, keys: keys)
    } catch var error as BackendConfigError {
      // Where the key would go is the URL's fault; which key, key_env's.
      let url =
        ["backend.host-not-allowed", "backend.key-over-http"].contains(error.id) ? spec.value.range : nil
      error.range = error.range ?? url ?? spec.option("key_env")?.value.range ?? spec.kind.range
      throw error
    } catch {
      throw BackendConfigError(
        id: "backend.internal", message: "internal error: \(error) (please report)", range: spec.range)
    }
  }
}
