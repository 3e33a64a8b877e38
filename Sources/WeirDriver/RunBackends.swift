import Foundation
import WeirCore
import WeirModels

/// What `weir run` does around the backends the driver builds: wraps them in a recorder for
/// `--record`, and ends the programs of `command` backends when the run is over.
public enum RunBackends {
  /// One backend per `plan.models` entry, in order, recorded when `recorder` is given.
  ///
  /// - Parameters:
  ///   - allowExec: `--allow-exec`; without it a `command` backend is refused before anything runs.
  ///   - environment: where an `http` backend reads its key and what a `command` program runs with.
  public static func make(
    _ plan: ExecutionPlan, driver: Driver = Driver(), allowExec: Bool, recorder: PredictionRecorder?,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(BackendFailure) -> [any ModelBackend] {
    let context = BackendContext(environment: environment, allowExec: allowExec)
    var backends = try driver.backends(for: plan, context: context)
    if let recorder {
      for (i, model) in plan.models.enumerated() {
        backends[i] = RecordingBackend(wrapping: backends[i], model: model.name, recorder: recorder)
      }
    }
    return backends
  }

  /// Stops the programs of `command` backends cleanly (their stdin closes, they get two seconds to
  /// exit, then SIGTERM): a model that writes something on its way out gets to finish. Other
  /// backends hold nothing that needs closing.
  public static func close(_ backends: [any ModelBackend]) async {
    for backend in backends {
      let base = (backend as? RecordingBackend)?.base ?? backend
      if let command = base as? CommandBackend { await command.close() }
    }
  }
}
