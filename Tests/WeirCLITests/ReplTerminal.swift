import Foundation
import Testing

/// Drives `weir repl` on a real terminal through tmux: keys go in with `send-keys`, the screen
/// comes back with `capture-pane`. Each instance has its own tmux server (`-L`), killed at the end.
final class ReplTerminal {
  let socket = "weir-repl-test-\(UUID().uuidString.prefix(8))"

  /// tmux, if installed (CI installs it).
  static let tmux: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  /// In CI (`CI` set, as `.ci/run` runs) the terminal tests must run: a missing tmux fails them
  /// instead of skipping them, so an install step that went missing cannot pass unseen.
  static let required = ProcessInfo.processInfo.environment["CI"] != nil

  /// Starts `weir repl ARGS` in `directory` with the given history file, in a 150×50 window.
  init(binary: URL, directory: URL, history: URL, arguments: [String] = []) throws {
    let command = ([binary.path, "repl"] + arguments).map { "'\($0)'" }.joined(separator: " ")
    let started = try run([
      "new-session", "-d", "-x", "150", "-y", "50", "-s", "repl",
      "cd '\(directory.path)' && WEIR_HISTORY='\(history.path)' TERM=xterm exec \(command)",
    ])
    try #require(started.status == 0, "tmux could not start: \(started.output)")
  }

  deinit { close() }

  /// Stops the tmux server, and with it the program.
  func close() { _ = try? run(["kill-server"]) }

  /// Runs a tmux command against this test's server.
  ///
  /// Spawned with posix_spawn and reaped with waitpid rather than with Foundation's `Process`:
  /// the tmux server that the first command starts would inherit the descriptors `Process` watches
  /// to notice the exit, and keep them open for ever. All descriptors above 2 are closed in the
  /// child for the same reason.
  @discardableResult
  func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let tmux = try #require(Self.tmux, "tmux is not installed")
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "\(socket)-\(UUID().uuidString).out")
    defer { try? FileManager.default.removeItem(at: file) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, file.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    if let closeFrom = Self.addCloseFrom { _ = closeFrom(&actions, 3) }
    let argv = ([tmux, "-L", socket, "-f", "/dev/null"] + arguments).map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    var pid = pid_t()
    let spawned = posix_spawn(&pid, tmux, &actions, nil, argv, environ)
    try #require(spawned == 0, "cannot start tmux: \(String(cString: strerror(spawned)))")
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    let output = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
    let exited = status & 0x7f == 0
    return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), output)
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
  static let root: URL = {
    var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
      url.deleteLastPathComponent()
    }
    return url
  }()

  /// The `weir` beside the test bundle, else `.build/debug/weir`.
  static let binary: URL? = {
    var candidates: [URL] = []
    if let executable = Bundle.main.executableURL {
      var dir = executable.deletingLastPathComponent()
      while dir.pathExtension == "xctest" || ["MacOS", "Contents"].contains(dir.lastPathComponent) {
        dir.deleteLastPathComponent()
      }
      candidates.append(dir.appendingPathComponent("weir"))
    }
    candidates.append(root.appendingPathComponent(".build/debug/weir"))
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }()

  /// A fresh folder with copies of the REPL fixtures.
  static func scratch() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "weir-repl-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let fixtures = root.appendingPathComponent("Tests/Fixtures/repl")
    for name in try FileManager.default.contentsOfDirectory(atPath: fixtures.path) {
      try FileManager.default.copyItem(
        at: fixtures.appendingPathComponent(name), to: dir.appendingPathComponent(name))
    }
    return dir
  }
}
