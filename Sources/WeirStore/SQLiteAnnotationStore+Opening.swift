import Foundation
import GRDB

extension SQLiteAnnotationStore {
  /// Explains, before SQLite tries, why a path cannot hold a store: SQLite itself only says
  /// "unable to open database file".
  static func checkPath(_ path: String, create: Bool) throws {
    let fm = FileManager.default
    var isFolder: ObjCBool = false
    if fm.fileExists(atPath: path, isDirectory: &isFolder) {
      if isFolder.boolValue { throw StoreError.cannotOpen(path: path, reason: "it is a folder") }
      return
    }
    guard create else { throw StoreError.missing(path: path) }
    let parent = (path as NSString).deletingLastPathComponent
    let folder = parent.isEmpty ? "." : parent
    guard fm.fileExists(atPath: folder, isDirectory: &isFolder) else {
      throw StoreError.cannotOpen(path: path, reason: "the folder '\(folder)' does not exist")
    }
    guard isFolder.boolValue else {
      throw StoreError.cannotOpen(path: path, reason: "'\(folder)' is not a folder")
    }
    guard fm.isWritableFile(atPath: folder) else {
      throw StoreError.cannotOpen(path: path, reason: "the folder '\(folder)' is not writable")
    }
  }

  /// Checks that the file is weir's and not newer than this weir, finishes its schema when it
  /// is not complete (a new file, or one whose creation was killed), and (for a writer) puts the
  /// file in WAL mode, which then persists in the file. A reader never writes: an unfinished store
  /// is an error for it.
  static func prepareSchema(_ dbQueue: DatabaseQueue, path: String, writer: Bool) throws {
    let state = try dbQueue.read { db in try StoreSchema.state(db, path: path) }
    if state == .older && !writer {
      try upgrade(path: path)
    } else if state != .current {
      guard writer else { throw StoreError.unfinished(path: path) }
      // One IMMEDIATE transaction checks again and creates everything: a kill leaves nothing
      // half-made, and a second creator waits here, then finds the schema complete.
      try dbQueue.inTransaction(.immediate) { db in
        try StoreSchema.migrate(db, path: path)
        return .commit
      }
    }
    guard writer else { return }
    let mode = try dbQueue.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
    if mode != "wal" {
      try dbQueue.writeWithoutTransaction { db in
        guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
          throw StoreError.writeFailed(path: path, reason: "the file could not be put in WAL mode")
        }
      }
    }
  }

  /// Brings an older store's schema up to date for a reader, through a short-lived writer of its
  /// own: the migrations since version 1 only add, so a reader's queries can then read the file.
  static func upgrade(path: String) throws {
    do {
      var config = Configuration()
      config.busyMode = .timeout(5)
      let writer = try DatabaseQueue(path: path, configuration: config)
      try writer.inTransaction(.immediate) { db in
        try StoreSchema.migrate(db, path: path)
        return .commit
      }
      try writer.close()
    } catch {
      let reason =
        "its schema is older than this weir's (version \(StoreSchema.version)) and it could not be upgraded"
      let translated = translate(error, path: path, waited: 0)
      if case StoreError.locked = translated { throw translated }
      throw StoreError.writeFailed(path: path, reason: "\(reason): \(translated)")
    }
  }

  /// What SQLite is given to open a store read-only. A store in WAL mode needs its `-shm` side
  /// file to be read; in a folder where it cannot be made (a read-only folder or mount) and with
  /// no `-wal` file, no writer can be at work either, so the file is opened as immutable and read
  /// without side files.
  static func readOnlyLocation(_ path: String) -> String {
    let folder = (path as NSString).deletingLastPathComponent
    let fm = FileManager.default
    guard !fm.isWritableFile(atPath: folder.isEmpty ? "." : folder), !fm.fileExists(atPath: path + "-wal")
    else { return path }
    let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
    var allowed = CharacterSet.urlPathAllowed
    allowed.remove(charactersIn: "?#%")
    let encoded = absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute
    return "file:" + encoded + "?immutable=1"
  }

  /// Maps a GRDB/SQLite error to the `StoreError` a user can act on.
  static func translate(_ error: Error, path: String, waited: TimeInterval) -> Error {
    if error is StoreError || error is DecisionError { return error }
    guard let e = error as? DatabaseError else { return StoreError.database(path: path, reason: "\(error)") }
    let reason = e.message ?? "\(e.resultCode)"
    switch e.resultCode {
    case .SQLITE_BUSY, .SQLITE_LOCKED: return StoreError.locked(path: path, waited: waited)
    case .SQLITE_NOTADB: return StoreError.notADatabase(path: path)
    case .SQLITE_CANTOPEN: return StoreError.cannotOpen(path: path, reason: reason)
    case .SQLITE_READONLY, .SQLITE_FULL, .SQLITE_IOERR, .SQLITE_PERM:
      return StoreError.writeFailed(path: path, reason: reason)
    default: return StoreError.database(path: path, reason: reason)
    }
  }
}
