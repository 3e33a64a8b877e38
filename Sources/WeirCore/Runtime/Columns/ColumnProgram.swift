/// A plan compiled for the column evaluator, for a caller that holds the models' answers itself
/// (the REPL's session): every input at once, each writer setting its bit on the predictions it
/// writes, and one input's predictions followed step by step (`explain`). The same pass
/// (`ColumnPass`) as `weir run`'s batches, so the two cannot disagree.
public struct ColumnProgram: Sendable {
  let plan: ExecutionPlan
  let compiled: ColumnPlan

  /// The most writers a prediction's bits hold.
  public static let maxWriters = 64

  /// The program, or why the plan needs the general interpreter.
  public static func compile(_ plan: ExecutionPlan) -> Result<ColumnProgram, ColumnPlanUnsupported> {
    ColumnPlan.compile(plan).flatMap { compiled in
      let program = ColumnProgram(plan: plan, compiled: compiled)
      guard program.writers.count <= maxWriters else {
        return .failure(ColumnPlanUnsupported("more than \(maxWriters) annotation-writers"))
      }
      return .success(program)
    }
  }

  /// The model nodes whose columns `evaluate` and `trace` take, in that order.
  public var modelNodes: [String] {
    compiled.steps.compactMap { if case .model(let s, _) = $0 { return s.nodeId } else { return nil } }
  }

  /// The writers, in the order of their bits.
  public var writers: [(node: String, writer: AnnotationWriter)] {
    compiled.steps.compactMap {
      if case .apply(_, let node, _, .write(let w)) = $0 { return (node, w) } else { return nil }
    }
  }

  /// Every prediction through the plan: for each row of each model's columns (model `k`'s row `r`
  /// at `offsets[k] + r` of the answer, which has `rowCount` rows), the bits of the writers that
  /// wrote it. `columns` follow `modelNodes`; `inputs` are their entries' inputs, in order.
  public func evaluate(inputs: [InputItem], columns: [ModelColumns], offsets: [Int], rowCount: Int)
    -> [UInt64]
  {
    var bits = WriterBits(masks: [UInt64](repeating: 0, count: rowCount), offsets: offsets)
    ColumnPass(plan: compiled, inputs: inputs, columns: columns).run(stepCount: plan.steps.count, into: &bits)
    return bits.masks
  }

  /// One input's predictions step by step: `columns` (following `modelNodes`) hold that input
  /// alone.
  public func trace(_ input: InputItem, columns: [ModelColumns]) -> ColumnTrace {
    var bits = WriterBits(masks: [], offsets: [])
    let rows = ColumnPass(plan: compiled, inputs: [input], columns: columns).run(
      stepCount: plan.steps.count, into: &bits, keep: true)
    return ColumnTrace(program: self, columns: columns, rows: rows)
  }
}

/// Writers' bits per prediction.
struct WriterBits: ColumnWriteSink {
  var masks: [UInt64]
  let offsets: [Int]
  var next = 0

  mutating func write(
    _ writer: AnnotationWriter, node: String, source: Int, _ alive: [Bool], _ columns: ModelColumns
  ) {
    let bit = UInt64(1) << UInt64(next)
    next += 1
    guard !masks.isEmpty else { return }
    let base = offsets[source]
    masks.withUnsafeMutableBufferPointer { m in
      alive.withUnsafeBufferPointer { a in
        for r in 0..<a.count where a[r] { m[base + r] |= bit }
      }
    }
  }
}

/// What each step of a plan did with one input's predictions (`ColumnProgram.trace`).
public struct ColumnTrace: Sendable {
  let program: ColumnProgram
  let columns: [ModelColumns]
  let rows: [RowSet?]

  /// What one step did with a prediction.
  public enum Outcome: Equatable, Sendable {
    /// The model node gave it.
    case predicted
    /// A thresholder that does not look at predictions of its kind (a region-thresholder and an
    /// input-level concept) let it through.
    case passed
    /// A thresholder compared it with its concept's threshold.
    case compared(concept: String, value: Double, comparator: ValueComparator, threshold: Double, kept: Bool)
    /// A thresholder has no threshold for its concept, so it went.
    case noThreshold(concept: String)
    /// A concept-thresholder kept a region because a concept of the input passed, or removed it
    /// because none did.
    case gated(kept: Bool)
    /// A random-sample drew its input, or did not.
    case sampled(kept: Bool)
    /// A writer wrote it.
    case written(AnnotationStatus)
    /// The step passes everything on (a pass-through, an object-counter, a step the same as another).
    case unchanged
  }

  /// One step's outcome.
  public struct Step: Equatable, Sendable {
    public var node: String
    public var type: String
    public var outcome: Outcome
  }

  /// The steps row `row` of model `model`'s columns reached (rows numbered as in `ModelColumns`).
  public func steps(model: Int, row: Int) -> [Step] {
    var out: [Step] = []
    var k = 0
    let c = columns[model]
    let storeRow = c.firstStoreRow(0) - Int(c.inputStart[0]) + row
    for step in program.compiled.steps {
      switch step {
      case .model(let s, _):
        if k == model { out.append(Step(node: s.nodeId, type: s.type, outcome: .predicted)) }
        k += 1
      case .reuse(let index, _):
        guard let set = rows[index], set.source == model, set.alive[row] else { continue }
        let s = program.plan.steps[index]
        out.append(Step(node: s.nodeId, type: s.type, outcome: s.modelIndex != nil ? .predicted : .unchanged))
      case .apply(let index, let node, let parent, let operation):
        guard let input = rows[parent], input.source == model, input.alive[row] else { continue }
        let kept = rows[index]?.alive[row] ?? false
        let type = program.plan.steps[index].type
        out.append(Step(node: node, type: type, outcome: outcome(operation, c, storeRow, kept)))
      }
    }
    return out
  }

  private func outcome(_ operation: ColumnPlan.Operation, _ c: ModelColumns, _ storeRow: Int, _ kept: Bool)
    -> Outcome
  {
    let isRegion = c.store.rowRegion[storeRow] >= 0
    switch operation {
    case .regionThreshold(let t):
      return isRegion ? compare(t, c, storeRow, kept) : .passed
    case .conceptThreshold(let t):
      return isRegion ? .gated(kept: kept) : compare(t, c, storeRow, kept)
    case .sample: return .sampled(kept: kept)
    case .write(let w): return .written(w.status)
    case .keep, .count: return .unchanged
    }
  }

  private func compare(_ t: ConceptThresholds, _ c: ModelColumns, _ storeRow: Int, _ kept: Bool) -> Outcome {
    let concept = c.store.concept(storeRow)
    guard let threshold = t.threshold(for: concept) else { return .noThreshold(concept: concept.id) }
    return .compared(
      concept: concept.id, value: concept.value, comparator: t.comparator, threshold: threshold, kept: kept)
  }
}
