/// Runs an execution plan over inputs (Design.md §4, "Interpreter").
///
/// Inputs go through in batches: within a batch the plan runs step by step, so each model step
/// makes one `predict` call for the whole batch (split at the backend's `maxBatchSize`) while
/// operators run input by input. Batches run concurrently, up to `jobs`, each owned by one task,
/// so the hot path takes no lock and touches no actor. A failure on one input (a model error, an
/// operator error) is kept with the input and the node, and the other inputs go on.
///
/// When the plan compiles to columns (`ColumnPlan`) and outputs are not kept, a batch's operators
/// run column-wise over the model outputs' predictions instead of record by record; the answers are
/// the same (Documentation/Runtime.md, "Evaluation").
public struct Interpreter: Sendable {
  public let plan: ExecutionPlan
  /// One backend per `plan.models` entry.
  public let backends: [any ModelBackend]
  /// Outputs kept across runs (the REPL); `nil` to keep nothing beyond a batch.
  public let cache: ModelCache?
  /// The plan compiled to columns, or why it runs record by record.
  let columns: Result<ColumnPlan, ColumnPlanUnsupported>

  /// - Parameter columnar: evaluate column-wise where the plan allows (`false`: always record by
  ///   record, the reference the column evaluator is tested against).
  public init(
    plan: ExecutionPlan, backends: [any ModelBackend], cache: ModelCache? = nil, columnar: Bool = true
  ) {
    precondition(backends.count == plan.models.count, "one backend per planned model")
    self.plan = plan
    self.backends = backends
    self.cache = cache
    columns = columnar ? ColumnPlan.compile(plan) : .failure(ColumnPlanUnsupported("turned off"))
  }

  /// `nil` when batches run column-wise (unless outputs are kept); otherwise why they run record
  /// by record.
  public var recordByRecordReason: String? {
    switch columns {
    case .success: return nil
    case .failure(let problem): return problem.reason
    }
  }

  /// The number of inputs a batch takes by default: the smallest `maxBatchSize` of the models the
  /// plan calls, at most 256 (so progress moves and memory stays flat), at least 1.
  public var defaultBatchSize: Int {
    let sizes = plan.steps.compactMap { $0.isLive ? $0.modelIndex : nil }.map { backends[$0].maxBatchSize }
    return max(1, min(256, sizes.min() ?? 256))
  }

  /// Runs the plan on one batch of inputs, in this task. Results come back in input order.
  ///
  /// - Parameter keepOutputs: keep every step's output in the results (and run steps whose output
  ///   nothing reads), for `--output` and the REPL.
  public func run(batch inputs: [InputItem], keepOutputs: Bool = false) async -> [InputResult] {
    var state = BatchState(plan: plan, inputs: inputs, keepOutputs: keepOutputs)
    if !keepOutputs, case .success(let columnPlan) = columns {
      await state.runColumns(columnPlan, backends, cache: cache)
      return state.results()
    }
    for step in plan.steps where step.isLive || keepOutputs {
      switch step.action {
      case .model(let m): await state.callModel(step, backends[m], plan.models[m], cache: cache)
      case .reuse(let twin): state.outputs[step.index] = state.outputs[twin]
      case .operator(let op): state.apply(op, step)
      }
      state.release(after: step)
    }
    return state.results()
  }
}

/// The working state of one batch: each step's outputs for each input of the batch.
struct BatchState {
  let plan: ExecutionPlan
  let inputs: [InputItem]
  let keepOutputs: Bool
  let workflowInput: [DataRecord]
  /// `outputs[step][input]`; a step's row is emptied after its last reader unless outputs are kept.
  var outputs: [[DataRecord?]]
  var errors: [InputError?]
  var annotations: [[AnnotationRecord]]
  /// Each input's annotations as column rows, when the batch ran column-wise.
  var columnAnnotations: [ColumnAnnotations]?
  var counts: [[NodeCount]]
  var modelRegions: [Int]
  var sizes: [(width: Int, height: Int)?]
  /// For each step, the step after which its output can go.
  let lastReader: [Int]

  init(plan: ExecutionPlan, inputs: [InputItem], keepOutputs: Bool) {
    self.plan = plan
    self.inputs = inputs
    self.keepOutputs = keepOutputs
    workflowInput = inputs.map { item in
      item.path == nil && item.url == nil
        ? DataRecord() : DataRecord(image: ImageRef(url: item.url, path: item.path))
    }
    outputs = [[DataRecord?]](repeating: [], count: plan.steps.count)
    errors = [InputError?](repeating: nil, count: inputs.count)
    annotations = [[AnnotationRecord]](repeating: [], count: inputs.count)
    counts = [[NodeCount]](repeating: [], count: inputs.count)
    modelRegions = [Int](repeating: 0, count: inputs.count)
    sizes = [(width: Int, height: Int)?](repeating: nil, count: inputs.count)
    lastReader = plan.steps.map { $0.readers.max() ?? $0.index }
  }

