import WeirCore

/// What `sweep` answers: per value, where the predictions went and, with ground truth, how good
/// the accepted ones are.
public struct SweepResult: Sendable {
  /// One value of the sweep.
  public struct Point: Equatable, Sendable {
    public var value: Double
    public var accepted: Int
    public var review: Int
    public var dropped: Int
    /// Per writer node, what it wrote.
    public var perWriter: [String: Int]
    public var truth: TruthScore?

    public init(
      value: Double, accepted: Int, review: Int, dropped: Int, perWriter: [String: Int] = [:],
      truth: TruthScore? = nil
    ) {
      self.value = value
      self.accepted = accepted
      self.review = review
      self.dropped = dropped
      self.perWriter = perWriter
      self.truth = truth
    }

    public var total: Int { accepted + review + dropped }

    public func count(_ branch: PredictionBranch) -> Int {
      switch branch {
      case .accepted: return accepted
      case .review: return review
      case .dropped: return dropped
      }
    }
  }

  /// The var or `NODE.PARAM` swept, as the user wrote it.
  public var target: String
  public var points: [Point]
  /// The value in force before the sweep (the sweep does not change it).
  public var currentValue: Double?
  /// The IoU used to match true objects, when there is ground truth.
  public var iou: Double?
  public var inputs: Int
  public var predictions: Int
  public var elapsed: Double

  public init(
    target: String, points: [Point], currentValue: Double? = nil, iou: Double? = nil, inputs: Int,
    predictions: Int,
    elapsed: Double = 0
  ) {
    self.target = target
    self.points = points
    self.currentValue = currentValue
    self.iou = iou
    self.inputs = inputs
    self.predictions = predictions
    self.elapsed = elapsed
  }

  public var values: [Double] { points.map(\.value) }
  public var hasTruth: Bool { points.contains { $0.truth != nil } }
}
