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
    /// Create the file (and the schema) when it does not exist.
    public var create: Bool
    /// Open the file read-only (`weir annotations list`, `export`, `runs`): nothing is written,
    /// not even WAL side files where they cannot be made. Implies `create == false`.
    public var readOnly: Bool
    /// The time written into `recorded_at` / `written_at`; tests fix it.
    public var clock: @Sendable () -> Date

    public init(
      busyTimeout: TimeInterval = 5, batchSize: Int = 256, create: Bool = true, readOnly: Bool = false,
      clock: @escaping @Sendable () -> Date = { Date() }
    ) {
      self.busyTimeout = busyTimeout
      self.batchSize = max(1, batchSize)
      self.create = create && !readOnly
      self.readOnly = readOnly
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
  /// The review queue's counts and concept names, kept between requests (`ReviewSummaryCache`).
  let reviewSummary = ReviewSummaryCache()

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
    config.readonly = options.readOnly
    config.label = "weir.store"
    let writer = !options.readOnly
    config.prepareDatabase { db in
      guard writer else { return }
      // NORMAL in WAL: a commit survives a killed process; `flush` checkpoints for power loss.
      // WAL itself is set once, in the file, by `prepareSchema`: GRDB's `journalMode = .wal` would
      // write on every open, so even a reader would wait for a running writer's lock.
      // A 32 MiB page cache and a checkpoint every 8192 pages (32 MiB of WAL) instead of 1000:
      // fewer checkpoints while a large run writes (about 5% in the store benchmark).
      try db.execute(
        sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768; PRAGMA wal_autocheckpoint = 8192")
    }
    let location = options.readOnly ? Self.readOnlyLocation(path) : path
    dbQueue = try Self.retryingWhileLocked(path: path, waited: options.busyTimeout) {
      try DatabaseQueue(path: location, configuration: config)
    }
    try guarded { try Self.prepareSchema(dbQueue, path: path, writer: writer) }
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
    // A passive checkpoint is best effort: another connection checkpointing or reading makes it
    // give up (SQLITE_BUSY) at once, and the next one, or SQLite's own, copies the pages.
    do {
      _ = try dbQueue.writeWithoutTransaction { db in try db.checkpoint(.passive) }
    } catch let error as DatabaseError
      where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
    {
      return
    } catch {
      throw Self.translate(error, path: path, waited: options.busyTimeout)
    }
  }

  /// Writes what is buffered and sets the run's status. A run that ends failed or interrupted
  /// gets its status even when the buffered outcomes cannot be written (the store stayed locked):
  /// those inputs are then not done, and the next run does them again.
  public func finishRun(id: String, status: RunStatus, endedAt: Date, summary: String?) throws {
    var unwritten: Error?
    do { try drain() } catch {
      guard status != .completed else { throw error }
      unwritten = error
    }
    try guarded {
      try dbQueue.inTransaction(.immediate) { db in
        try db.execute(
          sql: "UPDATE runs SET status = ?, ended_at = ?, summary = ? WHERE id = ?",
          arguments: [status.rawValue, endedAt, summary, id])
        if db.changesCount == 0 { throw StoreError.unknownRun(id: id) }
        return .commit
      }
    }
    if let unwritten { throw unwritten }
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

  /// Runs `body` (a whole transaction, or a read), turning any SQLite error into a `StoreError`;
  /// while another connection holds the lock it is tried again until the busy timeout is spent.
  func guarded<T>(_ body: () throws -> T) throws -> T {
    try Self.retryingWhileLocked(path: path, waited: options.busyTimeout, body)
  }

  /// SQLite's busy handler waits for a lock only where waiting cannot deadlock: a connection
  /// that finds another one checkpointing, recovering the WAL or changing the journal mode, or
  /// whose read snapshot went stale, gets `SQLITE_BUSY` at once. So "locked" is retried here,
  /// with short growing pauses, until `waited` seconds have passed since the first try; only then
  /// is it the user's error.
  static func retryingWhileLocked<T>(path: String, waited: TimeInterval, _ body: () throws -> T) throws -> T {
    let deadline = Date().addingTimeInterval(waited)
    var pause: TimeInterval = 0.002
    while true {
      do {
        return try body()
      } catch {
        let translated = translate(error, path: path, waited: waited)
        let left = deadline.timeIntervalSinceNow
        guard case StoreError.locked = translated, left > 0 else { throw translated }
        Thread.sleep(forTimeInterval: min(pause, left))
        pause = min(pause * 2, 0.05)
      }
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
