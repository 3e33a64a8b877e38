import WeirCore

/// What `run` answers: the counts of one run, and those of the run before it to compare with.
public struct ReplRunReport: Sendable {
  /// 1 for the session's first run.
  public var number: Int
  public var inputs: Int
  public var regions: Int
  public var predictions: Int
  public var writers: [RunWriter]
  /// Concept ids seen in the model outputs, in first-seen order.
  public var concepts: [String]
  public var tally: RunBreakdown
  /// The previous run's counts, when there was one.
  public var previous: RunBreakdown?
  public var truth: TruthScore?
  public var previousTruth: TruthScore?
  /// The settings in force, as `name = value` lines.
  public var settings: [String]
  /// Wall-clock seconds the run took.
  public var elapsed: Double
  /// Lines said under the counts: how the run was made (the interpreter and why), failures.
  public var notes: [String] = []

  /// What a writer wrote, over all concepts.
  public func written(by writer: String) -> Int { tally.total(writer: writer) }
}
