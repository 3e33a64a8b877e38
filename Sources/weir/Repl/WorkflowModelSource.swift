import Foundation
import WeirCore
import WeirModels

/// Backends for `weir repl`, built as `weir run` builds them: `replay` from WeirCore, `builtin`,
/// `http` and `command` from WeirModels (`command` only with `--allow-exec`).
struct WorkflowModelSource: ReplModelSource {
  let allowExec: Bool
  /// `--allow-host` and the user's config: where an `http` backend may send its key.
  let keys: KeyPolicy
  let environment: [String: String]

  init(allowExec: Bool, keys: KeyPolicy, environment: [String: String] = ProcessInfo.processInfo.environment)
  {
    self.allowExec = allowExec
    self.keys = keys
    self.environment = environment
  }

  func backend(for model: ModelSpec) -> Result<any ModelBackend, ModelError> {
    do {
      return .success(try RunBackends.make(model, allowExec: allowExec, keys: keys, environment: environment))
    } catch {
      switch error {
      case .diagnostic(let d): return .failure(ModelError(d.message))
      case .message(let m): return .failure(ModelError(m))
      }
    }
  }
}
