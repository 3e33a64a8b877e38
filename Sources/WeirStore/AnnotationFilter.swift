/// Which annotations `list` and `export` take. Every list is "any of"; an empty list matches all.
public struct AnnotationFilter: Sendable, Hashable {
  /// Status codes (24150…); parse user text with `AnnotationFilter.parseStatus`.
  public var statuses: [Int]
  /// Concept ids or names.
  public var concepts: [String]
  public var tasks: [String]
  public var workflows: [String]
  /// Writer node ids.
  public var nodes: [String]
  public var runs: RunSelection
  /// At most this many rows (after sorting by input, region, concept, workflow, node).
  public var limit: Int?

  public init(
    statuses: [Int] = [], concepts: [String] = [], tasks: [String] = [], workflows: [String] = [],
    nodes: [String] = [], runs: RunSelection = .all, limit: Int? = nil
  ) {
    self.statuses = statuses
    self.concepts = concepts
    self.tasks = tasks
    self.workflows = workflows
    self.nodes = nodes
    self.runs = runs
    self.limit = limit
  }
}

/// Which runs' rows a filter takes.
///
/// Every key holds one row, updated by the latest run that wrote it, so `.all` is the store's
/// current dataset; `.latest` narrows to what the most recent run (of the filtered workflows) wrote.
public enum RunSelection: Sendable, Hashable {
  case all
  case latest
  case ids([String])
}
