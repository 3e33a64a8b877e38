import Foundation
import WeirCore

/// Builds the backends of WeirModels — `builtin`, `http` and `command` — from a model's `backend:`.
/// (`replay` reads files only and lives in WeirCore.)
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
    let (config, errors) = BuiltinDetectorConfig.parse(spec: spec, model: model)
    guard let config else {
      throw errors.first
        ?? BackendConfigError(
          id: "backend.internal", message: "internal error: built-in backend rejected (please report)",
          range: spec.range)
    }
    do {
      return try BuiltinDetectorBackend(config: config)
    } catch {
      throw BackendConfigError(
        id: "backend.builtin-unavailable",
        message: "the built-in detector '\(config.name)' cannot load: \(error)",
        range: spec.value.range)
    }
  }

  /// Every problem with the options of a `builtin`, `http` or `command` backend, without building it.
  public static func diagnose(spec: BackendSpec, model: ModelDecl) -> [Diagnostic] {
    guard spec.kind.value == "builtin" else { return RemoteBackends.diagnose(spec: spec, model: model) }
    return BuiltinDetectorConfig.parse(spec: spec, model: model).1.map(\.diagnostic)
  }

  /// The concepts a built-in detector predicts, for the checker and the linter (`cat-face` → `cat`).
  public static func builtinConcepts(_ name: String) -> [String]? {
    BuiltinDetectorConfig.detectors.first { $0.name == name }.map { [$0.concept] }
  }
}
