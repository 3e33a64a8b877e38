/// `object-counter`: counts the regions and writes the count into `metadata.object_count`, the
/// shape of Clarifai's real output (`"data": {"metadata": {"object_count": 8}}`).
///
/// With `concepts`, only regions holding at least one of them are counted ("regions that match this
/// model's active concepts"); without, every region. The rest of the data passes through. `weir run`
/// stores the count of every input (`InputOutcome.counts`), so the step runs even when no node
/// reads it.
public struct ObjectCounter: Operator, Hashable {
  public var concepts: [String]?

  public init(concepts: [String]? = nil) {
    self.concepts = concepts
  }

  /// `concepts`: the concepts a counted region holds one of; every region when not given.
  public static func describe(_ p: some OperatorParamReader) throws(OperatorConfigError) -> OperatorDescriptor
  {
    .count(CountDescriptor(concepts: try p.strings("concepts")?.value))
  }

  public func apply(_ data: DataRecord, _ context: OperatorContext, _ annotations: inout [AnnotationRecord])
    -> DataRecord?
  {
    var out = data
    out.metadata["object_count"] = .number(Double(count(data)))
    return out
  }

  /// The run stores each input's count.
  public var recordsCount: Bool { true }

  public func count(_ data: DataRecord) -> Int {
    guard let wanted = concepts else { return data.regions.count }
    return data.regions.count { region in
      region.concepts.contains { wanted.contains($0.id) || wanted.contains($0.name) }
    }
  }
}
