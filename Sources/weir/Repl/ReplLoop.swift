import Foundation
import WeirCore
import WeirREPL

/// Feeds lines to a session and prints its answers: from a terminal with line editing, or from
/// any other standard input line by line (`weir repl < script`).
struct ReplLoop {
  let session: ReplSession

  /// The prompt on a terminal.
  static let prompt = "weir> "

  /// Runs until `quit` or the end of input. Returns how many commands failed (non-TTY mode
  /// reports this as the exit status, so a script's mistakes are not silent).
  func run(interactive: Bool, historyPath: String) async -> Int {
    if interactive {
      let editor = LineEditor(historyPath: historyPath) { [session] line in
        session.completions(forLine: line).candidates
      }
      print("weir repl — 'help' lists the commands, 'quit' or Ctrl-D leaves, Ctrl-C stops a long command")
      commandCancellation = session.cancellation
      defer { commandCancellation = nil }
      var quit = false
      while let line = editor.readLine(prompt: Self.prompt) {
        let response = await session.handle(line)
        if !response.text.isEmpty { print(response.text) }
        if response.quits {
          quit = true
          break
        }
      }
      // Ctrl-D leaves the cursor after the prompt: end that line, so the shell's prompt starts clean.
      if !quit { print("") }
      return 0
    }
    var failures = 0
    var number = 0
    while let line = Swift.readLine(strippingNewline: true) {
      number += 1
      let response = await session.handle(line)
      if response.isError {
        failures += 1
        FileHandle.standardError.write(Data("line \(number): \(response.text)\n".utf8))
      } else if !response.text.isEmpty {
        print(response.text)
      }
      if response.quits { break }
    }
    return failures
  }

  /// `WEIR_HISTORY`, else `~/.weir_history`.
  static func historyPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
    if let path = environment["WEIR_HISTORY"], !path.isEmpty { return path }
    let home = environment["HOME"] ?? NSHomeDirectory()
    return URL(fileURLWithPath: home).appendingPathComponent(".weir_history").path
  }
}
