import CEditLine
import Foundation

/// Line editing for the REPL on a terminal, over libedit's readline interface: arrow keys and
/// Emacs bindings, history kept in a file across sessions, and tab completion from the session.
///
/// libedit calls completion back through a C function pointer, which cannot capture context, so
/// the completer lives in a global: there is one terminal, hence one editor, per process.
final class LineEditor {
  private let historyPath: String
  private var lastLine: String?
  /// The most lines the history file keeps.
  static let historyLimit = 1000

  /// `completer` gets the text before the cursor and returns full replacements for its last word.
  init(historyPath: String, completer: @escaping (String) -> [String]) {
    self.historyPath = historyPath
    lineCompleter = completer
    rl_readline_name = UnsafePointer(strdup("weir"))
    rl_completer_word_break_characters = strdup(" \t")
    rl_attempted_completion_function = completeLine
    using_history()
    stifle_history(Int32(Self.historyLimit))
    _ = read_history(historyPath)
    signal(SIGINT, { _ in lineInterrupted = 1 })
  }

  /// The next line typed, without its line break; `nil` at end of input (Ctrl-D). Ctrl-C drops
  /// the line being typed and asks again.
  func readLine(prompt: String) -> String? {
    while true {
      lineInterrupted = 0
      guard let raw = readline(prompt) else {
        if lineInterrupted != 0 {
          FileHandle.standardOutput.write(Data("\n".utf8))
          continue
        }
        return nil
      }
      defer { free(raw) }
      let line = String(cString: raw)
      remember(line)
      return line
    }
  }

  /// Adds a line to the history (not blank lines, not a repeat of the previous one) and saves the
  /// history file, so a session that is killed still leaves its history.
  private func remember(_ line: String) {
    guard !line.trimmingCharacters(in: .whitespaces).isEmpty, line != lastLine else { return }
    lastLine = line
    _ = add_history(line)
    _ = write_history(historyPath)
  }
}

nonisolated(unsafe) private var lineCompleter: ((String) -> [String])?
nonisolated(unsafe) private var lineInterrupted: sig_atomic_t = 0

/// libedit's completion hook: the text before the cursor goes to the session's completer; the
/// answer comes back as readline's NULL-terminated array whose first entry replaces the word
/// (the candidates' longest common prefix) and whose others are listed when it is ambiguous.
private func completeLine(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32)
  -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
{
  rl_attempted_completion_over = 1
  guard let completer = lineCompleter, let buffer = rl_line_buffer else { return nil }
  let bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self), count: Int(end)))
  let candidates = completer(String(decoding: bytes, as: UTF8.self))
  guard !candidates.isEmpty else { return nil }
  let open = candidates.allSatisfy { $0.hasSuffix(".") || $0.hasSuffix("/") }
  rl_completion_append_character = open ? 0 : 32
  let entries = candidates.count == 1 ? candidates : [commonPrefix(candidates)] + candidates
  // libedit frees the array and its strings with free(), so both come from malloc.
  let size = MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * (entries.count + 1)
  let array = malloc(size)!.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: entries.count + 1)
  for (i, entry) in entries.enumerated() { array[i] = strdup(entry) }
  array[entries.count] = nil
  return array
}

private func commonPrefix(_ words: [String]) -> String {
  guard var prefix = words.first.map(Array.init) else { return "" }
  for word in words.dropFirst() {
    let w = Array(word)
    var n = 0
    while n < prefix.count, n < w.count, prefix[n] == w[n] { n += 1 }
    prefix = Array(prefix[..<n])
  }
  return String(prefix)
}
