import Foundation

@testable import WeirCore

/// Model outputs for session tests, read from weir JSON lines named by `backend: {replay: FILE}`
/// (relative to the workflow file). Counts how often each model is asked, so tests can see the
/// cache at work.
final class TestReplaySource: ReplModelSource, @unchecked Sendable {
  private let lock = NSLock()
  private var asked: [String: Int] = [:]

  /// How many inputs node `id` was asked about so far.
  func askedCount(_ id: String) -> Int {
    lock.lock()
    defer { lock.unlock() }
    return asked[id] ?? 0
  }

  private func record(_ id: String, _ n: Int) {
    lock.withLock { asked[id, default: 0] += n }
  }

  struct Line: Decodable {
    var input: String
    var regions: [Region]?
    var concepts: [Concept]?
  }

  static func recording(_ workflow: Workflow, _ node: WorkflowNode, _ path: String) -> String? {
    guard let model = node.model.flatMap({ workflow.model($0.value) }),
      case .scalar(let file)? = model.backend?.value
    else { return nil }
    return URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(file.value).path
  }

  static func read(_ file: String) throws -> [(String, DataRecord)] {
    let text = try String(contentsOfFile: file, encoding: .utf8)
    return try text.split(separator: "\n").map { line in
      let l = try JSONDecoder().decode(Line.self, from: Data(line.utf8))
      return (l.input, DataRecord(concepts: l.concepts ?? [], regions: l.regions ?? []))
    }
  }

  func knownInputs(of workflow: Workflow, at path: String) async -> Result<[InputItem]?, ModelError> {
    var ids: [String] = []
    for node in workflow.nodes {
      guard let file = Self.recording(workflow, node, path) else { continue }
      do {
        for (id, _) in try Self.read(file) where !ids.contains(id) { ids.append(id) }
      } catch {
        return .failure(ModelError("cannot read \(file): \(error)"))
      }
    }
    return .success(ids.isEmpty ? nil : ids.map { InputItem(id: $0) })
  }

  func fingerprint(of node: WorkflowNode, in workflow: Workflow, at path: String) -> String {
    let file = Self.recording(workflow, node, path) ?? ""
    let bytes = (try? Data(contentsOf: URL(fileURLWithPath: file))) ?? Data()
    return "\(node.model?.value ?? node.id.value)|\(file)|\(bytes.hashValue)"
  }

  func outputs(of node: WorkflowNode, in workflow: Workflow, at path: String, for inputs: [InputItem]) async
    -> [Result<DataRecord, ModelError>]
  {
    record(node.id.value, inputs.count)
    guard let file = Self.recording(workflow, node, path), let lines = try? Self.read(file) else {
      return inputs.map { _ in .failure(ModelError("no recording")) }
    }
    let byId = Dictionary(lines, uniquingKeysWith: { a, _ in a })
    return inputs.map {
      byId[$0.id].map { .success($0) } ?? .failure(ModelError("no prediction recorded for \($0.id)"))
    }
  }
}
