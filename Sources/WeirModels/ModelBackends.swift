import Foundation
import WeirCore

/// The backends of WeirModels — `builtin`, `http` and `command` — built from a model's `backend:`
/// by their kinds (`Kinds/`, registered in `BackendKinds.standard`). (`replay` reads files only and
/// lives in WeirCore.)
public enum ModelBackends {
  /// The backend kinds built here.
  public static let kinds: Set<String> = RemoteBackends.kinds.union(["builtin"])

  /// A backend for `spec`, ready to predict; see `RemoteBackends.make` for `http` and `command`.
  public static func make(
    spec: BackendSpec, model: ModelDecl, environment: [String: String], keys: KeyPolicy, allowExec: Bool,
    baseDirectory: URL
  ) throws -> any ModelBackend {
    guard spec.kind.value == "builtin" else {
      return try RemoteBackends.make(
        spec: spec, model: model, environment: environment, keys: keys, allowExec: allowExec,
        baseDirectory: baseDirectory)
    }
    let planned = ModelSpec(
      name: model.name.value, type: "builtin",
      backend: BackendConfig(kind: "builtin", value: .null, baseDirectory: baseDirectory.path),
      declaration: model)
    do {
      return try BuiltinBackendKind().make(planned, context: BackendContext(environment: environment))
    } catch {
      throw error.configError(spec)
    }
  }

  /// Every problem with the options of a `builtin`, `http` or `command` backend, without building it.
  public static func diagnose(spec: BackendSpec, model: ModelDecl) -> [Diagnostic] {
    guard spec.kind.value == "builtin" else { return RemoteBackends.diagnose(spec: spec, model: model) }
    return BuiltinDetectorConfig.parse(spec: spec, model: model).1.map(\.diagnostic)
  }

  /// The concepts a built-in detector predicts, for the checker and the linter (`cat-face` → `cat`).
  public static func builtinConcepts(_ name: String) -> [String]? {
    BuiltinBackendKind.models.first { $0.name == name }.map { [$0.concept] }
  }
}

extension BackendFailure {
  /// Back as the `BackendConfigError` the WeirModels entry points throw.
  func configError(_ spec: BackendSpec) -> BackendConfigError {
    switch self {
    case .diagnostic(let d):
      BackendConfigError(id: d.id, message: d.message, range: d.range, notes: d.notes)
    case .message(let text):
      BackendConfigError(id: "backend.internal", message: text, range: spec.range)
    }
  }
}
