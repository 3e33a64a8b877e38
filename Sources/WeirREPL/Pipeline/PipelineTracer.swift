import WeirCore

/// Follows one prediction through a bound pipeline, saying at each node what happened and why:
/// the slow, talkative twin of `PipelineEvaluator` that `explain` uses.
enum PipelineTracer {
  static func trace(_ p: BoundPipeline, _ table: PredictionTable, row: Int) -> (
    steps: [Explanation.Step], writers: UInt64
  ) {
    let c = Int(table.rowConcept[row])
    let concept = table.conceptIds[c]
    let v = table.rowValue[row]
    let isRegion = table.rowRegion[row] >= 0
    var alive: UInt64 = 0
    var written: UInt64 = 0
    var steps: [Explanation.Step] = []
    for s in 0..<p.stepCount {
      let node = p.spec.steps[s].node
      let kind = BoundPipeline.Kind(rawValue: p.kind[s])!
      if kind == .model {
        if p.model[s] == table.rowModel[row] {
          alive |= 1 << UInt64(s)
          steps.append(.init(node: node, outcome: .predicted))
        }
        continue
      }
      guard alive & (1 << UInt64(p.parent[s])) != 0 else { continue }
      switch kind {
      case .regionThreshold, .conceptThreshold:
        if isRegion != (kind == .regionThreshold) {
          alive |= 1 << UInt64(s)
          steps.append(.init(node: node, outcome: .passed))
          continue
        }
        let threshold = p.thresholds[s * p.conceptCount + c]
        let comparison = ValueComparator(rawValue: Int(p.comparison[s]))!
        let test =
          "\(concept) \(ReplFormat.confidence(v, against: threshold)) \(comparison.symbol) \(ReplFormat.confidence(threshold))"
        if threshold.isNaN {
          steps.append(.init(node: node, outcome: .removed("no threshold for '\(concept)'")))
        } else if comparison.passes(v, threshold: threshold) {
          alive |= 1 << UInt64(s)
          steps.append(.init(node: node, outcome: .kept(test)))
        } else {
          steps.append(.init(node: node, outcome: .removed("\(test) is false")))
        }
      case .write:
        alive |= 1 << UInt64(s)
        written |= 1 << UInt64(p.writerOrdinal[s])
        steps.append(.init(node: node, outcome: .written(p.writers[p.writerOrdinal[s]].status)))
      case .model:
        continue
      }
    }
    return (steps, written)
  }
}
