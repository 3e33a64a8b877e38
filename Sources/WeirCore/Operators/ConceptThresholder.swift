/// `concept-thresholder`: keeps the image-level concepts whose confidence passes their threshold;
/// when none is left the data point is removed from the branch (reference §3.3, Filter).
public struct ConceptThresholder: Operator, Hashable {
  public var thresholds: ConceptThresholds

  public init(thresholds: ConceptThresholds) {
    self.thresholds = thresholds
  }

  /// A threshold over the input-level concepts.
  public static func describe(_ p: some OperatorParamReader) throws(OperatorConfigError) -> OperatorDescriptor
  {
    .threshold(try ThresholdDescriptor(reading: p, scope: .concepts))
  }

  public func apply(_ data: DataRecord, _ context: OperatorContext, _ annotations: inout [AnnotationRecord])
    -> DataRecord?
  {
    guard !data.concepts.isEmpty else { return nil }
    guard let kept = thresholds.filter(data.concepts) else { return data }
    if kept.isEmpty { return nil }
    var out = data
    out.concepts = kept
    return out
  }
}
