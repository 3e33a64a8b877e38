import Foundation
import WeirCore

/// A workflow compiled for `weir plan` and `weir run`: the plan when everything checked, and every
/// problem found on the way, the type libraries' first.
public struct PlanOutcome: Sendable {
  public var plan: ExecutionPlan?
  public var checked: CheckedWorkflow?
  /// Problems of the node-type declarations (`--types`, `.weir/types/`), then of the workflow.
  public var reports: [FileDiagnostics]

  public var hasErrors: Bool { reports.contains { $0.diagnostics.hasErrors } }
}

extension Driver {
  /// Checks `file` (the full check: `check(_:library:)`) and, when nothing is wrong, plans it.
  /// Because the check reports everything the planner refuses, a workflow that checks plans.
  public func plan(_ file: SourceFile, libraries: TypeLibraries) -> PlanOutcome {
    plan(file, library: libraries.library(for: file.path), libraryProblems: libraries.problems)
  }

  /// `plan(_:libraries:)` with the library given; `libraryProblems` are reported first, and an
  /// error among them stops the plan.
  public func plan(_ file: SourceFile, library: NodeTypeLibrary, libraryProblems: [FileDiagnostics] = [])
    -> PlanOutcome
  {
    let outcome = check(file, library: library)
    var reports = libraryProblems + outcome.related
    guard let checked = outcome.checked, !outcome.hasErrors,
      !reports.contains(where: { $0.diagnostics.hasErrors })
    else {
      reports.append(FileDiagnostics(file: file, diagnostics: outcome.diagnostics))
      return PlanOutcome(plan: nil, checked: outcome.checked, reports: reports)
    }
    let (plan, planDiagnostics) = self.plan(checked, baseDirectory: Self.folder(of: file))
    reports.append(
      FileDiagnostics(file: file, diagnostics: (outcome.diagnostics + planDiagnostics).sortedUnique()))
    return PlanOutcome(plan: plan, checked: checked, reports: reports)
  }

  /// Plans a workflow the driver has checked (the REPL plans its workflow with its settings
  /// applied); relative paths in backends start from `baseDirectory`, the workflow's folder.
  public func plan(_ checked: CheckedWorkflow, baseDirectory: String) -> (ExecutionPlan?, [Diagnostic]) {
    Planner(registry: operators).plan(checked, baseDirectory: baseDirectory)
  }

  /// One backend per `plan.models` entry, in order, each built by its kind.
  public func backends(for plan: ExecutionPlan, context: BackendContext) throws(BackendFailure)
    -> [any ModelBackend]
  {
    var backends: [any ModelBackend] = []
    for model in plan.models { backends.append(try backend(for: model.spec, context: context)) }
    return backends
  }

  /// The backend of one planned model (the REPL builds them one at a time).
  public func backend(for model: ModelSpec, context: BackendContext) throws(BackendFailure)
    -> any ModelBackend
  {
    guard model.backend != nil else { throw .message(missingBinding(model)) }
    do {
      return try backendKinds.make(model, context: context)
    } catch {
      // A bound backend's problem points into the file the binding was written in.
      guard case .diagnostic(let d) = error, let (file, _) = model.declaration?.backend?.binding else {
        throw error
      }
      let place = d.range.map { r in
        let (line, column) = file.location(of: r.start)
        return "\(file.path):\(line):\(column): "
      }
      throw .message((place ?? "\(file.path): ") + d.message)
    }
  }

  /// The folder a workflow's relative paths start from: the file's, or the current one for stdin.
  static func folder(of file: SourceFile) -> String {
    let folder = file.path == SourceReader.stdinName ? "." : (file.path as NSString).deletingLastPathComponent
    return folder.isEmpty ? "." : folder
  }
}
