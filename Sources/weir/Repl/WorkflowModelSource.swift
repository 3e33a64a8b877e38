import Foundation
import WeirCore

/// Backends for `weir repl`, built as `weir run` builds them: `replay` from WeirCore, `builtin`,
/// `http` and `command` from WeirModels (`command` only with `--allow-exec`).
struct WorkflowModelSource: ReplModelSource {
  let allowExec: Bool
  let environment: [String: String]

  init(allowExec: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) {
    self.allowExec = allowExec
    self.environment = environment
  }

  func backend(for model: ModelSpec) -> Result<any ModelBackend, ModelError> {
    do {
      return .success(try RunBackends.make(model, allowExec: allowExec, environment: environment))
    } catch {
      switch error {
      case .diagnostic(let d): return .failure(ModelError(d.message))
      case .message(let m): return .failure(ModelError(m))
      }
    }
  }
}
