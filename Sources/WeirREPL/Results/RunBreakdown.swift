import WeirCore

/// A run's counts keyed by name: per writer node and per branch, predictions per concept id.
///
/// Keyed by names (not table indices) so that two runs compare even when a `reload` changed the
/// graph or the concepts in between.
public struct RunBreakdown: Equatable, Sendable {
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
