import Foundation
import GRDB
import WeirCore

/// The annotation store on a SQLite file (Design.md §6; Documentation/Store.md).
///
/// One instance owns one connection in WAL mode. `record` is safe to call from many tasks at
/// once: outcomes are buffered and written `batchSize` at a time, each batch in one transaction,
/// in the order they were recorded. A batch is atomic, so a killed process leaves every input
/// either fully written or not at all, and re-running writes the same rows again (upserts keyed by
/// workflow, input, node, region and concept), never twice.
public final class SQLiteAnnotationStore: AnnotationStore, @unchecked Sendable {
  // @unchecked: the mutable state (`pending`, `runWorkflows`) is guarded by `stateLock`, and batch
  // writes are serialized by `writeLock`; GRDB's DatabaseQueue is itself Sendable.

  /// How the store opens and writes.
  public struct Options: Sendable {
    /// How long a write waits for another connection's lock before failing with `StoreError.locked`.
    public var busyTimeout: TimeInterval
    /// Outcomes per transaction. Larger batches write faster; smaller ones lose less to a kill.
    public var batchSize: Int
    /// Create the file (and the schema) when it does not exist; `false` is for readers.
    public var create: Bool
    /// The time written into `recorded_at` / `written_at`; tests fix it.
    public var clock: @Sendable () -> Date

    public init(
      busyTimeout: TimeInterval = 5, batchSize: Int = 256, create: Bool = true,
      clock: @escaping @Sendable () -> Date = { Date() }
    ) {
      self.busyTimeout = busyTimeout
      self.batchSize = max(1, batchSize)
      self.create = create
      self.clock = clock
    }
  }

  /// The schema version this weir reads and writes.
  public static var schemaVersion: Int { StoreSchema.version }

  /// The file's path as given.
  public let path: String
  let options: Options
  let dbQueue: DatabaseQueue

  private let stateLock = NSLock()
  private let writeLock = NSLock()
  private var pending: [PendingOutcome] = []
  /// Run id → workflow id, for the runs this instance has begun or looked up.
  private var runWorkflows: [String: String] = [:]

