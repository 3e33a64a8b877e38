import Foundation
import PostgresNIO

/// One connection to a PostgreSQL store, opened on first use and opened again after the server
/// went away. ``run(_:)`` is one attempt; ``retrying(_:)`` keeps trying through a lost connection
/// (a restarted server, a broken network) for ``reconnectWindow`` seconds, but only once the
/// store has been reached at least once: a wrong password or an unreachable host fails at once.
public final class PostgresDatabase: @unchecked Sendable {
  public let location: PostgresLocation
  /// How long ``retrying(_:)`` keeps reconnecting before it gives up.
  public var reconnectWindow: Double = 60
  private let lock = NSLock()
  private var connection: PostgresConnection?
  private var everConnected = false
  private var nextId = 1
  /// PostgresNIO logs through swift-log; weir reports errors itself, so only critical lines pass.
  let logger: Logger = {
    var l = Logger(label: "weir.postgres")
    l.logLevel = .critical
    return l
  }()

  public init(_ location: PostgresLocation) {
    self.location = location
  }

  // PostgresNIO wants every connection closed before it goes away: the closing keeps it alive
  // until it is closed.
  deinit {
    guard let c = connection, !c.isClosed else { return }
    let closing: EventLoopFuture<Void> = c.close()
    closing.whenComplete { _ in withExtendedLifetime(c) {} }
  }

  /// The open connection, or a new one.
  func connect() async throws -> PostgresConnection {
    if let c = lock.withLock({ connection }), !c.isClosed { return c }
    var configuration: PostgresConnection.Configuration
    if let folder = location.socketFolder {
      configuration = .init(
        unixSocketPath: folder + "/.s.PGSQL.\(location.port)", username: location.user,
        password: location.password, database: location.database)
    } else {
      configuration = .init(
        host: location.host ?? "localhost", port: location.port, username: location.user,
        password: location.password, database: location.database, tls: .disable)
    }
    configuration.options.connectTimeout = .milliseconds(Int64(location.connectTimeout * 1000))
    let id = lock.withLock {
      nextId += 1
      return nextId
    }
    let c: PostgresConnection
    let settings = configuration
    do {
      c = try await withTimeout(location.connectTimeout + 1) { [logger] in
        try await PostgresConnection.connect(configuration: settings, id: id, logger: logger)
      }
    } catch {
      throw PostgresStoreError.cannotConnect(location, reason: reason(error))
    }
    lock.withLock {
      connection = c
      everConnected = true
    }
    return c
  }

  /// Closes the connection (the next use opens a new one).
  public func close() async {
    let c = lock.withLock {
      defer { connection = nil }
      return connection
    }
    try? await c?.close()
  }

  /// Runs `body` on the connection once; the connection's and the server's errors become
  /// ``PostgresStoreError``s, and the body's own (a refused decision) pass through as they are.
  public func run<T>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
    let c = try await connect()
    do {
      return try await body(c)
    } catch let error as PostgresStoreError {
      throw error
    } catch {
      if PostgresStoreError.isConnectionLoss(error) {
        lock.withLock { if connection === c { connection = nil } }
        try? await c.close()
        throw PostgresStoreError.lostConnection(location, reason: reason(error))
      }
      guard error is PSQLError || error is PostgresDecodingError else { throw error }
      throw PostgresStoreError.server(location, message: reason(error))
    }
  }

  /// Runs `body` in one transaction (`BEGIN` … `COMMIT`, `ROLLBACK` when it throws).
  public func transaction<T>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
    try await run { c in
      try await c.query("BEGIN", logger: logger)
      do {
        let value = try await body(c)
        try await c.query("COMMIT", logger: logger)
        return value
      } catch {
        _ = try? await c.query("ROLLBACK", logger: logger)
        throw error
      }
    }
  }

  /// ``run(_:)`` again after a lost connection, with growing pauses, for up to ``reconnectWindow``
  /// seconds; before the first successful connection, or for any other error, it fails at once.
  public func retrying<T>(_ body: (PostgresDatabase) async throws -> T) async throws -> T {
    let start = Date()
    var pause = 0.2
    while true {
      do {
        return try await body(self)
      } catch let error as PostgresStoreError {
        let wasConnected = lock.withLock { everConnected }
        switch error {
        case .lostConnection, .cannotConnect:
          guard wasConnected, Date().timeIntervalSince(start) < reconnectWindow else {
            if case .cannotConnect(_, let reason) = error, wasConnected {
              throw PostgresStoreError.lostConnection(location, reason: reason)
            }
            throw error
          }
          try await Task.sleep(nanoseconds: UInt64(pause * 1e9))
          pause = min(pause * 2, 2)
        default:
          throw error
        }
      }
    }
  }

  private func reason(_ error: any Error) -> String {
    if error is TimeoutError { return "no answer within \(NumberFormat.seconds(location.connectTimeout))" }
    return PostgresStoreError.reason(error, password: location.password)
  }
}

/// A deadline passed.
struct TimeoutError: Error {}

/// `body`, or ``TimeoutError`` after `seconds`.
func withTimeout<T: Sendable>(_ seconds: Double, _ body: @escaping @Sendable () async throws -> T)
  async throws
  -> T
{
  try await withThrowingTaskGroup(of: T.self) { group in
    group.addTask { try await body() }
    group.addTask {
      try await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
      throw TimeoutError()
    }
    defer { group.cancelAll() }
    guard let first = try await group.next() else { throw TimeoutError() }
    return first
  }
}

enum NumberFormat {
  static func seconds(_ s: Double) -> String {
    s == s.rounded() ? "\(Int(s)) s" : String(format: "%.1f s", s)
  }
}

extension PostgresDatabase {
  /// Connects and brings the schema up to date (creating it in an empty database).
  public static func migrated(_ database: PostgresDatabase) async throws {
    try await PostgresSchema.migrate(database)
  }
}
