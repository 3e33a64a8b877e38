import Foundation
import Testing
import WeirTestSupport

/// Drives `weir repl` on a real terminal through tmux: keys go in with `send-keys`, the screen
/// comes back with `capture-pane`. Each instance has its own tmux server, on a socket in the test's
/// own folder (`-S`), and ends it, and the program in it, on every path: `close()` (call it in a
/// `defer`), `deinit`, and a watchdog process that cleans up if the test process itself dies.
final class ReplTerminal {
  /// The server's socket, inside the test's folder so no other tmux (or test) can meet it.
  let socket: String
  /// The tmux server's pid and the pane's (`weir repl` itself, which the pane `exec`s).
  private var serverPid: pid_t?
  private var panePid: pid_t?
  /// The watchdog's pid: it ends the server and the program if this process dies first.
  private var watchdogPid: pid_t?
  private var closed = false

  /// tmux, if installed (CI installs it).
  static let tmux: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  /// In CI (`CI` set, as `.ci/run` runs) the terminal tests must run: a missing tmux fails them
  /// instead of skipping them, so an install step that went missing cannot pass unseen.
  static let required = ProcessInfo.processInfo.environment["CI"] != nil

  /// Starts `weir repl ARGS` in `directory` with the given history file, in a 150×50 window.
  /// With `marker`, the shell prints it after `weir repl` ends and the window stays open for a
  /// few seconds, so a test can see where weir left the cursor.
  init(binary: URL, directory: URL, history: URL, arguments: [String] = [], marker: String? = nil) throws {
    socket = directory.appendingPathComponent("tmux-\(UUID().uuidString.prefix(8)).sock").path
    let command = ([binary.path, "repl"] + arguments).map { "'\($0)'" }.joined(separator: " ")
    let shell = marker.map { "\(command); printf '\($0)'; sleep 20" } ?? "exec \(command)"
    let started = try self.run([
      "new-session", "-d", "-x", "150", "-y", "50", "-s", "repl",
      "cd '\(directory.path)' && WEIR_HISTORY='\(history.path)' TERM=xterm \(shell)",
    ])
    // From here on the server may exist: a failure below still ends it (in `deinit`).
    let pids = try run(["display-message", "-p", "-t", "repl", "#{pid} #{pane_pid}"]).output
      .split(separator: " ").compactMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    serverPid = pids.first
    panePid = pids.dropFirst().first
    watchdogPid = try startWatchdog()
    try #require(started.status == 0, "tmux could not start: \(started.output)")
  }

  deinit { close() }

  /// Ends the tmux server and the program in it, waits until both are gone (killing them if they
  /// linger), stops the watchdog and removes the socket. Safe to call more than once.
  func close() {
    guard !closed else { return }
    closed = true
    _ = try? run(["kill-server"])
    for pid in [panePid, serverPid].compactMap({ $0 }) { Self.end(pid) }
    if let watchdogPid {
      kill(watchdogPid, SIGKILL)
      _ = Self.reap(watchdogPid, timeout: 5)
    }
    try? FileManager.default.removeItem(atPath: socket)
  }

  /// Waits up to two seconds for `pid` to end after the server hung up on it, then kills it.
  private static func end(_ pid: pid_t) {
    let deadline = Date().addingTimeInterval(2)
    while isRunning(pid), Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
    if isRunning(pid) { kill(pid, SIGKILL) }
  }

