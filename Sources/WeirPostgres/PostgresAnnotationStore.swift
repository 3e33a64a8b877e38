import Foundation
import PostgresNIO
import WeirCore
import WeirStore

/// The annotation store on PostgreSQL: the same tables, key and re-run semantics as the SQLite
/// store (Documentation/Store.md), reached through PostgresNIO. `record` buffers; every
/// `batchSize` outcomes are written in one transaction. Reads go straight to the server.
public final class PostgresAnnotationStore: AnnotationReader, @unchecked Sendable {
  public let database: PostgresDatabase
  public let batchSize: Int
  private let lock = NSLock()
  private var buffer: [InputOutcome] = []

  /// Connects and brings the schema up to date (creating it in an empty database).
  public init(_ location: PostgresLocation, batchSize: Int = 256) throws {
    database = PostgresDatabase(location)
    self.batchSize = max(1, batchSize)
    let db = database
    try blocking { try await PostgresSchema.migrate(db) }
  }

  /// Opens an already migrated store (``PostgresSchema/migrate(_:readOnly:)`` has run).
  public init(database: PostgresDatabase, batchSize: Int = 256) {
    self.database = database
    self.batchSize = max(1, batchSize)
  }

  public func beginRun(_ run: RunInfo) throws {
    let db = database
    try blocking { try await RunRows.begin(run, settings: "{}", modelsHash: "", shardSize: 0, in: db) }
  }

  public func record(_ outcome: InputOutcome) throws {
    let full = lock.withLock {
      buffer.append(outcome)
      return buffer.count >= batchSize
    }
    if full { try flush() }
  }

  public func flush() throws {
    let batch = lock.withLock {
      defer { buffer.removeAll() }
      return buffer
    }
    guard !batch.isEmpty else { return }
    let db = database
    do {
      try blocking {
        try await db.retrying { db in
          try await db.transaction { c in try await OutcomeWriter.write(batch, on: c, logger: db.logger) }
        }
      }
    } catch {
      // Nothing recorded is dropped: the batch goes back in front for the next try.
      lock.withLock { buffer = batch + buffer }
      throw error
    }
  }

  public func finishRun(id: String, status: RunStatus, endedAt: Date, summary: String?) throws {
    let flushError: (any Error)? = {
      do { try flush() } catch { return error }
      return nil
    }()
    let db = database
    try blocking {
      try await db.run { c in
        try await c.query(
          "UPDATE runs SET status = \(status.rawValue), ended_at = \(endedAt), summary = \(summary) WHERE id = \(id)",
          logger: db.logger)
      }
    }
    if let flushError { throw flushError }
  }

  public func completedInputs(runId: String) throws -> Set<String> {
    let db = database
    return try blocking {
      try await db.run { c in
        var done = Set<String>()
        let rows = try await c.query(
          "SELECT input_id FROM inputs WHERE run_id = \(runId) AND status = 'ok'", logger: db.logger)
        for try await id in rows.decode(String.self) { done.insert(id) }
        return done
      }
    }
  }

  // MARK: reading

  public func runs() throws -> [StoredRun] {
    let db = database
    return try blocking { try await RunRows.all(in: db) }
  }

  public func annotations(_ filter: AnnotationFilter) throws -> [StoredAnnotation] {
    let db = database
    return try blocking { try await AnnotationQueries.annotations(filter, in: db) }
  }

  public func count(_ filter: AnnotationFilter) throws -> Int {
    let db = database
    return try blocking { try await AnnotationQueries.count(filter, in: db) }
  }

  public func exportSet(
    _ filter: AnnotationFilter, classes: ClassMap? = nil, options: ExportOptions = ExportOptions()
  ) throws -> ExportSet {
    let db = database
    return try blocking {
      try await AnnotationQueries.exportSet(filter, classes: classes, options: options, in: db)
    }
  }

  public func counts(_ filter: AnnotationFilter) throws -> [StoredCount] {
    let db = database
    return try blocking { try await AnnotationQueries.counts(filter, in: db) }
  }

  public func summary(runId: String) throws -> RunSummary {
    let db = database
    return try blocking { try await AnnotationQueries.summary(runId: runId, in: db) }
  }
}
