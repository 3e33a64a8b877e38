import WeirCore

/// A `PipelineSpec` bound to a `PredictionTable`: steps as flat columns and thresholds as a
/// step × concept matrix, so the evaluator's inner loop touches only numbers.
struct BoundPipeline {
  enum Kind: UInt8 {
    case model = 0, regionThreshold, conceptThreshold, write
  }

  let spec: PipelineSpec
  let stepCount: Int
  let conceptCount: Int
  var kind: [UInt8] = []
  var parent: [Int] = []
  /// For model steps, the table's model index (-1 when the table has no outputs for that node).
  var model: [Int32] = []
  var comparison: [UInt8] = []
  /// `thresholds[step * conceptCount + concept]`; NaN when the step has no threshold for the concept
  /// (every comparison with NaN is false, so such concepts are removed, as documented).
  var thresholds: [Double] = []
  /// For writer steps, the writer's ordinal; -1 otherwise.
  var writerOrdinal: [Int] = []
  /// Per writer: its step, node and status.
  var writers: [(step: Int, node: String, status: AnnotationStatus)] = []
  /// Bits of the writers that accept, and of those that send to review.
  var acceptMask: UInt64 = 0
  var reviewMask: UInt64 = 0

  /// The most steps and writers the evaluator's 64-bit masks hold.
  static let maxSteps = 64

  init?(_ spec: PipelineSpec, _ table: PredictionTable) {
    guard spec.steps.count <= Self.maxSteps else { return nil }
    self.spec = spec
    stepCount = spec.steps.count
    conceptCount = table.conceptIds.count
    thresholds = [Double](repeating: .nan, count: stepCount * conceptCount)
    for (s, step) in spec.steps.enumerated() {
      parent.append(step.parent ?? -1)
      var ordinal = -1
      var modelIndex: Int32 = -1
      var cmp = ValueComparator.greaterThan
      switch step.operation {
      case .model:
        kind.append(Kind.model.rawValue)
        modelIndex = table.modelNodes.firstIndex(of: step.node).map(Int32.init) ?? -1
      case .regionThreshold(let t), .conceptThreshold(let t):
        if case .regionThreshold = step.operation {
          kind.append(Kind.regionThreshold.rawValue)
        } else {
          kind.append(Kind.conceptThreshold.rawValue)
        }
        cmp = t.comparison
        bind(t, step: s, table)
      case .write(let status):
        kind.append(Kind.write.rawValue)
        ordinal = writers.count
        writers.append((s, step.node, status))
        switch PredictionBranch(status: status) {
        case .accepted: acceptMask |= 1 << UInt64(ordinal)
        case .review: reviewMask |= 1 << UInt64(ordinal)
        case .dropped: break
        }
      }
      model.append(modelIndex)
      comparison.append(UInt8(cmp.rawValue))
      writerOrdinal.append(ordinal)
    }
  }

  /// A concept's threshold is the one keyed by its id, else by its name, else the default
  /// (as the runtime's thresholders match them).
  private mutating func bind(_ t: PipelineSpec.Thresholds, step: Int, _ table: PredictionTable) {
    for c in 0..<conceptCount {
      if let value = t.perConcept[table.conceptIds[c]] ?? t.perConcept[table.conceptNames[c]] ?? t.fallback {
        thresholds[step * conceptCount + c] = value
      }
    }
  }

  /// The branch a set of writers puts a prediction in.
  @inline(__always)
  func branch(_ mask: UInt64) -> PredictionBranch {
    if mask & acceptMask != 0 { return .accepted }
    if mask & reviewMask != 0 { return .review }
    return .dropped
  }
}
