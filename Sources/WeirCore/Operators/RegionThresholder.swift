/// `region-thresholder`: keeps, inside each region, the concepts whose confidence passes that
/// concept's threshold; a region with no concept left is dropped (reference §3.3, Filter).
///
/// The data point itself always goes on, possibly with no regions, so an object-counter downstream
/// still says 0.
public struct RegionThresholder: Operator, Hashable {
  public var thresholds: ConceptThresholds

  public init(thresholds: ConceptThresholds) {
    self.thresholds = thresholds
  }

  /// A threshold over the concepts inside regions.
  public static func describe(_ p: some OperatorParamReader) throws(OperatorConfigError) -> OperatorDescriptor
  {
    .threshold(try ThresholdDescriptor(reading: p, scope: .regions))
  }

  public func apply(_ data: DataRecord, _ context: OperatorContext, _ annotations: inout [AnnotationRecord])
    -> DataRecord?
  {
    filter(data)
  }

  /// The hot path of auto-annotation. A region whose concepts all pass is copied as is (no
  /// allocation); the output array is built only once the first region changes.
  public func filter(_ data: DataRecord) -> DataRecord {
    let regions = data.regions
    var kept = [Region]()
    var changed = false
    for i in regions.indices {
      let concepts = regions[i].concepts
      let filtered = concepts.isEmpty ? [] : thresholds.filter(concepts)
      if filtered == nil {
        if changed { kept.append(regions[i]) }
        continue
      }
      if !changed {
        changed = true
        kept.reserveCapacity(regions.count)
        kept.append(contentsOf: regions[..<i])
      }
      if let f = filtered, !f.isEmpty {
        var r = regions[i]
        r.concepts = f
        kept.append(r)
      }
    }
    guard changed else { return data }
    var out = data
    out.regions = kept
    return out
  }
}
