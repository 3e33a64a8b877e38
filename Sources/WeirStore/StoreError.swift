import Foundation

/// Why the annotation store could not do what was asked, in words a user can act on.
///
/// Every failure of the SQLite layer is turned into one of these before it leaves WeirStore, so
/// the CLI prints `error: <description>` and never a raw SQLite code or a crash.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
  /// `list` / `export` (or any open that must not create) found no file.
  case missing(path: String)
  /// The file could not be opened or created: a missing folder, a path under a file, no permission.
  case cannotOpen(path: String, reason: String)
  /// The file exists but is not a SQLite database.
  case notADatabase(path: String)
  /// A SQLite database that weir did not create (it has tables, but no weir schema version).
  case notAWeirStore(path: String)
  /// A reader found a store whose schema was never finished (its creation was interrupted).
  case unfinished(path: String)
  /// Written by a newer weir whose schema this one does not know.
  case newerSchema(path: String, found: Int, supported: Int)
  /// Another connection held the write lock for longer than the busy timeout.
  case locked(path: String, waited: TimeInterval)
  /// The file or disk refused a write (read-only file, disk full, I/O error).
  case writeFailed(path: String, reason: String)
  /// `record` or `finishRun` named a run that `beginRun` never started.
  case unknownRun(id: String)
  /// A filter named no run: `--run ID` for an id the store does not have.
  case noSuchRun(id: String, known: [String])
  /// Any other SQLite failure; `reason` is SQLite's own message.
  case database(path: String, reason: String)

  public var description: String {
    switch self {
    case .missing(let path):
      return "no annotation store at '\(path)'; run `weir run` first"
    case .cannotOpen(let path, let reason):
      return "cannot open the annotation store '\(path)': \(reason)"
    case .notADatabase(let path):
      return "'\(path)' is not an annotation store: the file is not a SQLite database"
    case .notAWeirStore(let path):
      return "'\(path)' is a SQLite database but not a weir annotation store (it has no weir schema version)"
    case .unfinished(let path):
      return
        "the annotation store '\(path)' was never finished (its creation was interrupted); "
        + "the next `weir run` with this --store finishes it"
    case .newerSchema(let path, let found, let supported):
      return
        "the annotation store '\(path)' has schema version \(found), newer than this weir understands "
        + "(\(supported)); use a newer weir"
    case .locked(let path, let waited):
      return
        "the annotation store '\(path)' is locked by another writer (waited \(Self.seconds(waited))); "
        + "wait for the other `weir run` to finish or use another --store"
    case .writeFailed(let path, let reason):
      return "cannot write to the annotation store '\(path)': \(reason)"
    case .unknownRun(let id):
      return "run '\(id)' was not begun in this annotation store (internal error: beginRun must come first)"
    case .noSuchRun(let id, let known):
      let list = known.isEmpty ? "the store has no runs" : "known runs: " + known.joined(separator: ", ")
      return "no run '\(id)' in the annotation store; \(list)"
    case .database(let path, let reason):
      return "the annotation store '\(path)' failed: \(reason)"
    }
  }

  public var errorDescription: String? { description }

  static func seconds(_ t: TimeInterval) -> String {
    t < 1 ? "\(Int((t * 1000).rounded())) ms" : String(format: "%.1f s", t)
  }
}
