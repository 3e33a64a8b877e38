import Foundation
import WeirCore
import WeirDriver

extension ReplSession {
  /// The plan of the workflow with the settings applied: which model each node calls, resolved.
  func currentPlan() -> ExecutionPlan? {
    guard let document, let checked else { return nil }
    let folder = (document.path as NSString).deletingLastPathComponent
    return environment.driver.plan(checked, baseDirectory: folder.isEmpty ? "." : folder).0
  }

  /// The source model nodes (reading the workflow input) with the model each calls.
  func sourceModels() -> [(node: String, model: ModelSpec?)] {
    let plan = currentPlan()
    return (checked?.sourceModels ?? []).map { node in
      (node.id, plan?.models.first { $0.nodes.contains(node.id) }?.spec)
    }
  }

  /// A model's backend, built once per fingerprint.
  func backend(for model: ModelSpec) -> Result<any ModelBackend, ModelError> {
    let key = ModelFingerprint.of(model)
    if let cached = backends[key] { return .success(cached) }
    let made = environment.models.backend(for: model)
    if case .success(let backend) = made { backends[key] = backend }
    return made
  }

  /// Every input the recordings of the source models name, in order; `nil` when no model records
  /// any (the inputs must then be given).
  func knownInputs() -> Result<[InputItem]?, ModelError> {
    var items: [InputItem] = []
    var seen = Set<String>()
    var any = false
    for (_, model) in sourceModels() {
      guard let model, model.backend?.kind == "replay" else { continue }
      switch backend(for: model) {
      case .failure(let error): return .failure(error)
      case .success(let backend):
        guard let recorded = (backend as? any RecordedInputs)?.recordedInputs else { continue }
        any = true
        for item in recorded where seen.insert(item.id).inserted { items.append(item) }
      }
    }
    return .success(any ? items : nil)
  }

  /// Asks each source model for the inputs its cache lacks, then rebuilds the table. Returns the
  /// nodes served wholly from cache, those asked, and per-input failures.
  /// Source models whose backend cannot be built are in `unreachable`.
  func fetchOutputs() async -> (cached: [String], fetched: [String], failures: [String]) {
    unreachable = []
    var cached: [String] = []
    var fetched: [String] = []
    var failures: [String] = []
    var keep = Set<String>()
    var table = PredictionTable(inputs: inputs)
    let none = ModelColumns(PredictionColumns(), entry: [Int32](repeating: -1, count: inputs.count))
    for (node, model) in sourceModels() {
      guard let model else {
        failures.append("'\(node)' calls no model the plan knows")
        table.add(model: node, none)
        continue
      }
      // A model that cannot be reached at all (no backend, no key) is one failure, not one per input.
      if case .failure(let error) = backend(for: model) {
        failures.append("'\(node)': \(error.message)")
        unreachable.append(node)
        table.add(model: node, none)
        continue
      }
      let key = ModelFingerprint.of(model)
      keep.insert(key)
      var entries = cache[key] ?? CachedAnswers()
      let missing = inputs.filter { entries.answers[$0.id] == nil }
      if missing.isEmpty {
        if !inputs.isEmpty { cached.append(node) }
      } else {
        fetched.append(node)
        await predict(model, missing, into: &entries)
      }
      cache[key] = entries
      let (columns, failed) = entries.columns(for: inputs)
      table.add(model: node, columns)
      failures += failed.map { "'\(node)' on \($0.input): \($0.error.message)" }
    }
    for key in cache.keys where !keep.contains(key) { cache[key] = nil }
    for key in backends.keys where !keep.contains(key) { backends[key] = nil }
    self.table = table
    tableGeneration += 1
    truthIndex = nil
    return (cached, fetched, failures)
  }

  /// One model's answers for `inputs`, in batches of the size its backend takes, kept in `entries`:
  /// a recording's answers stay in its columns, others are checked and laid out as columns.
  private func predict(_ model: ModelSpec, _ inputs: [InputItem], into entries: inout CachedAnswers) async {
    let backend: any ModelBackend
    switch self.backend(for: model) {
    case .success(let b): backend = b
    case .failure(let error):
      entries.add(inputs[...], inputs.map { _ in .failure(error) })
      return
    }
    let size = max(1, backend.maxBatchSize)
    for start in stride(from: 0, to: inputs.count, by: size) {
      if cancellation.isCancelled {
        entries.add(
          inputs[start...], inputs[start...].map { _ in .failure(ModelError("cancelled (Ctrl-C)")) })
        break
      }
      let part = inputs[start..<min(inputs.count, start + size)]
      if let columns = backend as? any ColumnBackend {
        entries.add(part, columns.columnAnswers(Array(part)), from: columns, model: model.name)
        continue
      }
      let batch = part.map { input in
        ModelRequest(input: input, data: DataRecord(image: ImageRef(url: input.url, path: input.path)))
      }
      let results = await backend.predict(batch)
      entries.add(part, results.map { $0.flatMap { ModelOutputCheck.check($0, model: model.name) } })
    }
  }
}

/// A backend that knows the inputs it has answers for (a recording): a session with no `inputs`
/// given runs over them.
public protocol RecordedInputs {
  var recordedInputs: [InputItem] { get }
}

extension ReplayBackend: RecordedInputs {
  public var recordedInputs: [InputItem] { inputs }
}

/// Text that changes whenever a model would answer differently: its resolved declaration and
/// backend, and the size and time of the files its backend reads (an edited recording is read again).
enum ModelFingerprint {
  static func of(_ model: ModelSpec) -> String {
    var parts = [
      model.name, model.type, (model.concepts ?? []).joined(separator: ","), model.clarifaiModelId ?? "",
    ]
    if let backend = model.backend {
      parts.append("\(backend.kind)=\(backend.value)")
      parts += backend.options.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
      var files: [String] = []
      if case .string(let file) = backend.value { files.append(backend.path(file)) }
      if case .string(let images)? = backend.options["images"] { files.append(backend.path(images)) }
      for file in files { parts.append(stamp(file)) }
    }
    return parts.joined(separator: "|")
  }

  private static func stamp(_ path: String) -> String {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
      return "\(path):missing"
    }
    let time = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
    return "\(path):\(attributes[.size] ?? 0)@\(time)"
  }
}
