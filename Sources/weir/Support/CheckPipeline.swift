import WeirCore
import WeirModels

/// What every command runs on a file: `Frontend.check` (WeirCore: YAML, syntax, graph, types)
/// plus checks that live with the outside-world code: the options of `http` and `command`
/// backends (`RemoteBackends.diagnose`, Documentation/Backends.md).
enum CheckPipeline {
  static func check(_ file: SourceFile, library: NodeTypeLibrary = .standard) -> CheckOutcome {
    var outcome = Frontend.check(file, library: library)
    guard let workflow = outcome.workflow else { return outcome }
    var extra: [Diagnostic] = []
    for model in workflow.models {
      guard let spec = model.backend else { continue }
      extra += RemoteBackends.diagnose(spec: spec, model: model)
    }
    if !extra.isEmpty { outcome.diagnostics = (outcome.diagnostics + extra).sortedUnique() }
    return outcome
  }
}
