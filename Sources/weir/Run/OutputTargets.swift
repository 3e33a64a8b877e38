import Foundation
import WeirCore

/// `--output` and `--record` of one `weir run`, inspected before anything is opened for writing:
/// each must be a file weir may write (``OutputTarget``) and neither may be a file the run reads
/// (the workflow, a predictions file, an input or manifest, a type library), the store, or the
/// other output. Every refusal is reported, then the run stops with status 2, nothing changed.
struct OutputTargets {
  var output: OutputTarget?
  var record: OutputTarget?

  static func inspect(_ command: RunCommand, plan: ExecutionPlan) throws(RunSession.Stop) -> OutputTargets {
    var protected = readFiles(command, plan: plan)
    protected.append(ProtectedFile("annotation store", command.store))
    var targets = OutputTargets()
    var problems: [String] = []
    if let path = command.record {
      do {
        let target = try OutputTarget.inspect(path)
        try target.refuseSameFile(as: protected)
        targets.record = target
      } catch { problems.append("--record: \(error)") }
      protected.append(ProtectedFile("--record file", path))
    }
    if let path = command.output {
      do {
        let target = try OutputTarget.inspect(path)
        try target.refuseSameFile(as: protected)
        targets.output = target
      } catch { problems.append("--output: \(error)") }
    }
    guard problems.isEmpty else {
      throw RunSession.Stop(status: ExitStatus.usage, message: problems.joined(separator: "\nweir: "))
    }
    return targets
  }

  /// The files the run reads: the workflow, the replay predictions, `--inputs` files, `--types`.
  private static func readFiles(_ command: RunCommand, plan: ExecutionPlan) -> [ProtectedFile] {
    var files = [ProtectedFile("workflow", command.file)]
    for model in plan.models {
      guard let backend = model.spec.backend, backend.kind == "replay",
        case .string(let value) = backend.value
      else { continue }
      let path = value.hasPrefix("/") ? value : backend.baseDirectory + "/" + value
      files.append(ProtectedFile("predictions file", path))
    }
    files += command.inputs.map { ProtectedFile("input", $0) }
    files += command.typePaths.map { ProtectedFile("type library", $0) }
    return files
  }
}