  /// Opens (or creates) the store at `path`, applying schema migrations when the file is older.
  ///
  /// Throws `StoreError` for a missing file (when `create` is false), a path that cannot be
  /// opened, a file that is not SQLite or not weir's, a newer schema, or a lock held too long.
  public init(path: String, options: Options = Options()) throws {
    self.path = path
    self.options = options
    try Self.checkPath(path, create: options.create)
    var config = Configuration()
    config.busyMode = .timeout(options.busyTimeout)
    config.label = "weir.store"
    config.prepareDatabase { db in
      // NORMAL in WAL: a commit survives a killed process; `flush` checkpoints for power loss.
      // WAL itself is set once, in the file, by `prepareSchema`: GRDB's `journalMode = .wal` would
      // write on every open, so even a reader would wait for a running writer's lock.
      // A 32 MiB page cache and a checkpoint every 8192 pages (32 MiB of WAL) instead of 1000:
      // fewer checkpoints while a large run writes (about 5% in the store benchmark).
      try db.execute(
        sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768; PRAGMA wal_autocheckpoint = 8192")
    }
    do {
      dbQueue = try DatabaseQueue(path: path, configuration: config)
    } catch {
      throw Self.translate(error, path: path, waited: options.busyTimeout)
    }
    try guarded { try Self.prepareSchema(dbQueue, path: path, writer: options.create) }
  }

  deinit {
    // A safety net for a caller that forgot `flush`; errors here have nowhere to go.
    try? drain()
  }

  // MARK: - AnnotationStore

  public func beginRun(_ run: RunInfo) throws {
    let vars = Self.json(run.vars)
    try guarded {
      try dbQueue.inTransaction(.immediate) { db in
        try db.execute(
          sql: """
            INSERT INTO runs (id, workflow_id, workflow_hash, workflow_path, vars, started_at, status)
            VALUES (?, ?, ?, ?, ?, ?, 'running')
            ON CONFLICT (id) DO UPDATE SET
              workflow_id = excluded.workflow_id, workflow_hash = excluded.workflow_hash,
              workflow_path = excluded.workflow_path, vars = excluded.vars,
              ended_at = NULL, status = 'running', summary = NULL
            """,
          arguments: [run.id, run.workflowId, run.workflowHash, run.workflowPath, vars, run.startedAt])
        return .commit
      }
    }
    stateLock.withLock { runWorkflows[run.id] = run.workflowId }
  }

  public func record(_ outcome: InputOutcome) throws {
    let workflowId = try workflowId(ofRun: outcome.runId)
    let entry = PendingOutcome(
      outcome: outcome, workflowId: workflowId, recordedAt: DatabaseTime.text(options.clock()))
    let full = stateLock.withLock {
      pending.append(entry)
      return pending.count >= options.batchSize
    }
    if full { try drain() }
  }

  /// Writes everything recorded so far, then checkpoints the WAL into the database file.
  public func flush() throws {
    try drain()
    try guarded { _ = try dbQueue.writeWithoutTransaction { db in try db.checkpoint(.passive) } }
  }

  public func finishRun(id: String, status: RunStatus, endedAt: Date, summary: String?) throws {
    try drain()
    try guarded {
      try dbQueue.inTransaction(.immediate) { db in
        try db.execute(
          sql: "UPDATE runs SET status = ?, ended_at = ?, summary = ? WHERE id = ?",
          arguments: [status.rawValue, endedAt, summary, id])
        if db.changesCount == 0 { throw StoreError.unknownRun(id: id) }
        return .commit
      }
    }
    try flush()
  }

  public func completedInputs(runId: String) throws -> Set<String> {
    try guarded {
      try dbQueue.read { db in
        try String.fetchSet(
          db, sql: "SELECT input_id FROM inputs WHERE run_id = ? AND status = 'ok'", arguments: [runId])
      }
    }
  }

  // MARK: - Buffering

  /// Writes the pending outcomes as one batch. Holding `writeLock` across take-and-write keeps
  /// batches in recording order; other tasks keep appending to `pending` meanwhile.
  func drain() throws {
    writeLock.lock()
    defer { writeLock.unlock() }
    let batch = stateLock.withLock { () -> [PendingOutcome] in
      defer { pending.removeAll(keepingCapacity: true) }
      return pending
    }
    guard !batch.isEmpty else { return }
    do {
      try guarded {
        try dbQueue.inTransaction(.immediate) { db in
          try Self.write(batch, to: db); return .commit
        }
      }
    } catch {
      // Nothing of a failed batch is lost: it goes back in front, and a later flush retries it.
      stateLock.withLock { pending.insert(contentsOf: batch, at: 0) }
      throw error
    }
  }

  /// The workflow a run belongs to, from memory or (for a run begun by another process) the file.
  private func workflowId(ofRun runId: String) throws -> String {
    if let known = stateLock.withLock({ runWorkflows[runId] }) { return known }
    let found = try guarded {
      try dbQueue.read { db in
        try String.fetchOne(db, sql: "SELECT workflow_id FROM runs WHERE id = ?", arguments: [runId])
      }
    }
    guard let found else { throw StoreError.unknownRun(id: runId) }
    stateLock.withLock { runWorkflows[runId] = found }
    return found
  }

  /// Runs `body`, turning any SQLite error into a `StoreError`.
  func guarded<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch {
      throw Self.translate(error, path: path, waited: options.busyTimeout)
    }
  }

  static func json(_ vars: [String: String]) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return (try? encoder.encode(vars)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
  }
}

/// An outcome waiting for its batch, with what `record` resolved when it was called.
struct PendingOutcome: Sendable {
  var outcome: InputOutcome
  var workflowId: String
  /// `recorded_at` / `written_at`, as GRDB stores dates.
  var recordedAt: String
}
