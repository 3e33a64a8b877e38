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

  /// Checks that the file is weir's and not newer than this weir, applies pending migrations, and
  /// (for a writer) puts the file in WAL mode, which then persists in the file.
  static func prepareSchema(_ dbQueue: DatabaseQueue, path: String, writer: Bool) throws {
    let migrator = StoreSchema.migrator
    let upToDate = try dbQueue.read { db -> Bool in
      let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
      let applied = try migrator.appliedIdentifiers(db)
      let superseded = try migrator.hasBeenSuperseded(db)
      if version > StoreSchema.version || superseded {
        throw StoreError.newerSchema(
          path: path, found: max(version, applied.count), supported: StoreSchema.version)
      }
      if applied.isEmpty {
        let tables = try String.fetchAll(
          db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        if !tables.isEmpty { throw StoreError.notAWeirStore(path: path) }
      }
      return try migrator.hasCompletedMigrations(db)
    }
    if !upToDate { try migrator.migrate(dbQueue) }
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

  /// Maps a GRDB/SQLite error to the `StoreError` a user can act on.
  static func translate(_ error: Error, path: String, waited: TimeInterval) -> Error {
    if error is StoreError { return error }
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
