/// A run's counts keyed by name: per writer node and per branch, predictions per concept id.
///
/// Keyed by names (not table indices) so that two runs compare even when a `reload` changed the
/// graph or the concepts in between.
public struct RunTally: Equatable, Sendable {
  public var byWriter: [String: [String: Int]] = [:]
  public var byBranch: [PredictionBranch: [String: Int]] = [:]

  public init() {}

  init(_ counts: RunCounts, writers: [String], concepts: [String]) {
    for (w, node) in writers.enumerated() {
      byWriter[node, default: [:]].merge(Dictionary(uniqueKeysWithValues: zip(concepts, counts.perWriter[w])))
      { $0 + $1 }
    }
    for branch in PredictionBranch.allCases {
      byBranch[branch] = Dictionary(
        uniqueKeysWithValues: zip(concepts, counts.perBranch[Int(branch.rawValue)]))
    }
  }

  public func count(writer: String, concept: String) -> Int { byWriter[writer]?[concept] ?? 0 }
  public func total(writer: String) -> Int { byWriter[writer]?.values.reduce(0, +) ?? 0 }
  public func count(_ branch: PredictionBranch, concept: String) -> Int { byBranch[branch]?[concept] ?? 0 }
  public func total(_ branch: PredictionBranch) -> Int { byBranch[branch]?.values.reduce(0, +) ?? 0 }
}

/// A writer of a run: its node and the status it writes.
public struct RunWriter: Equatable, Sendable {
  public var node: String
  public var status: AnnotationStatus

  public init(node: String, status: AnnotationStatus) {
    self.node = node
    self.status = status
  }
}

/// What `run` answers: the counts of one run, and those of the run before it to compare with.
public struct RunReport: Sendable {
  /// 1 for the session's first run.
  public var number: Int
  public var inputs: Int
  public var regions: Int
  public var predictions: Int
  public var writers: [RunWriter]
  /// Concept ids seen in the model outputs, in first-seen order.
  public var concepts: [String]
  public var tally: RunTally
  /// The previous run's counts, when there was one.
  public var previous: RunTally?
  public var truth: TruthScore?
  public var previousTruth: TruthScore?
  /// The settings in force, as `name = value` lines.
  public var settings: [String]
  /// Wall-clock seconds the run took.
  public var elapsed: Double

  /// What a writer wrote, over all concepts.
  public func written(by writer: String) -> Int { tally.total(writer: writer) }
}
