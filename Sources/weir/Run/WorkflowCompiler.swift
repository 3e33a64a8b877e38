import ArgumentParser
import Foundation
import WeirCore
import WeirModels

/// Checks a workflow file and compiles it into an execution plan: what `weir plan` prints and
/// `weir run` runs. The same checks as `weir check` (syntax, graph, types, backend options), with
/// `--set` overrides applied, then `Planner.plan(checked)`.
enum WorkflowCompiler {
  struct Compiled {
    var plan: ExecutionPlan?
    var checked: CheckedWorkflow?
    /// Problems of the node-type declarations (`--types`, `.weir/types/`), then of the workflow.
    var reports: [FileDiagnostics]
    var hasErrors: Bool { reports.contains { $0.diagnostics.hasErrors } }
  }

  /// - Throws: `ValidationError` for a `--set` that is not an assignment or `--types` that cannot
  ///   be read.
  static func compile(_ file: SourceFile, sets: [String], typePaths: [String]) throws -> Compiled {
    var overrides = Overrides()
    for assignment in sets where !overrides.add(assignment: assignment) {
      throw ValidationError("--set takes var=value or node.param=value, not '\(assignment)'")
    }
    let libraries: TypeLibraries
    do {
      libraries = try TypeLibraries(typePaths: typePaths, workflowPaths: [file.path])
    } catch {
      throw ValidationError("cannot read the --types declarations: \(error.localizedDescription)")
    }
    var outcome = Frontend.check(file, library: libraries.library(for: file.path), overrides: overrides)
    // The same backend checks as `weir check` (CheckPipeline): the parser checks `replay` and
    // `builtin` options, WeirModels `http` and `command`; asking WeirModels about `builtin` too
    // would report each of its mistakes twice.
    for model in outcome.workflow?.models ?? [] {
      guard let spec = model.backend else { continue }
      outcome.diagnostics += RemoteBackends.diagnose(spec: spec, model: model)
    }
    var reports = libraries.problems
    guard let checked = outcome.checked, !outcome.diagnostics.hasErrors,
      !reports.contains(where: { $0.diagnostics.hasErrors })
    else {
      reports.append(FileDiagnostics(file: file, diagnostics: outcome.diagnostics.sortedUnique()))
      return Compiled(plan: nil, checked: outcome.checked, reports: reports)
    }
    let folder = file.path == SourceReader.stdinName ? "." : (file.path as NSString).deletingLastPathComponent
    let (plan, planDiagnostics) = Planner().plan(checked, baseDirectory: folder.isEmpty ? "." : folder)
    reports.append(
      FileDiagnostics(file: file, diagnostics: (outcome.diagnostics + planDiagnostics).sortedUnique()))
    return Compiled(plan: plan, checked: checked, reports: reports)
  }
}
