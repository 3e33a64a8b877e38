extension BatchState {
  /// Runs a compiled plan on the batch: model steps as the interpreter calls them (batched,
  /// cached, checked), then each operator as one loop over its rows (`ColumnPass`). Gives the
  /// interpreter's annotations (as rows of the columns, `ColumnAnnotations`), errors, region counts
  /// and sizes; step outputs are not kept (that needs records).
  mutating func runColumns(_ columnPlan: ColumnPlan, _ backends: [any ModelBackend], cache: ModelCache?) async
  {
    // Every model step reads the workflow input (or the plan would not compile), so all of them
    // can be asked before any operator runs; a failed input writes nothing either way.
    var columns: [ModelColumns] = []
    for case .model(let s, let m) in columnPlan.steps {
      columns.append(await modelColumns(s, backends[m], plan.models[m], cache: cache))
    }
    var written = ColumnWrites(inputs: inputs.count, errors: errors)
    ColumnPass(plan: columnPlan, inputs: inputs, columns: columns).run(
      stepCount: plan.steps.count, into: &written)
    let sources = ColumnAnnotations.Sources(
      workflowId: plan.workflowId, writers: written.writers, columns: columns.map(\.store))
    columnAnnotations = written.rows.map { ColumnAnnotations(sources: sources, rows: $0) }
    counts = written.counts
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
}

/// The annotations a batch's writers wrote, as rows, per input, and what its object-counters
/// counted.
struct ColumnWrites: ColumnWriteSink {
  var writers: [ColumnAnnotations.Writer] = []
  var rows: [[ColumnAnnotations.Row]]
  var counts: [[NodeCount]]
  /// Inputs that failed write nothing.
  let errors: [InputError?]

  init(inputs: Int, errors: [InputError?]) {
    rows = [[ColumnAnnotations.Row]](repeating: [], count: inputs)
    counts = [[NodeCount]](repeating: [], count: inputs)
    self.errors = errors
  }

  mutating func count(node: String, _ n: [Int]) {
    for i in n.indices where n[i] >= 0 { counts[i].append(NodeCount(nodeId: node, count: n[i])) }
  }

  mutating func write(
    _ writer: AnnotationWriter, node: String, source: Int, _ alive: [Bool], _ columns: ModelColumns
  ) {
    let w = Int32(writers.count)
    writers.append(ColumnAnnotations.Writer(node: node, writer: writer))
    ColumnKernels.write(columns, source: Int32(source), writer: w, alive, errors, &rows)
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
    _ c: ModelColumns, _ thresholds: [Double], _ comparator: ValueComparator, _ alive: inout [Bool],
    _ reached: inout [Bool]
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
        reached[i] = false
        for r in Int(c.inputStart[i])..<concepts { alive[r] = false }
      }
    }
  }

  /// An object-counter: per input that reaches it, its regions (those holding one of the
  /// counter's concepts, when it names some); -1 for the others. Once a region-thresholder has run,
  /// a region is there while one of its rows is.
  static func count(_ counter: ObjectCounter, regionsFiltered: Bool, _ c: ModelColumns, _ rows: RowSet)
    -> [Int]
  {
    let wanted = counter.concepts.map { names in
      c.store.keys.map { names.contains($0.id) || names.contains($0.name) }
    }
    var counts = [Int](repeating: -1, count: c.inputCount)
    for i in 0..<c.inputCount where rows.reached[i] {
      let e = Int(c.entry[i])
      guard e >= 0 else { continue }
      if !regionsFiltered && wanted == nil {
        counts[i] = c.store.regionCount(e)
        continue
      }
      var n = 0
      var last: Int32 = -1
      let offset = c.firstStoreRow(i) - Int(c.inputStart[i])
      for r in Int(c.inputStart[i])..<c.conceptStart(i) where rows.alive[r] {
        let region = c.store.rowRegion[r + offset]
        guard region != last, wanted?[Int(c.store.key[r + offset])] ?? true else { continue }
        last = region
        n += 1
      }
      counts[i] = n
    }
    return counts
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
