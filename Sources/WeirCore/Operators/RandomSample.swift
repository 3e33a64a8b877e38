/// `random-sample`: passes an input on with probability `keep_fraction` (reference §3.3, Filter:
/// "if keep_fraction > rand() then output this input").
///
/// The draw is a hash of the input id, the node id and an optional seed, not a random number
/// generator: the same input takes the same path on every run, so re-running or resuming a run
/// writes the same annotations, and two random-sample nodes draw independently.
public struct RandomSample: Operator, Hashable {
  public var keepFraction: Double
  public var seed: UInt64

  public init(keepFraction: Double, seed: UInt64 = 0) {
    self.keepFraction = keepFraction
    self.seed = seed
  }

  /// `keep_fraction` (required, in [0, 1]) and `seed` (a whole number from 0; 0 when not given).
  public static func describe(_ p: some OperatorParamReader) throws(OperatorConfigError) -> OperatorDescriptor
  {
    var fraction = try p.number("keep_fraction")
    if fraction == nil {
      try p.reject(OperatorConfigError("random-sample needs 'keep_fraction'"))
    } else if let f = fraction?.value, !(0...1).contains(f) {
      try p.reject(OperatorConfigError("'keep_fraction' must be between 0 and 1, not \(f)"))
      fraction = nil
    }
    var seed: Sourced<UInt64>?
    if let s = try p.number("seed") {
      if s.value >= 0, s.value < 0x1p63, s.value == s.value.rounded() {
        seed = s.map { UInt64($0) }
      } else {
        try p.reject(OperatorConfigError("'seed' must be a whole number from 0, not \(s.value)"))
      }
    }
    return .sample(SampleDescriptor(keepFraction: fraction, seed: seed))
  }

  public func apply(_ data: DataRecord, _ context: OperatorContext, _ annotations: inout [AnnotationRecord])
    -> DataRecord?
  {
    keeps(inputId: context.input.id, nodeId: context.nodeId) ? data : nil
  }

  /// Whether this input is kept at this node.
  public func keeps(inputId: String, nodeId: String) -> Bool {
    keepFraction > Self.draw(inputId: inputId, nodeId: nodeId, seed: seed)
  }

  /// The input's number in [0, 1) at a node.
  public static func draw(inputId: String, nodeId: String, seed: UInt64) -> Double {
    var h = StableHash()
    h.combine(inputId)
    h.combine(nodeId)
    h.combine(seed)
    return h.unitInterval
  }
}
