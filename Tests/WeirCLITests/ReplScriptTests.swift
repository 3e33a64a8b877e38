import Foundation
import Testing

/// `weir repl < script`: commands read line by line from a non-terminal standard input.
@Suite struct ReplScriptTests {
  /// Runs `weir repl ARGS` in `directory` with `script` on standard input.
  static func run(_ arguments: [String] = [], script: String, in directory: URL) throws -> (
    status: Int32, stdout: String, stderr: String
  ) {
    let binary = try #require(ReplCLI.binary, "no weir binary: run 'swift build' first")
    let process = Process()
    process.executableURL = binary
    process.arguments = ["repl"] + arguments
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["WEIR_HISTORY"] = directory.appendingPathComponent("history").path
    process.environment = environment
    let files = ["in", "out", "err"].map { directory.appendingPathComponent("script-\($0)") }
    try Data(script.utf8).write(to: files[0])
    _ = FileManager.default.createFile(atPath: files[1].path, contents: nil)
    _ = FileManager.default.createFile(atPath: files[2].path, contents: nil)
    process.standardInput = try FileHandle(forReadingFrom: files[0])
    process.standardOutput = try FileHandle(forWritingTo: files[1])
    process.standardError = try FileHandle(forWritingTo: files[2])
    try process.run()
    process.waitUntilExit()
    return (
      process.terminationStatus, try String(contentsOf: files[1], encoding: .utf8),
      try String(contentsOf: files[2], encoding: .utf8)
    )
  }

  @Test func scriptErrorsGoToStandardErrorWithTheirLineAndFailTheRun() throws {
    let dir = try ReplCLI.scratch()
    let r = try Self.run(script: "# a comment\nhelp quit\nswep x\n\nrun\nquit\nhelp\n", in: dir)
    #expect(r.stdout == "usage: quit\n  leave the session (also 'exit')\n")
    #expect(
      r.stderr == """
        line 3: error: unknown command 'swep'; did you mean 'sweep'?; type 'help' for the list
        line 5: error: no workflow loaded; use 'load FILE' first

        """)
    #expect(r.status == 1)
    #expect(
      !FileManager.default.fileExists(atPath: dir.appendingPathComponent("history").path),
      "scripts leave no history")
  }

  @Test func aCleanScriptExitsZero() throws {
    let r = try Self.run(script: "help run\n", in: try ReplCLI.scratch())
    #expect(r.status == 0)
    #expect(r.stderr == "")
    #expect(r.stdout.hasPrefix("usage: run\n"))
  }
}
