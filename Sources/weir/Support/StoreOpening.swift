import Foundation
import WeirCore
import WeirPostgres
import WeirStore

/// `--store`: a path is a SQLite file; `postgresql://…` (or `postgres://…`) is a PostgreSQL store
/// (Documentation/Scale.md). Every command that reads or writes a store opens it here.
enum StoreOpening {
  /// Whether `store` names a PostgreSQL store.
  static func isPostgres(_ store: String) -> Bool { PostgresLocation.isURL(store) }

  /// The store to read back (`weir annotations`): SQLite read-only, or PostgreSQL.
  static func reader(_ store: String) throws -> any AnnotationReader {
    if isPostgres(store) { return try PostgresAnnotationStore(try PostgresLocation(store)) }
    return try SQLiteAnnotationStore(path: store, options: .init(readOnly: true))
  }

  /// The store reviewers work on (`weir review`, `weir annotations import|stats`): an existing
  /// SQLite file opened with `sqlite`'s options, or PostgreSQL.
  static func review(_ store: String, sqlite options: SQLiteAnnotationStore.Options) throws -> any ReviewStore
  {
    if isPostgres(store) { return try PostgresAnnotationStore(try PostgresLocation(store)) }
    return try SQLiteAnnotationStore(path: store, options: options)
  }

  /// The connection to a PostgreSQL store, with its schema brought up to date.
  static func postgres(_ store: String) async throws -> PostgresDatabase {
    let database = PostgresDatabase(try PostgresLocation(store))
    try await PostgresDatabase.migrated(database)
    return database
  }

  /// How `store` is named in messages: a URL without its password.
  static func displayName(_ store: String) -> String {
    isPostgres(store) ? ((try? PostgresLocation(store))?.description ?? PostgresLocation.scrub(store)) : store
  }
}
