/// The rows that reach a step: the columns they come from and which of their rows are still there.
///
/// Every operator with a column form only removes rows (a region's concept, an input's concept, a
/// whole input), so a step's data is its model's rows with a mask; a region with no row left is a
/// region the thresholder dropped, and an input with no row left writes nothing further down.
struct RowSet {
  /// An index into the batch's model columns.
  var source: Int
  var alive: [Bool]
}

extension BatchState {
  /// Runs a compiled plan on the batch: model steps as the interpreter calls them (batched,
  /// cached, checked), then each operator as one loop over its rows. Gives the interpreter's
  /// annotations (as rows of the columns, `ColumnAnnotations`), errors, region counts and sizes;
  /// step outputs are not kept (that needs records).
  mutating func runColumns(_ columnPlan: ColumnPlan, _ backends: [any ModelBackend], cache: ModelCache?) async
  {
    var columns: [ModelColumns] = []
    var rows = [RowSet?](repeating: nil, count: plan.steps.count)
    var written = ColumnWrites(inputs: inputs.count)
    for step in columnPlan.steps {
      switch step {
      case .model(let s, let m):
        let c = await modelColumns(s, backends[m], plan.models[m], cache: cache)
        rows[s.index] = RowSet(source: columns.count, alive: [Bool](repeating: true, count: c.rowCount))
        columns.append(c)
      case .reuse(let index, let twin):
        rows[index] = rows[twin]
      case .apply(let index, let node, let parent, let operation):
        guard let input = rows[parent] else { continue }
        rows[index] = apply(operation, node: node, input, columns[input.source], &written)
      }
    }
    let sources = ColumnAnnotations.Sources(
      workflowId: plan.workflowId, writers: written.writers, columns: columns.map(\.store))
    columnAnnotations = written.rows.map { ColumnAnnotations(sources: sources, rows: $0) }
  }

  /// A model step's answers as columns: read in place from a backend that holds them so, else
  /// asked for as records (batched, cached and checked as the interpreter does) and laid out.
  private mutating func modelColumns(
    _ step: PlanStep, _ backend: any ModelBackend, _ model: PlannedModel, cache: ModelCache?
  ) async -> ModelColumns {
    guard cache == nil, let source = backend as? any ColumnBackend else {
      await callModel(step, backend, model, cache: cache)
      let c = ModelColumns(records: outputs[step.index], count: inputs.count)
      outputs[step.index] = []  // the columns hold the records now
      return c
    }
    let pending = inputs.indices.filter { errors[$0] == nil }
    let answers = source.columnAnswers(pending.map { inputs[$0] })
    var entry = [Int32](repeating: -1, count: inputs.count)
    // Answers the columns do not hold are checked and laid out with copies of the others in
    // columns of the batch's own; most batches have none and read the backend's columns in place.
    let mixed = answers.contains { if case .record = $0 { return true } else { return false } }
    let shared = source.predictionColumns
    var own = PredictionColumns()
    for (k, i) in pending.enumerated() {
      guard k < answers.count else {
        errors[i] = InputError(
          node: step.nodeId, message: "model '\(model.name)' gave no answer for this input")
        continue
      }
      switch answers[k] {
      case .entry(let e):
        entry[i] = mixed ? own.append(entry: Int(e), of: shared) : e
      case .record(let record):
        switch ModelOutputCheck.check(record, model: model.name) {
        case .success(let checked): entry[i] = own.append(checked)
        case .failure(let e): errors[i] = InputError(node: step.nodeId, message: e.message)
        }
      case .failure(let e):
        errors[i] = InputError(node: step.nodeId, message: e.message)
      }
    }
    let store = mixed ? own : shared
    for i in inputs.indices where entry[i] >= 0 {
      let e = Int(entry[i])
      modelRegions[i] += store.regionCount(e)
      if sizes[i] == nil, let w = store.image[e]?.width, let h = store.image[e]?.height { sizes[i] = (w, h) }
    }
    return ModelColumns(store, entry: entry)
  }

