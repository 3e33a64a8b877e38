/// An execution plan compiled for column-wise evaluation: each live operator step as the tight loop
/// its kind allows, over the rows of the model step its data comes from.
///
/// A plan compiles when every live model step reads the workflow input and every live operator
/// reads exactly one step and is one of the operators with a column form (region- and
/// concept-thresholder, annotation-writer, random-sample, object-counter, pass-through). Anything
/// else (an image-crop, a synonym mapper, a join, a model after an operator) leaves the plan to the
/// general interpreter, which gives the same answers record by record.
struct ColumnPlan: Sendable {
  /// What an operator step does to the rows that reach it.
  enum Operation: Sendable {
    /// Keeps region rows that pass; input-level concept rows go on untouched.
    case regionThreshold(ConceptThresholds)
    /// Keeps input-level concept rows that pass; an input with none left loses all its rows.
    case conceptThreshold(ConceptThresholds)
    /// Keeps an input's rows when the sample draws it.
    case sample(RandomSample)
    /// Writes the rows that reach it; they go on.
    case write(AnnotationWriter)
    /// Counts the regions of each input that reaches it (`regionsFiltered`: a region-thresholder
    /// upstream has dropped the regions it left without a concept); rows go on unchanged.
    case count(ObjectCounter, regionsFiltered: Bool)
    /// Rows go on unchanged (a pass-through).
    case keep
  }

  /// A step of the plan as the column evaluator runs it.
  enum Step: Sendable {
    /// A model call: its output becomes a new set of columns.
    case model(PlanStep, model: Int)
    /// The same rows as an earlier step.
    case reuse(index: Int, twin: Int)
    /// An operator over the rows of step `parent`.
    case apply(index: Int, node: String, parent: Int, Operation)
  }

  /// Live steps in plan order.
  let steps: [Step]

  /// The compiled plan, or why the plan needs the general interpreter.
  static func compile(_ plan: ExecutionPlan) -> Result<ColumnPlan, ColumnPlanUnsupported> {
    var steps: [Step] = []
    // Per step: whether a region-thresholder lies on the way to it.
    var filtered = [Bool](repeating: false, count: plan.steps.count)
    for step in plan.steps where step.isLive {
      switch step.action {
      case .model(let m):
        guard step.inputs == [.workflowInput] else {
          return .failure(ColumnPlanUnsupported("model node '\(step.nodeId)' reads another node"))
        }
        steps.append(.model(step, model: m))
      case .reuse(let twin):
        steps.append(.reuse(index: step.index, twin: twin))
        filtered[step.index] = filtered[twin]
      case .operator(let op):
        guard step.inputs.count == 1, case .step(let parent) = step.inputs[0] else {
          return .failure(ColumnPlanUnsupported("'\(step.nodeId)' does not read exactly one node"))
        }
        guard var operation = operation(op) else {
          return .failure(ColumnPlanUnsupported("'\(step.nodeId)' (\(step.type)) has no column form"))
        }
        if case .count(let counter, _) = operation {
          operation = .count(counter, regionsFiltered: filtered[parent])
        }
        if case .regionThreshold = operation {
          filtered[step.index] = true
        } else {
          filtered[step.index] = filtered[parent]
        }
        steps.append(.apply(index: step.index, node: step.nodeId, parent: parent, operation))
      }
    }
    return .success(ColumnPlan(steps: steps))
  }

  /// The column form of a runtime operator; `nil` when it has none.
  private static func operation(_ op: any Operator) -> Operation? {
    switch op {
    case let t as RegionThresholder: return .regionThreshold(t.thresholds)
    case let t as ConceptThresholder: return .conceptThreshold(t.thresholds)
    case let s as RandomSample: return .sample(s)
    case let w as AnnotationWriter: return .write(w)
    case let c as ObjectCounter: return .count(c, regionsFiltered: false)
    case is PassThrough: return .keep
    default: return nil
    }
  }
}

/// Why a plan runs on the general interpreter instead of the column evaluator.
public struct ColumnPlanUnsupported: Error, Equatable, Sendable {
  public var reason: String

  public init(_ reason: String) {
    self.reason = reason
  }
}
