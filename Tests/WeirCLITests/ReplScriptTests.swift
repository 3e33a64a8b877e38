import Foundation
import Testing
import WeirTestSupport

/// `weir repl < script`: commands read line by line from a non-terminal standard input.
@Suite struct ReplScriptTests {
  /// Runs `weir repl ARGS` in `directory` with `script` on standard input.
  static func run(_ arguments: [String] = [], script: String, in directory: URL) throws -> (
    status: Int32, stdout: String, stderr: String
  ) {
    let r = try WeirProcess.run(
      ["repl"] + arguments, stdin: script,
      environment: ["WEIR_HISTORY": directory.appendingPathComponent("history").path], in: directory)
    return (r.status, r.stdout, r.stderr)
  }

  @Test func scriptErrorsGoToStandardErrorWithTheirLineAndFailTheRun() throws {
    let dir = try ReplCLI.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try Self.run(script: "# a comment\nhelp quit\nswep x\n\nrun\nquit\nhelp\n", in: dir)
    #expect(r.stdout == "usage: quit\n  leave the session (also 'exit')\n")
    #expect(
      r.stderr == """
        line 3: error: unknown command 'swep'; did you mean 'sweep'?
        line 5: error: no workflow loaded; use 'load FILE' first

        """)
    #expect(r.status == 1)
    #expect(
      !FileManager.default.fileExists(atPath: dir.appendingPathComponent("history").path),
      "scripts leave no history")
  }

  @Test func aCleanScriptExitsZero() throws {
    let dir = try ReplCLI.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try Self.run(script: "help run\n", in: dir)
    #expect(r.status == 0)
    #expect(r.stderr == "")
    #expect(r.stdout.hasPrefix("usage: run\n"))
  }
}
