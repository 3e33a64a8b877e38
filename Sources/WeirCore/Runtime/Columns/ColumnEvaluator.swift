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
  /// annotations, errors, region counts and sizes; step outputs are not kept (that needs records).
  mutating func runColumns(_ columnPlan: ColumnPlan, _ backends: [any ModelBackend], cache: ModelCache?) async
  {
    var columns: [ModelColumns] = []
    var rows = [RowSet?](repeating: nil, count: plan.steps.count)
    for step in columnPlan.steps {
      switch step {
      case .model(let s, let m):
        await callModel(s, backends[m], plan.models[m], cache: cache)
        let c = ModelColumns(outputs[s.index])
        outputs[s.index] = []  // the columns hold the records now
        rows[s.index] = RowSet(source: columns.count, alive: [Bool](repeating: true, count: c.rowCount))
        columns.append(c)
      case .reuse(let index, let twin):
        rows[index] = rows[twin]
      case .apply(let index, let node, let parent, let operation):
        guard let input = rows[parent] else { continue }
        rows[index] = apply(operation, node: node, input, columns[input.source])
      }
    }
  }

  private mutating func apply(
    _ operation: ColumnPlan.Operation, node: String, _ input: RowSet, _ c: ModelColumns
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
      write(w, node: node, c, input.alive)
    }
    return out
  }

  /// Appends a writer's annotations for the rows that reach it, in the writer's order.
  private mutating func write(_ w: AnnotationWriter, node: String, _ c: ModelColumns, _ alive: [Bool]) {
    let status = w.status.rawValue
    for i in inputs.indices where errors[i] == nil {
      guard let record = c.records[i] else { continue }
      let inputId = inputs[i].id
      for r in Int(c.inputStart[i])..<Int(c.inputStart[i + 1]) where alive[r] {
        let k = Int(c.position[r])
        let regionIndex = Int(c.region[r])
        let region = regionIndex >= 0 ? record.regions[regionIndex] : nil
        let concept = region?.concepts[k] ?? record.concepts[k]
        annotations[i].append(
          AnnotationRecord(
            workflowId: plan.workflowId, nodeId: node, inputId: inputId, regionId: region?.id ?? "",
            box: region?.boundingBox, conceptId: concept.id, conceptName: concept.name,
            confidence: concept.value, status: status, userId: w.userId, taskId: w.taskId))
      }
    }
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
      c.region.withUnsafeBufferPointer { region in
        c.value.withUnsafeBufferPointer { value in
          c.key.withUnsafeBufferPointer { key in
            thresholds.withUnsafeBufferPointer { th in
              for r in 0..<a.count where a[r] && region[r] >= 0 {
                a[r] = holds(cmp, value[r], th[Int(key[r])])
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
    for i in 0..<(c.inputStart.count - 1) {
      var any = false
      for r in Int(c.conceptStart[i])..<Int(c.inputStart[i + 1]) where alive[r] {
        let kept = holds(comparator, c.value[r], thresholds[Int(c.key[r])])
        alive[r] = kept
        any = any || kept
      }
      if !any {
        for r in Int(c.inputStart[i])..<Int(c.conceptStart[i]) { alive[r] = false }
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
