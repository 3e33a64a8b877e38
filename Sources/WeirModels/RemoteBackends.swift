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
      return try HTTPBackendKind(keys: keys).build(spec: spec, model: model, environment: environment)
    case "command":
      return try CommandBackendKind().build(
        spec: spec, model: model, context: BackendContext(environment: environment, allowExec: allowExec),
        folder: baseDirectory)
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
    guard kinds.contains(spec.kind.value) else { return [] }
    return BackendKinds.standard.kind(spec.kind.value)?.diagnose(spec: spec, model: model) ?? []
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
}
