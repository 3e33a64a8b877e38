/// The operator steps of a compiled plan run over model columns already in hand: one loop per
/// step over the rows that reach it. `weir run` (a batch at a time, writers noting annotation
/// rows) and the REPL (every input of a session, writers setting a bit per prediction) both
/// evaluate through this pass; only what a writer does with its rows differs (`ColumnWriteSink`).
struct ColumnPass {
  let plan: ColumnPlan
  /// The inputs the columns' entries belong to, in order (a sample draws by input id).
  let inputs: [InputItem]
  /// Each model step's columns, in the order the plan's model steps come.
  let columns: [ModelColumns]

  /// Runs every step; returns the rows that reached each step (by plan step index) when `keep`,
  /// else only what the writers were given.
  @discardableResult
  func run<Sink: ColumnWriteSink>(stepCount: Int, into sink: inout Sink, keep: Bool = false) -> [RowSet?] {
    var rows = [RowSet?](repeating: nil, count: stepCount)
    var nextModel = 0
    for step in plan.steps {
      switch step {
      case .model(let s, _):
        guard nextModel < columns.count else { continue }
        let c = columns[nextModel]
        rows[s.index] = RowSet(
          source: nextModel, alive: [Bool](repeating: true, count: c.rowCount),
          reached: c.entry.map { $0 >= 0 })
        nextModel += 1
      case .reuse(let index, let twin):
        rows[index] = rows[twin]
      case .apply(let index, let node, let parent, let operation):
        guard let input = rows[parent] else { continue }
        rows[index] = apply(operation, node: node, input, &sink)
      }
    }
    return keep ? rows : []
  }

  private func apply<Sink: ColumnWriteSink>(
    _ operation: ColumnPlan.Operation, node: String, _ input: RowSet, _ sink: inout Sink
  ) -> RowSet {
    var out = input
    let c = columns[input.source]
    switch operation {
    case .keep:
      break
    case .regionThreshold(let t):
      ColumnKernels.thresholdRegions(c, c.thresholds(t), t.comparator, &out.alive)
    case .conceptThreshold(let t):
      ColumnKernels.thresholdConcepts(c, c.thresholds(t), t.comparator, &out.alive, &out.reached)
    case .sample(let s):
      for i in 0..<min(inputs.count, c.inputCount) where out.reached[i] {
        guard !s.keeps(inputId: inputs[i].id, nodeId: node) else { continue }
        out.reached[i] = false
        for r in Int(c.inputStart[i])..<Int(c.inputStart[i + 1]) { out.alive[r] = false }
      }
    case .write(let w):
      sink.write(w, node: node, source: input.source, input.alive, c)
    case .count(let counter, let filtered):
      sink.count(node: node, ColumnKernels.count(counter, regionsFiltered: filtered, c, input))
    }
    return out
  }
}

/// What a writer step does with the rows that reach it.
protocol ColumnWriteSink {
  /// Rows `alive` of `columns` (model step `source`) reached writer `writer` at node `node`.
  mutating func write(
    _ writer: AnnotationWriter, node: String, source: Int, _ alive: [Bool], _ columns: ModelColumns)
  /// An object-counter at node `node` counted `counts[i]` regions on input `i` (-1: the input did
  /// not reach it).
  mutating func count(node: String, _ counts: [Int])
}

extension ColumnWriteSink {
  mutating func count(node: String, _ counts: [Int]) {}
}

/// The rows that reach a step: the columns they come from and which of their rows are still there.
///
/// Every operator with a column form only removes rows (a region's concept, an input's concept, a
/// whole input), so a step's data is its model's rows with a mask; a region with no row left is a
/// region the thresholder dropped, and an input with no row left writes nothing further down.
struct RowSet {
  /// An index into the pass's model columns.
  var source: Int
  var alive: [Bool]
  /// Per input: whether its data reaches the step (it may have no rows: a model that found
  /// nothing, a region-thresholder that kept nothing); what an object-counter counts on.
  var reached: [Bool]
}
