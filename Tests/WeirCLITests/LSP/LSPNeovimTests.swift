import Foundation
import Testing
import WeirTestSupport

/// A real editor: Debian's Neovim, headless, with its built-in LSP client started on `weir lsp`
/// by a small Lua config (`Tests/Fixtures/lsp/nvim-diagnostics.lua`), opens a broken workflow and
/// prints the diagnostics it received. Neovim's XDG folders point into the test's folder, so it
/// writes nothing outside it.
@Suite struct LSPNeovimTests {
  static let nvim = ["/usr/bin/nvim", "/usr/local/bin/nvim"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  @Test(.enabled(if: nvim != nil, "needs Debian's neovim (scripts/install-deps.sh installs it)"))
  func neovimShowsTheDiagnosticsWithTheirIds() throws {
    let folder = try TemporaryDirectory("weir-nvim")
    defer { folder.remove() }
    let workflow = try folder.write(
      "broken.yaml",
      """
      weir: 1
      vars: {accept: 0.9}
      models:
        pets: {type: visual-detector, concepts: [cat], backend: {replay: pets.json}}
      nodes:
        detect: {model: pets}
        sure:
          type: region-thresholder
          input: detcet
          params: {concept_threshold_type: GREATER_THAN, concepts: {cat: $acept}}
        write:
          type: annotation-writer
          inptu: sure

      """)
    let out = folder.path("diagnostics.txt")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try #require(Self.nvim))
    process.arguments = [
      "--headless", "--clean", "-n", "-i", "NONE", "-u",
      Repository.fixtures("lsp", "nvim-diagnostics.lua").path,
    ]
    process.currentDirectoryURL = folder.url
    var environment = ProcessInfo.processInfo.environment
    for name in ["XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "HOME"] {
      environment[name] = folder.path("home")
    }
    environment["WEIR_BIN"] = try WeirProcess.executable().path
    environment["WEIR_FILE"] = workflow.path
    environment["WEIR_OUT"] = out
    process.environment = environment
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    defer { Self.end(process) }
    let deadline = Date().addingTimeInterval(60)
    while process.isRunning, Date() < deadline { usleep(50_000) }
    #expect(!process.isRunning, "nvim did not quit within a minute")
    let lines = try String(contentsOfFile: out, encoding: .utf8)
    #expect(
      lines == """
        9:12 graph.unknown-input
        10:68 syntax.unknown-var
        11:3 check.missing-param
        13:5 syntax.unknown-key

        """)
  }

  /// Ends Neovim and the `weir lsp` it started, if either is still running.
  static func end(_ process: Process) {
    guard process.isRunning else { return }
    for child in children(of: process.processIdentifier) { kill(child, SIGKILL) }
    process.terminate()
    process.waitUntilExit()
  }

  static func children(of pid: Int32) -> [Int32] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.compactMap(Int32.init).filter { candidate in
      guard let stat = try? String(contentsOfFile: "/proc/\(candidate)/stat", encoding: .utf8),
        let close = stat.lastIndex(of: ")")
      else { return false }
      let fields = stat[stat.index(after: close)...].split(separator: " ")
      return fields.count > 1 && Int32(fields[1]) == pid
    }
  }
}
