import Foundation

/// A throw-away PostgreSQL cluster for one test: `initdb` in the test's own temporary folder, run
/// as the `postgres` user (PostgreSQL refuses to run as root), listening only on a unix socket
/// there, with a free port number and a password (scram-sha-256) so that a wrong one is refused.
/// `stop()` ends it; call it in `defer` (releasing the value stops it too).
public final class PostgresCluster: @unchecked Sendable {
  public let folder: TemporaryDirectory
  public let port: Int
  public let password = "weir-test-secret"
  public let database = "weir"
  private let bin: String
  private let listenAddresses: [String]
  private var running = false

  /// Whether PostgreSQL's server programs are installed (`scripts/install-deps.sh` installs them).
  public static var serverBinaries: String? {
    let root = "/usr/lib/postgresql"
    let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
    return versions.compactMap(Int.init).sorted().last.map { "\(root)/\($0)/bin" }
      .flatMap { FileManager.default.isExecutableFile(atPath: $0 + "/pg_ctl") ? $0 : nil }
  }

  /// Creates and starts the cluster with an empty database ``database``. It also listens on TCP at
  /// `listenAddresses` (none by default) and accepts clients from `clientNetworks` there
  /// (`10.0.0.0/30`), with the same password; every connection is logged (``log``).
  public init(listenAddresses: [String] = [], clientNetworks: [String] = []) throws {
    guard let bin = Self.serverBinaries else {
      throw WeirProcess.Failure("PostgreSQL is not installed: run scripts/install-deps.sh")
    }
    self.bin = bin
    self.listenAddresses = listenAddresses
    folder = try TemporaryDirectory("weir-pg")
    try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: folder.url.path)
    port = try FreePort.next()
    let passwordFile = folder.path("pwfile")
    try folder.write("pwfile", password + "\n")
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: passwordFile)
    try Self.check(
      Self.execute(
        "/usr/sbin/runuser",
        [
          "-u", "postgres", "--", bin + "/initdb", "-D", folder.path("data"), "-U", "postgres",
          "--auth-local=scram-sha-256", "--auth-host=scram-sha-256", "--pwfile=" + passwordFile, "-E", "UTF8",
          "--no-sync",
        ]), "initdb")
    if !clientNetworks.isEmpty {
      let hba = folder.url.appendingPathComponent("data/pg_hba.conf")
      let lines = clientNetworks.map { "host all all \($0) scram-sha-256\n" }.joined()
      let handle = try FileHandle(forWritingTo: hba)
      defer { try? handle.close() }
      try handle.seekToEnd()
      try handle.write(contentsOf: Data(lines.utf8))
    }
    try start()
    try Self.check(psql("CREATE DATABASE \(database)", database: "postgres"), "create database")
  }

  deinit { stop() }

  /// The store URL weir takes: `postgresql://postgres@/weir?host=<folder>&port=<port>`.
  public var url: String { "postgresql://postgres@/\(database)?host=\(folder.url.path)&port=\(port)" }

  /// The environment that gives weir the password.
  public var environment: [String: String] { ["PGPASSWORD": password] }

  /// Starts the server (waits until it accepts connections).
  public func start() throws {
    try Self.check(
      Self.execute(
        "/usr/sbin/runuser",
        [
          "-u", "postgres", "--", bin + "/pg_ctl", "-D", folder.path("data"), "-l", folder.path("log"), "-w",
          "-o",
          "-p \(port) -k \(folder.url.path) -c listen_addresses='\(listenAddresses.joined(separator: ","))' "
            + "-c fsync=off -c log_connections=on",
          "start",
        ]), "pg_ctl start")
    running = true
  }

  /// Stops the server at once (`-m immediate`: a crash, as far as clients see); a no-op when it is not running.
  public func stop() {
    guard running else { return }
    running = false
    _ = try? Self.execute(
      "/usr/sbin/runuser",
      ["-u", "postgres", "--", bin + "/pg_ctl", "-D", folder.path("data"), "-m", "immediate", "-w", "stop"])
  }

  /// What the server has logged so far (connections, errors).
  public var log: String { (try? String(contentsOfFile: folder.path("log"), encoding: .utf8)) ?? "" }

  /// Runs `sql` with `psql` and returns what it printed (unaligned, tuples only, `|` between columns).
  @discardableResult
  public func psql(_ sql: String, database: String? = nil) throws -> (status: Int32, output: String) {
    try Self.execute(
      "/usr/bin/psql",
      [
        "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", folder.url.path, "-p", "\(port)", "-U",
        "postgres",
        "-d", database ?? self.database, "-c", sql,
      ], environment: environment)
  }

  /// One value `sql` selects, trimmed.
  public func value(_ sql: String) throws -> String {
    let r = try psql(sql)
    try Self.check(r, sql)
    return r.output.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  private static func check(_ r: (status: Int32, output: String), _ what: String) throws {
    if r.status != 0 { throw WeirProcess.Failure("\(what) failed (\(r.status)): \(r.output)") }
  }

  /// Runs a program to its end; standard output and error together. Spawned and reaped directly
  /// (`posix_spawn`, `waitpid`): Foundation's `Process` can miss the exit of `runuser … pg_ctl
  /// start`, whose server lives on after it, and wait forever.
  private static func execute(_ program: String, _ arguments: [String], environment: [String: String] = [:])
    throws
    -> (status: Int32, output: String)
  {
    let out = try TemporaryDirectory("weir-pg-out")
    let file = out.path("out")
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, file, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    let env = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { "\($0)=\($1)" }
    let argv = ([program] + arguments).map { strdup($0) } + [nil]
    let envp = env.map { strdup($0) } + [nil]
    defer { for p in argv + envp { free(p) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, program, &actions, nil, argv, envp)
    guard spawned == 0 else { throw WeirProcess.Failure("cannot start \(program): error \(spawned)") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
    // Exited normally: the exit code; otherwise a failure.
    let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return (code, text)
  }
}
