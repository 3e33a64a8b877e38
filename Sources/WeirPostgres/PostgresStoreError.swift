import Foundation
import PostgresNIO

/// What can go wrong with a PostgreSQL store, as one line a user can act on. No message carries
/// the password: locations print through ``PostgresLocation/description``.
public enum PostgresStoreError: Error, CustomStringConvertible, Equatable {
  case badURL(String, reason: String)
  case cannotConnect(PostgresLocation, reason: String)
  case lostConnection(PostgresLocation, reason: String)
  case server(PostgresLocation, message: String)
  case newerSchema(PostgresLocation, version: Int, known: Int)
  case noSuchRun(PostgresLocation, id: String)
  case notWeirs(PostgresLocation)

  public var description: String {
    switch self {
    case .badURL(let url, let reason):
      return "'\(url)' is not a PostgreSQL store: \(reason)"
    case .cannotConnect(let l, let reason):
      return "cannot connect to the annotation store '\(l)': \(reason)"
    case .lostConnection(let l, let reason):
      return "lost the connection to the annotation store '\(l)' and could not reconnect: \(reason)"
    case .server(let l, let message):
      return "the annotation store '\(l)' refused a query: \(message)"
    case .newerSchema(let l, let version, let known):
      return
        "the annotation store '\(l)' has schema version \(version), newer than this weir understands (\(known)); use a newer weir"
    case .noSuchRun(let l, let id):
      return "no run '\(id)' in the annotation store '\(l)'; `weir runs --store …` lists them"
    case .notWeirs(let l):
      return
        "the database of '\(l)' has tables named like weir's (runs, annotations) but no schema_migrations table; use another database"
    }
  }

  /// Whether the error is the connection's (the server went away, the network broke), so that
  /// reconnecting may help; a refused query or a wrong password is not.
  static func isConnectionLoss(_ error: any Error) -> Bool {
    guard let e = error as? PSQLError else { return error is ChannelError || error is IOError }
    switch e.code {
    case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
      return true
    case .server:
      // admin_shutdown, crash_shutdown, cannot_connect_now: the server is restarting.
      let state = e.serverInfo?[.sqlState] ?? ""
      return ["57P01", "57P02", "57P03"].contains(state)
    default:
      return false
    }
  }

  /// A connection failure in words: refused, timed out, closed, or what the system said.
  private static func connectionReason(_ e: PSQLError) -> String {
    let underlying = e.underlying.map { "\($0)" } ?? ""
    let known: [(String, String)] = [
      ("Connection refused", "connection refused (is the server running, and listening there?)"),
      (
        "No such file or directory",
        "no server socket there (is the server running, and is the folder right?)"
      ),
      ("timed out", "no answer in time"), ("Timeout", "no answer in time"),
      ("No route to host", "no route to the host"), ("Network is unreachable", "the network is unreachable"),
      ("Permission denied", "permission denied"),
    ]
    if let hit = known.first(where: { underlying.contains($0.0) }) { return hit.1 }
    if e.code == .serverClosedConnection { return "the server closed the connection" }
    return underlying.isEmpty ? "\(e.code)" : underlying
  }

  /// The reason PostgresNIO gives, in words, with `password` taken out wherever it appears.
  static func reason(_ error: any Error, password: String?) -> String {
    var text: String
    if let e = error as? PSQLError {
      if let message = e.serverInfo?[.message] {
        text = message
        if let detail = e.serverInfo?[.detail] { text += " (\(detail))" }
      } else {
        text = connectionReason(e)
      }
    } else {
      text = "\(error)"
    }
    if let password, !password.isEmpty { text = text.replacingOccurrences(of: password, with: "***") }
    return text
  }
}
