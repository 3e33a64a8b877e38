/// `top-k-regions` (weir's extension): keeps the `k` most confident regions of each input.
///
/// A region's confidence is its top concept's; equal confidences keep their order in the data, so
/// the result is the same on every run. The kept regions keep their order; confidences pass through.
public struct TopKRegions: Operator, Hashable {
  public var k: Int

  public init(k: Int) {
    self.k = k
  }

  /// `k`, a whole number from 0 (required).
  public init(params p: OperatorParams) throws(OperatorConfigError) {
    guard let k = try p.number("k")?.value else { throw OperatorConfigError("top-k-regions needs 'k'") }
    guard k >= 0, k < 0x1p31, k == k.rounded() else {
      throw OperatorConfigError("'k' must be a whole number from 0, not \(NumberText.format(k))")
    }
    self.init(k: Int(k))
  }

  public func apply(_ data: DataRecord, _ context: OperatorContext, _ annotations: inout [AnnotationRecord])
    -> DataRecord?
  {
    guard data.regions.count > k else { return data }
    let kept = Set(RegionScore.ranked(data.regions).prefix(k))
    var out = data
    out.regions = data.regions.indices.filter { kept.contains($0) }.map { data.regions[$0] }
    return out
  }
}