  /// The data flowing into a step for input `i`; `nil` if a step upstream removed it.
  @inline(__always)
  func dataIn(_ step: PlanStep, _ i: Int) -> DataRecord? {
    if step.inputs.count == 1 { return data(from: step.inputs[0], i) }
    let parts = step.inputs.compactMap { data(from: $0, i) }
    return parts.isEmpty ? nil : DataRecord.merging(parts)
  }

  @inline(__always)
  private func data(from input: StepInput, _ i: Int) -> DataRecord? {
    switch input {
    case .workflowInput: return workflowInput[i]
    case .step(let j): return outputs[j].isEmpty ? nil : outputs[j][i]
    }
  }

  mutating func apply(_ op: any Operator, _ step: PlanStep) {
    var row = [DataRecord?](repeating: nil, count: inputs.count)
    var context = OperatorContext(workflowId: plan.workflowId, nodeId: step.nodeId, input: inputs[0])
    for i in inputs.indices where errors[i] == nil {
      guard let data = dataIn(step, i) else { continue }
      context.input = inputs[i]
      context.sourceImage = workflowInput[i].image
      do {
        row[i] = try op.apply(data, context, &annotations[i])
        if op.recordsCount, let n = row[i]?.metadata["object_count"]?.number {
          counts[i].append(NodeCount(nodeId: step.nodeId, count: Int(n)))
        }
      } catch {
        errors[i] = InputError(node: step.nodeId, message: "\(error)")
      }
    }
    outputs[step.index] = row
  }

  mutating func callModel(
    _ step: PlanStep, _ backend: any ModelBackend, _ model: PlannedModel, cache: ModelCache?
  ) async {
    var row = [DataRecord?](repeating: nil, count: inputs.count)
    var pending: [Int] = []
    var requests: [ModelRequest] = []
    for i in inputs.indices where errors[i] == nil {
      guard let data = dataIn(step, i) else { continue }
      pending.append(i)
      requests.append(ModelRequest(input: inputs[i], data: data))
    }
    let keys = cache.map { _ in
      requests.map { ModelCache.Key(model: model.spec, params: model.params, input: $0.input, data: $0.data) }
    }
    let cached = keys.map { cache!.lookup($0) } ?? []
    var toCall: [Int] = []  // positions in `pending`
    for p in pending.indices {
      if p < cached.count, let hit = cached[p] { row[pending[p]] = hit } else { toCall.append(p) }
    }
    let chunk = max(1, backend.maxBatchSize)
    var fresh: [(ModelCache.Key, DataRecord)] = []
    for start in stride(from: 0, to: toCall.count, by: chunk) {
      let part = Array(toCall[start..<min(start + chunk, toCall.count)])
      let results = await backend.predict(part.map { requests[$0] })
      for (k, p) in part.enumerated() {
        let i = pending[p]
        guard k < results.count else {
          errors[i] = InputError(
            node: step.nodeId, message: "model '\(model.name)' gave no answer for this input")
          continue
        }
        // Every backend's answer is checked here, once, before anything reads it or caches it.
        switch results[k].flatMap({ ModelOutputCheck.check($0, model: model.name) }) {
        case .success(let record):
          row[i] = record
          if let keys { fresh.append((keys[p], record)) }
        case .failure(let e):
          errors[i] = InputError(node: step.nodeId, message: e.message)
        }
      }
    }
    if let cache, !fresh.isEmpty { cache.store(fresh) }
    for i in inputs.indices {
      guard let record = row[i] else { continue }
      modelRegions[i] += record.regions.count
      if sizes[i] == nil, let w = record.image?.width, let h = record.image?.height { sizes[i] = (w, h) }
    }
    outputs[step.index] = row
  }

  /// Frees outputs whose last reader has run, unless outputs are kept.
  mutating func release(after step: PlanStep) {
    guard !keepOutputs else { return }
    for case .step(let j) in step.inputs where lastReader[j] == step.index { outputs[j] = [] }
    if case .reuse(let twin) = step.action, lastReader[twin] == step.index { outputs[twin] = [] }
    if step.readers.isEmpty { outputs[step.index] = [] }
  }

  func results() -> [InputResult] {
    inputs.indices.map { i in
      let failed = errors[i] != nil
      var result = InputResult(
        input: inputs[i], error: errors[i], annotations: failed ? [] : annotations[i],
        outputs: keepOutputs ? outputs.map { $0.isEmpty ? nil : $0[i] } : [],
        modelRegions: modelRegions[i], width: sizes[i]?.width, height: sizes[i]?.height,
        counts: failed ? [] : counts[i])
      if !failed, let rows = columnAnnotations?[i], rows.count > 0 { result.columnAnnotations = rows }
      return result
    }
  }
}
