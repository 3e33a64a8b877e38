import Foundation
import WeirCore

/// Builds the backends that reach outside weir — `http` (a Clarifai-compatible model server) and
/// `command` (a local program) — from a model's `backend:` mapping (Documentation/Backends.md).
public enum RemoteBackends {
  /// The backend kinds built here.
  public static let kinds: Set<String> = ["http", "command"]

  /// A backend for `spec`, ready to predict.
  ///
  /// - Parameters:
  ///   - environment: where an `http` backend reads its API key (`key_env`, default `CLARIFAI_PAT`)
  ///     and what a `command` program runs with (its PATH is used to find it).
  ///   - keys: where an `http` backend may send its key (`--allow-host` and the user's config file);
  ///     a key that may not go to its server is refused before the variable is read.
  ///   - allowExec: whether local programs may run (`weir run --allow-exec`). Without it a `command`
  ///     backend is refused before anything else is looked at.
  ///   - baseDirectory: the workflow file's folder: a command's working directory.
  /// - Throws: `BackendConfigError` with the range of the offending option: a wrong or missing
  ///   option (the first of them; `diagnose` lists all), an unset key variable, a program that is not
  ///   allowed or not found.
  public static func make(
    spec: BackendSpec, model: ModelDecl, environment: [String: String], keys: KeyPolicy, allowExec: Bool,
    baseDirectory: URL
  ) throws -> any ModelBackend {
    switch spec.kind.value {
    case "http":
      let (config, errors) = ClarifaiHTTPConfig.parse(spec: spec, model: model)
      guard let config else { throw errors.first ?? internalError(spec) }
      do {
        return try ClarifaiHTTPBackend(
          config: config, modelName: model.name.value, environment: environment, keys: keys)
      } catch var error as BackendConfigError {
        // Where the key would go is the URL's fault; which key, key_env's.
        let url =
          ["backend.host-not-allowed", "backend.key-over-http"].contains(error.id) ? spec.value.range : nil
        error.range = error.range ?? url ?? spec.option("key_env")?.value.range ?? spec.kind.range
        throw error
      }
    case "command":
      guard allowExec else { throw refusal(spec: spec, model: model) }
      let (config, errors) = CommandConfig.parse(spec: spec, model: model, baseDirectory: baseDirectory)
      guard let config else { throw errors.first ?? internalError(spec) }
      do {
        return try CommandBackend(config: config, modelName: model.name.value, environment: environment)
      } catch var error as BackendConfigError {
        error.range = error.range ?? spec.value.range
        throw error
      }
    default:
      throw BackendConfigError(
        id: "backend.unknown-kind",
        message:
          "model '\(model.name.value)' has a '\(spec.kind.value)' backend, which RemoteBackends does not build",
        range: spec.kind.range, notes: [Note("RemoteBackends builds: http, command")])
    }
  }

  /// Every problem with the options of an `http` or `command` backend, without building it: no
  /// environment, no permission to run anything, no file system. For `weir check`; empty for other kinds.
  public static func diagnose(spec: BackendSpec, model: ModelDecl) -> [Diagnostic] {
    switch spec.kind.value {
    case "http":
      return ClarifaiHTTPConfig.parse(spec: spec, model: model).1.map(\.diagnostic)
    case "command":
      let here = URL(fileURLWithPath: "/")
      return CommandConfig.parse(spec: spec, model: model, baseDirectory: here).1.map(\.diagnostic)
    default:
      return []
    }
  }

  /// "model 'pets' runs a local command (python3 model.py); pass --allow-exec to allow it".
  static func refusal(spec: BackendSpec, model: ModelDecl) -> BackendConfigError {
    var reader = BackendOptionReader(spec: spec, modelName: model.name.value)
    let command: String
    switch spec.value {
    case .list(let items, _):
      command = items.compactMap { reader.scalarText($0, what: "") }.map(\.value).joined(separator: " ")
    default: command = reader.scalarText(spec.value, what: "")?.value ?? "?"
    }
    return BackendConfigError(
      id: "backend.exec-not-allowed",
      message: "model '\(model.name.value)' runs a local command (\(command)); pass --allow-exec to allow it",
      range: spec.range,
      notes: [Note("weir never runs a program just because a workflow file names it")])
  }

  private static func internalError(_ spec: BackendSpec) -> BackendConfigError {
    BackendConfigError(
      id: "backend.internal",
      message: "internal error: a backend was rejected without a reason (please report)",
      range: spec.range)
  }
}