  private mutating func apply(
    _ operation: ColumnPlan.Operation, node: String, _ input: RowSet, _ c: ModelColumns,
    _ written: inout ColumnWrites
  ) -> RowSet {
    var out = input
    switch operation {
    case .keep:
      break
    case .regionThreshold(let t):
      ColumnKernels.thresholdRegions(c, c.thresholds(t), t.comparator, &out.alive)
    case .conceptThreshold(let t):
      ColumnKernels.thresholdConcepts(c, c.thresholds(t), t.comparator, &out.alive)
    case .sample(let s):
      for i in inputs.indices {
        let range = Int(c.inputStart[i])..<Int(c.inputStart[i + 1])
        guard out.alive[range].contains(true), !s.keeps(inputId: inputs[i].id, nodeId: node) else { continue }
        for r in range { out.alive[r] = false }
      }
    case .write(let w):
      let writer = Int32(written.writers.count)
      written.writers.append(ColumnAnnotations.Writer(node: node, writer: w))
      ColumnKernels.write(c, source: Int32(input.source), writer: writer, input.alive, errors, &written.rows)
    }
    return out
  }
}

/// The annotations a batch's writers wrote, as rows, per input.
struct ColumnWrites {
  var writers: [ColumnAnnotations.Writer] = []
  var rows: [[ColumnAnnotations.Row]]

  init(inputs: Int) {
    rows = [[ColumnAnnotations.Row]](repeating: [], count: inputs)
  }
}

/// The inner loops of the column evaluator: plain numbers, no records, no strings.
enum ColumnKernels {
  /// A region-thresholder: region rows stay when their confidence passes their concept's threshold.
  static func thresholdRegions(
    _ c: ModelColumns, _ thresholds: [Double], _ comparator: ValueComparator, _ alive: inout [Bool]
  ) {
    let cmp = comparator
    alive.withUnsafeMutableBufferPointer { a in
      c.store.rowRegion.withUnsafeBufferPointer { region in
        c.store.value.withUnsafeBufferPointer { value in
          c.store.key.withUnsafeBufferPointer { key in
            thresholds.withUnsafeBufferPointer { th in
              for i in 0..<c.inputCount where c.entry[i] >= 0 {
                let local = Int(c.inputStart[i])
                let offset = c.firstStoreRow(i) - local
                for r in local..<Int(c.inputStart[i + 1]) where a[r] && region[r + offset] >= 0 {
                  a[r] = holds(cmp, value[r + offset], th[Int(key[r + offset])])
                }
              }
            }
          }
        }
      }
    }
  }

  /// A concept-thresholder: input-level concept rows stay when they pass; an input left with none
  /// (or that had none) is removed with all its rows.
  static func thresholdConcepts(
    _ c: ModelColumns, _ thresholds: [Double], _ comparator: ValueComparator, _ alive: inout [Bool]
  ) {
    for i in 0..<c.inputCount {
      var any = false
      let offset = c.firstStoreRow(i) - Int(c.inputStart[i])
      let concepts = c.conceptStart(i)
      for r in concepts..<Int(c.inputStart[i + 1]) where alive[r] {
        let kept = holds(comparator, c.store.value[r + offset], thresholds[Int(c.store.key[r + offset])])
        alive[r] = kept
        any = any || kept
      }
      if !any {
        for r in Int(c.inputStart[i])..<concepts { alive[r] = false }
      }
    }
  }

  /// A writer: a row per surviving prediction of each input that has not failed, in row order.
  static func write(
    _ c: ModelColumns, source: Int32, writer: Int32, _ alive: [Bool], _ errors: [InputError?],
    _ rows: inout [[ColumnAnnotations.Row]]
  ) {
    c.store.key.withUnsafeBufferPointer { key in
      for i in 0..<c.inputCount where errors[i] == nil && c.entry[i] >= 0 {
        let local = Int(c.inputStart[i])
        let offset = c.firstStoreRow(i) - local
        for r in local..<Int(c.inputStart[i + 1]) where alive[r] {
          rows[i].append(
            ColumnAnnotations.Row(
              writer: writer, source: source, row: Int32(r + offset), key: key[r + offset]))
        }
      }
    }
  }

  /// `ValueComparator.passes`, inlined into the loops.
  @inline(__always)
  static func holds(_ comparator: ValueComparator, _ value: Double, _ threshold: Double) -> Bool {
    switch comparator {
    case .greaterThan: return value > threshold
    case .greaterThanOrEqual: return value >= threshold
    case .lessThan: return value < threshold
    case .lessThanOrEqual: return value <= threshold
    case .equal: return value == threshold
    }
  }
}
