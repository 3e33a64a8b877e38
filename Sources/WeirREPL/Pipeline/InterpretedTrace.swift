import WeirCore

/// Follows one prediction through the interpreter's kept step outputs: where it was present, and
/// the step at which it disappeared (without the column evaluator's reasons: the interpreter does not say).
enum InterpretedTrace {
  /// The steps of row `row` of a one-input table that the interpreter ran with kept outputs.
  static func steps(_ run: InterpretedRun, _ table: PredictionTable, row: Int) -> [Explanation.Step] {
    guard let result = run.results.first else { return [] }
    let region = table.isRegion(row) ? table.regionId(ofRow: row) : nil
    let concept = table.conceptIds[table.concept(ofRow: row)]
    let model = table.modelNodes[table.model(ofRow: row)]
    func present(_ step: Int) -> Bool {
      guard step < result.outputs.count, let data = result.outputs[step] else { return false }
      if let region {
        return data.regions.contains { $0.id == region && $0.concepts.contains { $0.id == concept } }
      }
      return data.concepts.contains { $0.id == concept }
    }
    var here = [Bool](repeating: false, count: run.plan.steps.count)
    var steps: [Explanation.Step] = []
    for step in run.plan.steps {
      let reached = step.inputs.contains { input in
        if case .step(let i) = input { return here[i] }
        return false
      }
      if step.modelIndex != nil || step.inputs == [.workflowInput] {
        here[step.index] = step.nodeId == model && present(step.index)
        if here[step.index] { steps.append(.init(node: step.nodeId, outcome: .predicted)) }
        continue
      }
      guard reached else { continue }
      here[step.index] = present(step.index)
      let written = result.annotations.contains {
        $0.nodeId == step.nodeId && $0.conceptId == concept && $0.regionId == (region ?? "")
      }
      let outcome: Explanation.Outcome =
        written
        ? .written(run.writers.first { $0.node == step.nodeId }?.status ?? .pending)
        : here[step.index] ? .kept("by \(step.type)") : .removed("by \(step.type)")
      steps.append(.init(node: step.nodeId, outcome: outcome))
    }
    return steps
  }
}
