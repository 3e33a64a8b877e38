import Foundation
import WeirCore
import WeirDriver

/// A run by the runtime's interpreter over the session's cached model outputs: for workflows the
/// column evaluator cannot run (image-crop, a synonym mapper, a classifier after a crop, …), and
/// to check that the column evaluator agrees with the record-by-record interpreter.
struct InterpretedRun {
  var writers: [RunWriter]
  var concepts: [String]
  var tally: RunBreakdown
  /// Per row of the table: the writers (bits in `writers` order) that wrote it, and its branch.
  var writerMasks: [UInt64]
  var branches: [UInt8]
  /// Annotations whose input, region and concept are no row of the table (a crop's new region, a
  /// concept a downstream model added): counted per writer, with no branch.
  var unmatched: Int
  /// Inputs that failed, with the message.
  var failures: [String]
  /// Per input (in table order), each step's output, when asked for.
  var results: [InputResult]
  var plan: ExecutionPlan
}

extension ReplSession {
  /// Runs `checked` through the interpreter: source models answer from the cache, other models
  /// through their backends (each asked once per input and data, across runs).
  ///
  /// - Parameter columnar: let the interpreter evaluate column-wise where the plan allows (`false`:
  ///   record by record, the reference the column evaluator is tested against).
  func interpret(
    _ checked: CheckedWorkflow, _ table: PredictionTable, keepOutputs: Bool = false, columnar: Bool = true
  ) async
    -> Result<InterpretedRun, ReplResponseError>
  {
    guard let document else {
      return .failure(ReplResponseError("no workflow loaded; use 'load FILE' first"))
    }
    let folder = (document.path as NSString).deletingLastPathComponent
    let (planned, diagnostics) = environment.driver.plan(
      checked, baseDirectory: folder.isEmpty ? "." : folder)
    guard let plan = planned else {
      return .failure(
        ReplResponseError("the workflow did not plan: \(diagnostics.first?.message ?? "unknown reason")"))
    }
    var backends: [any ModelBackend] = []
    for model in plan.models {
      let key = ModelFingerprint.of(model.spec)
      if let entries = cache[key] {
        backends.append(CachedOutputsBackend(entries: entries, model: model.name))
      } else {
        switch backend(for: model.spec) {
        case .success(let b): backends.append(b)
        case .failure(let error): return .failure(ReplResponseError(error.message))
        }
      }
    }
    let interpreter = Interpreter(plan: plan, backends: backends, cache: modelCache, columnar: columnar)
    var results: [InputResult] = []
    let size = interpreter.defaultBatchSize
    for start in stride(from: 0, to: table.inputs.count, by: size) {
      results += await interpreter.run(
        batch: Array(table.inputs[start..<min(table.inputs.count, start + size)]), keepOutputs: keepOutputs)
    }
    return .success(tallied(results, checked, table, plan, keepOutputs: keepOutputs))
  }

  func tallied(
    _ results: [InputResult], _ checked: CheckedWorkflow, _ table: PredictionTable, _ plan: ExecutionPlan,
    keepOutputs: Bool
  ) -> InterpretedRun {
    let writers = checked.flatWriters(operators).map { RunWriter(node: $0.id, status: $0.status ?? .pending) }
    let writerIndex = Dictionary(writers.enumerated().map { ($1.node, $0) }, uniquingKeysWith: { a, _ in a })
    var rowOf: [String: Int] = [:]
    for row in 0..<table.rowCount {
      let input = table.inputs[table.input(ofRow: row)].id
      rowOf[Self.rowKey(input, table.regionId(ofRow: row), table.conceptIds[table.concept(ofRow: row)])] = row
    }
    var masks = [UInt64](repeating: 0, count: table.rowCount)
    var tally = RunBreakdown()
    var concepts = table.conceptIds
    var unmatched = 0
    var failures: [String] = []
    for result in results {
      if let error = result.error {
        failures.append("\(result.input.id) at '\(error.node ?? "?")': \(error.message)")
      }
      for a in result.annotations {
        tally.byWriter[a.nodeId, default: [:]][a.conceptId, default: 0] += 1
        if !concepts.contains(a.conceptId) { concepts.append(a.conceptId) }
        if let row = rowOf[Self.rowKey(a.inputId, a.regionId, a.conceptId)], let w = writerIndex[a.nodeId],
          w < 64
        {
          masks[row] |= 1 << UInt64(w)
        } else {
          unmatched += 1
        }
      }
    }
    let accept = writers.indices.filter { PredictionBranch(status: writers[$0].status) == .accepted }.reduce(
      UInt64(0)
    ) { $0 | 1 << UInt64($1) }
    let review = writers.indices.filter { PredictionBranch(status: writers[$0].status) == .review }.reduce(
      UInt64(0)
    ) { $0 | 1 << UInt64($1) }
    var branches = [UInt8](repeating: 0, count: table.rowCount)
    for row in 0..<table.rowCount {
      let branch: PredictionBranch =
        masks[row] & accept != 0 ? .accepted : masks[row] & review != 0 ? .review : .dropped
      branches[row] = branch.rawValue
      tally.byBranch[branch, default: [:]][table.conceptIds[table.concept(ofRow: row)], default: 0] += 1
    }
    return InterpretedRun(
      writers: writers, concepts: concepts, tally: tally, writerMasks: masks, branches: branches,
      unmatched: unmatched,
      failures: failures, results: keepOutputs ? results : [], plan: plan)
  }

  static func rowKey(_ input: String, _ region: String, _ concept: String) -> String {
    "\(input)\u{1}\(region)\u{1}\(concept)"
  }
}

/// A model that answers from the session's cache: the outputs a source model gave earlier.
struct CachedOutputsBackend: ModelBackend {
  let entries: CachedAnswers
  let model: String

  var maxBatchSize: Int { 4096 }

  func predict(_ requests: [ModelRequest]) async -> [Result<DataRecord, ModelError>] {
    requests.map { request in
      guard let result = entries.record(request.input.id) else {
        return .failure(ModelError("model '\(model)' has no output for \(request.input.id) in this session"))
      }
      // The image flowing in is kept where the cached output has none, as replay does, so an
      // image-crop downstream knows what it crops.
      guard case .success(var record) = result, let image = request.data.image else { return result }
      var kept = record.image ?? image
      kept.path = kept.path ?? image.path
      kept.url = kept.url ?? image.url
      record.image = kept
      return .success(record)
    }
  }
}
