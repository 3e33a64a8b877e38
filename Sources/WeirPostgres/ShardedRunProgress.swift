import Foundation
import PostgresNIO
import WeirCore

/// One run as `weir runs` shows it: shards done, running (and by whom), left; inputs done and
/// failed; the rate so far and the time left at that rate.
public struct ShardedRunProgress: Sendable, Hashable {
  public var id: String
  public var workflowId: String
  public var status: String
  public var startedAt: Date
  public var endedAt: Date?
  public var shards: Int
  public var done: Int
  /// Shards under a live lease, with the workers holding them.
  public var running: Int
  public var workers: [String]
  public var inputs: Int
  public var inputsDone: Int
  public var failures: Int
  /// Inputs per second since the run started (until it ended).
  public var rate: Double?

  public var left: Int { shards - done - running }

  /// Seconds left at the current rate, when the run is going and has a rate.
  public var eta: Double? {
    guard status == "running", let rate, rate > 0 else { return nil }
    return Double(inputs - inputsDone) / rate
  }
}

extension ShardQueue {
  /// Every run, oldest first, with its shard counts.
  public func progress(now: Date = Date()) async throws -> [ShardedRunProgress] {
    try await database.run { c in
      let rows = try await c.query(
        """
        SELECT r.id, r.workflow_id, r.status, r.started_at, r.ended_at,
          (SELECT count(*) FROM shards s WHERE s.run_id = r.id),
          (SELECT count(*) FROM shards s WHERE s.run_id = r.id AND s.state = 'done'),
          (SELECT count(*) FROM shards s WHERE s.run_id = r.id AND s.state = 'todo' AND s.lease_until > now()),
          (SELECT coalesce(string_agg(DISTINCT s.worker, ','), '') FROM shards s
             WHERE s.run_id = r.id AND s.state = 'todo' AND s.lease_until > now()),
          (SELECT coalesce(sum(size), 0)::bigint FROM shards s WHERE s.run_id = r.id),
          (SELECT count(*) FROM inputs i WHERE i.run_id = r.id),
          (SELECT count(*) FROM inputs i WHERE i.run_id = r.id AND i.status = 'failed')
        FROM runs r ORDER BY r.started_at, r.id
        """, logger: database.logger)
      var out: [ShardedRunProgress] = []
      for try await row in rows {
        let (
          id, workflow, status, started, ended, shards, done, running, workers, size, inputsDone, failures
        ) =
          try row.decode((String, String, String, Date, Date?, Int, Int, Int, String, Int, Int, Int).self)
        let elapsed = (ended ?? now).timeIntervalSince(started)
        var p = ShardedRunProgress(
          id: id, workflowId: workflow, status: status, startedAt: started, endedAt: ended, shards: shards,
          done: done, running: running, workers: workers.split(separator: ",").map(String.init),
          inputs: shards > 0 ? size : inputsDone, inputsDone: inputsDone, failures: failures)
        p.rate = elapsed > 0 && inputsDone > 0 ? Double(inputsDone) / elapsed : nil
        out.append(p)
      }
      return out
    }
  }
}
