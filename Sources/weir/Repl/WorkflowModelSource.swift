import Foundation
import WeirCore
import WeirDriver
import WeirREPL

/// Backends for `weir repl`, built as `weir run` builds them: `replay` from WeirCore, `builtin`,
/// `http` and `command` from WeirModels (`command` only with `--allow-exec`).
struct WorkflowModelSource: ReplModelSource {
  let driver: Driver
  let context: BackendContext

  init(
    driver: Driver, allowExec: Bool, environment: [String: String] = ProcessInfo.processInfo.environment
  ) {
    self.driver = driver
    self.context = BackendContext(environment: environment, allowExec: allowExec)
  }

  func backend(for model: ModelSpec) -> Result<any ModelBackend, ModelError> {
    do {
      return .success(try driver.backend(for: model, context: context))
    } catch {
      switch error {
      case .diagnostic(let d): return .failure(ModelError(d.message))
      case .message(let m): return .failure(ModelError(m))
      }
    }
  }
}
