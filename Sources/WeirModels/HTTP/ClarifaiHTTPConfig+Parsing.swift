import Foundation
import WeirCore

extension ClarifaiHTTPConfig {
  /// Every option an `http` backend takes, besides the base URL under the `http` key itself.
  static let optionNames = [
    "model_id", "model_version_id", "user_id", "app_id", "key_env", "timeout", "retries", "batch_size",
    "concurrency", "max_response_size",
  ]

  /// Reads `backend: {http: BASE_URL, model_id: …, …}`. Ids not written there come from the model's
  /// Clarifai reference (the Clarifai dialect's `model: {model_id, user_id, app_id, model_version_id}`).
  /// Returns the config, or `nil` with every problem found.
  static func parse(spec: BackendSpec, model: ModelDecl) -> (ClarifaiHTTPConfig?, [BackendConfigError]) {
    let name = model.name.value
    var reader = BackendOptionReader(spec: spec, modelName: name)
    reader.rejectUnknown(known: optionNames)

    let base = parseBaseURL(spec.value, reader: &reader)
    let ref = model.clarifai
    let written = (
      model: reader.string("model_id"), version: reader.string("model_version_id"),
      user: reader.string("user_id"), app: reader.string("app_id")
    )
    // Ids written here are checked here; the Clarifai dialect's own ids were checked with the same
    // rule when the file was parsed, except the version id, whose check there has no end.
    for (option, id) in [
      ("model_id", written.model), ("model_version_id", written.version ?? ref?.modelVersionId),
      ("user_id", written.user), ("app_id", written.app),
    ] {
      if let id { checkId(id, option: option, reader: &reader) }
    }
    let modelId = written.model?.value ?? ref?.modelId.value
    let versionId = (written.version ?? ref?.modelVersionId)?.value
    let user = written.user ?? ref?.userId
    let app = written.app ?? ref?.appId
    if modelId == nil {
      reader.fail(
        "backend.missing-option", "the http backend of model '\(name)' needs a 'model_id'",
        at: spec.kind.range,
        notes: [
          Note("the id of the model on the server, as in /v2/users/{user_id}/apps/{app_id}/models/{model_id}")
        ])
    }
    if (user == nil) != (app == nil) {
      let (given, missing) = user == nil ? ("app_id", "user_id") : ("user_id", "app_id")
      reader.fail(
        "backend.missing-option", "the http backend of model '\(name)' has a '\(given)' but no '\(missing)'",
        at: (user ?? app)?.range ?? spec.kind.range,
        notes: [
          Note("give both to call /v2/users/{user_id}/apps/{app_id}/models/…, or neither for /v2/models/…")
        ])
    }
    let keyEnv = reader.isExplicitNull("key_env") ? nil : (reader.string("key_env")?.value ?? defaultKeyEnv)
    let timeout = reader.duration("timeout")
    let retries = reader.int("retries", in: 0...20)
    let batchSize = reader.int("batch_size", in: 1...Int.max)
    let concurrency = reader.int("concurrency", in: 1...256)
    let maxResponseBytes = reader.byteSize("max_response_size")

    guard reader.errors.isEmpty, let base, let modelId else { return (nil, reader.errors) }
    var config = ClarifaiHTTPConfig(
      baseURL: base, userId: user?.value, appId: app?.value, modelId: modelId, modelVersionId: versionId,
      keyEnv: keyEnv)
    if let timeout { config.timeout = timeout }
    if let retries { config.retries = retries }
    if let batchSize { config.batchSize = batchSize }
    if let concurrency { config.concurrency = concurrency }
    if let maxResponseBytes { config.maxResponseBytes = maxResponseBytes }
    return (config, [])
  }

  /// An id that goes into the request's path: Clarifai's id rule (letters and digits joined by single
  /// `-` or `_`), which also keeps it one path segment. Length is not limited: self-hosted servers
  /// may use longer ids.
  private static func checkId(_ id: Located<String>, option: String, reader: inout BackendOptionReader) {
    guard !ClarifaiIdentifier.isValid(id.value) else { return }
    reader.fail(
      "backend.bad-id",
      "\(option) '\(id.value)' of model '\(reader.modelName)' is not a valid id", at: id.range,
      notes: [
        Note("use letters and digits, joined by single '-' or '_' (^[0-9A-Za-z]+([-_][0-9A-Za-z]+)*$)"),
        Note(
          "an id is one segment of the request's path: /v2/users/{user_id}/apps/{app_id}/models/{model_id}/…"),
      ])
  }

  /// The base URL: `http://` or `https://` with a host; null means Clarifai's own API.
  private static func parseBaseURL(_ value: ParamValue, reader: inout BackendOptionReader) -> URL? {
    if case .scalar(let s) = value, case .null = s.resolved { return clarifaiAPI }
    guard let text = reader.scalarText(value, what: "the base URL") else { return nil }
    let trimmed = text.value.hasSuffix("/") ? String(text.value.dropLast()) : text.value
    guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(),
      scheme == "http" || scheme == "https",
      url.host != nil
    else {
      reader.fail(
        "backend.bad-option",
        "the base URL of model '\(reader.modelName)' must be an http:// or https:// URL, not '\(text.value)'",
        at: text.range, notes: [Note("for Clarifai's own API write 'http: https://api.clarifai.com'")])
      return nil
    }
    guard url.query == nil, url.fragment == nil else {
      reader.fail(
        "backend.bad-option",
        "the base URL of model '\(reader.modelName)' must not have a query or fragment ('\(text.value)')",
        at: text.range, notes: [Note("weir adds the API's path to the base URL: /v2/…/outputs")])
      return nil
    }
    return url
  }
}
