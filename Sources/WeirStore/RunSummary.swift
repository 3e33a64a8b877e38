import GRDB
import WeirCore

/// What one run wrote, for the table `weir run` prints at its end: per writer node the
/// annotations by status, per concept the same, and the inputs that failed.
public struct RunSummary: Sendable, Hashable {
  public var runId: String
  public var workflowId: String
  public var status: RunStatus
  public var inputs: Int
  public var failures: [Failure]
  public var writers: [Count]
  public var concepts: [Count]
  /// What the run's object-counters counted, by node.
  public var counters: [Counter] = []

  /// One object-counter's total: the inputs it counted and the objects on them.
  public struct Counter: Sendable, Hashable {
    public var nodeId: String
    public var inputs: Int
    public var objects: Int

    public init(nodeId: String, inputs: Int, objects: Int) {
      self.nodeId = nodeId
      self.inputs = inputs
      self.objects = objects
    }
  }

  /// Annotations of one writer node (`key` = node id) or one concept (`key` = concept name) with one status.
  public struct Count: Sendable, Hashable {
    public var key: String
    public var status: Int
    public var count: Int

    public init(key: String, status: Int, count: Int) {
      self.key = key
      self.status = status
      self.count = count
    }
  }

  /// An input that failed, where and why.
  public struct Failure: Sendable, Hashable {
    public var inputId: String
    public var node: String?
    public var message: String

    public init(inputId: String, node: String?, message: String) {
      self.inputId = inputId
      self.node = node
      self.message = message
    }
  }

  public var annotations: Int { writers.reduce(0) { $0 + $1.count } }
  public var inputsFailed: Int { failures.count }
}

extension SQLiteAnnotationStore {
  /// The summary of run `runId` (the rows it last wrote: a later run that rewrote a key takes it over).
  public func summary(runId: String) throws -> RunSummary {
    guard let run = try runs().first(where: { $0.info.id == runId }) else {
      throw StoreError.noSuchRun(id: runId, known: try runs().map(\.info.id))
    }
    let counters = try counterTotals(runId: runId)
    return try guarded {
      try dbQueue.read { db in
        let arguments: StatementArguments = [runId]
        let inputs =
          try Int.fetchOne(db, sql: "SELECT count(*) FROM inputs WHERE run_id = ?", arguments: arguments) ?? 0
        let failures = try Row.fetchAll(
          db,
          sql:
            "SELECT input_id, error_node, error_message FROM inputs WHERE run_id = ? AND status = 'failed' ORDER BY input_id",
          arguments: arguments
        ).map { RunSummary.Failure(inputId: $0[0], node: $0[1], message: $0[2] ?? "") }
        func counts(_ key: String) throws -> [RunSummary.Count] {
          try Row.fetchAll(
            db,
            sql:
              "SELECT \(key), status, count(*) FROM annotations WHERE run_id = ? GROUP BY \(key), status ORDER BY \(key), status",
            arguments: arguments
          ).map { RunSummary.Count(key: $0[0], status: $0[1], count: $0[2]) }
        }
        return RunSummary(
          runId: runId, workflowId: run.info.workflowId, status: run.status, inputs: inputs,
          failures: failures,
          writers: try counts("node_id"), concepts: try counts("concept_name"), counters: counters)
      }
    }
  }
}
