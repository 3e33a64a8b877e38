import Foundation
import WeirCore
import WeirModels

/// Model outputs for `weir repl`: each model node's `backend:` built as `weir run` builds it, asked
/// in batches; the session caches what comes back.
final class WorkflowModelSource: ReplModelSource, @unchecked Sendable {
  let allowExec: Bool
  let environment: [String: String]
  /// Backends built so far, by fingerprint: an http backend keeps its connection across commands.
  private var backends: [String: any ModelBackend] = [:]
  private let lock = NSLock()

  init(allowExec: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) {
    self.allowExec = allowExec
    self.environment = environment
  }

  func knownInputs(of workflow: Workflow, at path: String) async -> Result<[InputItem]?, ModelError> {
    // TODO: the inputs a replay recording names, once the runtime's replay reader has landed.
    .success(nil)
  }

  /// The model declaration and its backend options as written, plus — for a backend that reads a
  /// file — the file's size and modification time, so an edited recording is read again.
  func fingerprint(of node: WorkflowNode, in workflow: Workflow, at path: String) -> String {
    guard let model = Self.model(of: node, in: workflow) else { return "node:\(node.id.value)" }
    var parts = [
      model.name.value, model.type?.value ?? "", (model.concepts ?? []).map(\.value).joined(separator: ","),
    ]
    if let backend = model.backend {
      parts.append(backend.kind.value + "=" + backend.value.flowText)
      parts += backend.options.map { "\($0.name.value)=\($0.value.flowText)" }
      if case .scalar(let file) = backend.value {
        let url = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(file.value)
        if let attributes = try? FileManager.default.attributesOfItem(atPath: url.path) {
          parts.append(
            "\(attributes[.size] ?? 0)@\((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
          )
        }
      }
    }
    return parts.joined(separator: "|")
  }

  func outputs(of node: WorkflowNode, in workflow: Workflow, at path: String, for inputs: [InputItem]) async
    -> [Result<DataRecord, ModelError>]
  {
    let backend: any ModelBackend
    switch self.backend(for: node, in: workflow, at: path) {
    case .success(let b): backend = b
    case .failure(let error): return inputs.map { _ in .failure(error) }
    }
    var results: [Result<DataRecord, ModelError>] = []
    let size = max(1, backend.maxBatchSize)
    for start in stride(from: 0, to: inputs.count, by: size) {
      let batch = inputs[start..<min(inputs.count, start + size)].map { input in
        ModelRequest(input: input, data: DataRecord(image: ImageRef(url: input.url, path: input.path)))
      }
      results += await backend.predict(batch)
    }
    return results
  }

  private func backend(for node: WorkflowNode, in workflow: Workflow, at path: String) -> Result<
    any ModelBackend, ModelError
  > {
    let key = fingerprint(of: node, in: workflow, at: path)
    if let cached = lock.withLock({ backends[key] }) { return .success(cached) }
    guard let model = Self.model(of: node, in: workflow) else {
      return .failure(ModelError("node '\(node.id.value)' calls no model"))
    }
    guard let spec = model.backend else {
      return .failure(
        ModelError(
          "model '\(model.name.value)' has no backend: give it one, e.g. backend: {replay: predictions.jsonl}"
        ))
    }
    guard spec.kind.value != "replay" else {
      // TODO: the runtime's replay backend once it has landed.
      return .failure(ModelError("replayed predictions are not available in this build"))
    }
    do {
      let made = try ModelBackends.make(
        spec: spec, model: model, environment: environment, allowExec: allowExec,
        baseDirectory: URL(fileURLWithPath: path).deletingLastPathComponent())
      lock.withLock { backends[key] = made }
      return .success(made)
    } catch {
      return .failure(ModelError("\(error)"))
    }
  }

  static func model(of node: WorkflowNode, in workflow: Workflow) -> ModelDecl? {
    node.model.flatMap { workflow.model($0.value) }
  }
}
