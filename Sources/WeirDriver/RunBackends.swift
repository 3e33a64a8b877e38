import Foundation
import WeirCore
import WeirModels

/// Builds one backend per model of a plan: `replay` from WeirCore, `builtin`, `http` and `command`
/// from WeirModels; wrapped in a recorder for `--record`. `close` ends the programs of `command`
/// backends when the run is over.
enum RunBackends {
  /// Why a backend could not be built: a diagnostic in the workflow file, or a plain message.
  enum Failure: Error {
    case diagnostic(Diagnostic)
    case message(String)
  }

  /// One backend per `plan.models` entry, in order.
  ///
  /// - Parameters:
  ///   - allowExec: `--allow-exec`; without it a `command` backend is refused before anything runs.
  ///   - environment: where an `http` backend reads its key and what a `command` program runs with.
  static func make(
    _ plan: ExecutionPlan, allowExec: Bool, recorder: PredictionRecorder?,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(Failure) -> [any ModelBackend] {
    var backends: [any ModelBackend] = []
    for model in plan.models {
      var backend = try make(model.spec, allowExec: allowExec, environment: environment)
      if let recorder { backend = RecordingBackend(wrapping: backend, model: model.name, recorder: recorder) }
      backends.append(backend)
    }
    return backends
  }

  /// Stops the programs of `command` backends cleanly (their stdin closes, they get two seconds to
  /// exit, then SIGTERM): a model that writes something on its way out gets to finish. Other
  /// backends hold nothing that needs closing.
  static func close(_ backends: [any ModelBackend]) async {
    for backend in backends {
      let base = (backend as? RecordingBackend)?.base ?? backend
      if let command = base as? CommandBackend { await command.close() }
    }
  }

  /// The backend of one model. A command runs in the workflow file's folder (`baseDirectory` of the
  /// plan's backend config), so `model.py` beside the workflow is found.
  static func make(_ spec: ModelSpec, allowExec: Bool, environment: [String: String]) throws(Failure)
    -> any ModelBackend
  {
    guard let config = spec.backend else {
      throw .message(
        "model '\(spec.name)' has no backend; give it one (replay, builtin, http or command) to run it")
    }
    if config.kind == "replay" { return try replay(spec, config) }
    guard let decl = spec.declaration, let ast = decl.backend else {
      throw .message("internal error: model '\(spec.name)' lost its declaration (please report)")
    }
    do {
      return try ModelBackends.make(
        spec: ast, model: decl, environment: environment, allowExec: allowExec,
        baseDirectory: URL(fileURLWithPath: config.baseDirectory))
    } catch let error as BackendConfigError {
      throw .diagnostic(error.diagnostic)
    } catch {
      throw .message("model '\(spec.name)': \(error)")
    }
  }

  private static func replay(_ spec: ModelSpec, _ config: BackendConfig) throws(Failure) -> any ModelBackend {
    guard case .string = config.value else {
      throw .message("model '\(spec.name)': replay needs a file or folder of predictions")
    }
    do {
      return try ReplayBackend(model: spec)
    } catch {
      throw .message(error.description)
    }
  }
}
