import Foundation

/// Where a PostgreSQL store is: `postgresql://user@host:port/db` (or `postgres://`), with
/// `?host=/folder` for a unix socket and `?connect_timeout=S`. The password comes from the URL,
/// `PGPASSWORD` or `~/.pgpass`, and is never part of ``description``: every message that names the
/// store uses that form.
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
  public var user: String
  /// A TCP host, or nil with ``socketFolder`` set.
  public var host: String?
  /// The folder holding the server's unix socket (`.s.PGSQL.<port>`).
  public var socketFolder: String?
  public var port: Int
  public var database: String
  public var password: String?
  /// How long connecting may take before it is given up (seconds).
  public var connectTimeout: Double

  /// Whether `text` names a PostgreSQL store rather than a SQLite file.
  public static func isURL(_ text: String) -> Bool {
    text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
  }

  /// Parses `text`; `environment` and `home` give `PGPASSWORD`, `PGUSER` and `~/.pgpass`.
  public init(
    _ text: String, environment: [String: String] = ProcessInfo.processInfo.environment,
    home: String = NSHomeDirectory()
  ) throws(PostgresStoreError) {
    guard Self.isURL(text), let parts = URLComponents(string: text) else {
      throw .badURL(Self.scrub(text), reason: "expected postgresql://user@host:port/database")
    }
    var query: [String: String] = [:]
    for item in parts.queryItems ?? [] { query[item.name] = item.value ?? "" }
    user = parts.user ?? query["user"] ?? environment["PGUSER"] ?? "postgres"
    let written = parts.host.flatMap { $0.isEmpty ? nil : $0 }
    let socket = query["host"].flatMap { $0.hasPrefix("/") ? $0 : nil }
    socketFolder = socket
    host = socket == nil ? (written ?? query["host"] ?? "localhost") : nil
    let portText = query["port"] ?? parts.port.map(String.init) ?? "5432"
    guard let port = Int(portText), (1...65535).contains(port) else {
      throw .badURL(Self.scrub(text), reason: "the port '\(portText)' is not a number from 1 to 65535")
    }
    self.port = port
    let path = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
    database = path.isEmpty ? (query["dbname"] ?? user) : path
    if let t = query["connect_timeout"] {
      guard let seconds = Double(t), seconds > 0 else {
        throw .badURL(Self.scrub(text), reason: "connect_timeout '\(t)' is not a positive number of seconds")
      }
      connectTimeout = seconds
    } else {
      connectTimeout = 10
    }
    password =
      parts.password ?? environment["PGPASSWORD"]
      ?? PgPass.password(
        file: environment["PGPASSFILE"] ?? home + "/.pgpass", host: socket ?? host ?? "localhost", port: port,
        database: database, user: user)
  }

  /// The URL without the password.
  public var description: String {
    let at = socketFolder == nil ? "\(host ?? "localhost"):\(port)" : ""
    var text = "postgresql://\(user)@\(at)/\(database)"
    if let socketFolder { text += "?host=\(socketFolder)&port=\(port)" }
    return text
  }

  /// `text` with any password in it replaced by `***`, for messages about a URL that did not parse.
  public static func scrub(_ text: String) -> String {
    guard let scheme = text.range(of: "://"), let at = text[scheme.upperBound...].firstIndex(of: "@") else {
      return text
    }
    let credentials = text[scheme.upperBound..<at]
    guard let colon = credentials.firstIndex(of: ":") else { return text }
    return String(text[..<colon]) + ":***" + String(text[at...])
  }
}

/// `~/.pgpass`: `host:port:database:user:password` lines, `*` matching anything (PostgreSQL's
/// libpq format; `\:` and `\\` escape).
enum PgPass {
  static func password(file: String, host: String, port: Int, database: String, user: String) -> String? {
    guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
      let fields = split(String(line))
      guard fields.count == 5 else { continue }
      let wanted = [host, String(port), database, user]
      if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
    }
    return nil
  }

  private static func split(_ line: String) -> [String] {
    var fields: [String] = []
    var current = ""
    var escaped = false
    for c in line {
      if escaped {
        current.append(c)
        escaped = false
      } else if c == "\\" {
        escaped = true
      } else if c == ":" {
        fields.append(current)
        current = ""
      } else {
        current.append(c)
      }
    }
    fields.append(current)
    return fields
  }
}