  /// Whether `pid` is a live process (a zombie waiting for its parent to reap it counts as ended).
  private static func isRunning(_ pid: pid_t) -> Bool {
    guard kill(pid, 0) == 0 else { return false }
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return true }
    return !stat[close...].hasPrefix(") Z")
  }

  /// Starts a shell that waits for this test process to end and then ends the server and the
  /// program, so that not even a crashed test leaves them running.
  private func startWatchdog() throws -> pid_t? {
    guard let tmux = Self.tmux else { return nil }
    let kills = [panePid, serverPid].compactMap { $0 }.map { "kill -KILL \($0) 2>/dev/null" }
    let script =
      "while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done; '\(tmux)' -S '\(socket)' kill-server 2>/dev/null; "
      + (kills + ["rm -f '\(socket)'"]).joined(separator: "; ")
    // In a session of its own (setsid), so that killing the test's process group spares it.
    let setsid = ["/usr/bin/setsid", "/bin/setsid"].first { FileManager.default.isExecutableFile(atPath: $0) }
    return try Self.spawn((setsid.map { [$0] } ?? []) + ["/bin/sh", "-c", script], output: "/dev/null")
  }

  /// Runs a tmux command against this test's server.
  ///
  /// Spawned with posix_spawn and reaped with waitpid rather than with Foundation's `Process`:
  /// the tmux server that the first command starts would inherit the descriptors `Process` watches
  /// to notice the exit, and keep them open for ever. All descriptors above 2 are closed in the
  /// child for the same reason.
  @discardableResult
  func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let tmux = try #require(Self.tmux, "tmux is not installed")
    let file = URL(fileURLWithPath: socket + "-\(UUID().uuidString).out")
    defer { try? FileManager.default.removeItem(at: file) }
    let pid = try Self.spawn([tmux, "-S", socket, "-f", "/dev/null"] + arguments, output: file.path)
    let status = Self.reap(pid, timeout: 10)
    let output = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
    let exited = status & 0x7f == 0
    return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), output)
  }

  /// Waits for the child `pid` to exit, killing it after `timeout` seconds: a tmux client that
  /// never returns must not hang the test (and leave its server running when the test is killed).
  private static func reap(_ pid: pid_t, timeout: Double) -> Int32 {
    let deadline = Date().addingTimeInterval(timeout)
    var status: Int32 = 0
    while true {
      let reaped = waitpid(pid, &status, WNOHANG)
      if reaped == pid || (reaped < 0 && errno != EINTR) { return status }
      if Date() >= deadline {
        kill(pid, SIGKILL)
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return status
      }
      usleep(1_000)
    }
  }

  /// Starts `argv` with standard input from /dev/null and standard output and error into `output`,
  /// every other descriptor closed; the caller reaps it.
  private static func spawn(_ arguments: [String], output: String) throws -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    if let closeFrom = addCloseFrom { _ = closeFrom(&actions, 3) }
    let argv = arguments.map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    var pid = pid_t()
    let spawned = posix_spawn(&pid, arguments[0], &actions, nil, argv, environ)
    try #require(spawned == 0, "cannot start \(arguments[0]): \(String(cString: strerror(spawned)))")
    return pid
  }

  /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+), which Swift's Glibc module does
  /// not export.
  private static let addCloseFrom:
    (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
      guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return nil }
      return unsafeBitCast(
        symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
    }()

  /// Types text literally.
  func type(_ text: String) throws { try run(["send-keys", "-t", "repl", "-l", text]) }

  /// Presses keys by tmux name: `Tab`, `Enter`, `Up`, `C-c`, `C-d`.
  func press(_ keys: String...) throws { try run(["send-keys", "-t", "repl"] + keys) }

  /// The visible screen, trailing blank lines removed.
  func screen() throws -> String {
    let lines = try run(["capture-pane", "-p", "-t", "repl"]).output.split(
      separator: "\n", omittingEmptySubsequences: false)
    return lines.map(String.init).reversed().drop { $0.trimmingCharacters(in: .whitespaces).isEmpty }
      .reversed()
      .joined(separator: "\n")
  }

  /// Waits until the screen satisfies `condition` (up to `timeout` seconds); returns the screen.
  @discardableResult
  func waitFor(_ what: String, timeout: Double = 20, _ condition: (String) -> Bool) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    var last = ""
    while Date() < deadline {
      last = try screen()
      if condition(last) { return last }
      Thread.sleep(forTimeInterval: 0.05)
    }
    Issue.record("timed out waiting for \(what); the screen shows:\n\(last)")
    return last
  }

  /// Waits until the cursor stands in column `column` (0-based): what `capture-pane` cannot show,
  /// such as the blank a completion types after a name.
  func waitForCursor(column: Int, timeout: Double = 20) throws {
    let deadline = Date().addingTimeInterval(timeout)
    var last = ""
    while Date() < deadline {
      last = try run(["display-message", "-p", "-t", "repl", "#{cursor_x}"]).output
        .trimmingCharacters(in: .whitespacesAndNewlines)
      if last == String(column) { return }
      Thread.sleep(forTimeInterval: 0.05)
    }
    Issue.record("timed out waiting for the cursor in column \(column); it is in column \(last)")
  }

  /// Waits for the last line to be exactly `line` (trailing blanks ignored).
  @discardableResult
  func waitForLastLine(_ line: String) throws -> String {
    try waitFor("the line '\(line)'") { screen in
      (screen.split(separator: "\n").last.map { String($0) } ?? "").replacingOccurrences(
        of: #"\s+$"#, with: "", options: .regularExpression) == line
    }
  }

  /// Whether the program has exited (its window, and with it the session, is gone).
  func hasExited() throws -> Bool { try run(["has-session", "-t", "repl"]).status != 0 }

  /// Waits for the program to exit.
  func waitForExit(timeout: Double = 10) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if try hasExited() { return }
      Thread.sleep(forTimeInterval: 0.05)
    }
    Issue.record("weir repl did not exit; the screen shows:\n\(try screen())")
  }
}

/// The built `weir` and a scratch folder for CLI tests of the REPL.
enum ReplCLI {
  static let root = Repository.root

  /// The `weir` beside the test bundle, else `.build/debug/weir`.
  static let binary = WeirProcess.binary

  /// A fresh folder with copies of the REPL fixtures; the caller removes it.
  static func scratch() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "weir-repl-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let fixtures = Repository.fixtures("repl")
    for name in try FileManager.default.contentsOfDirectory(atPath: fixtures.path) {
      try FileManager.default.copyItem(
        at: fixtures.appendingPathComponent(name), to: dir.appendingPathComponent(name))
    }
    return dir
  }
}
