import CEditLine
import Foundation
import WeirREPL

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
    // libedit works in wide characters through the C library's locale; Swift strings are UTF-8.
    if setlocale(LC_CTYPE, "") == nil || String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" {
      _ = setlocale(LC_CTYPE, "C.UTF-8")
    }
    rl_readline_name = UnsafePointer(strdup("weir"))
    rl_completer_word_break_characters = strdup(" \t")
    rl_attempted_completion_function = completeLine
    // Ctrl-C drops the line being typed. libedit's own handling only redraws it, so keys are
    // read here: the SIGINT handler (which may run on any thread) writes to a pipe that the key
    // reader polls beside standard input, and the reader then answers with Ctrl-U (kill the
    // line) and Return, so readline hands back an empty line.
    rl_catch_signals = 0
    rl_getc_function = readKey
    var fds: [Int32] = [0, 0]
    if pipe(&fds) == 0 {
      interruptPipe = (fds[0], fds[1])
      _ = fcntl(fds[0], F_SETFL, O_NONBLOCK)
      _ = fcntl(fds[1], F_SETFL, O_NONBLOCK)
    }
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in
      var b: UInt8 = 1
      _ = write(interruptPipe.write, &b, 1)
      // While a command runs, Ctrl-C asks it to stop (the session checks between steps).
      commandCancellation?.cancel()
    }
    sigemptyset(&action.sa_mask)
    action.sa_flags = SA_RESTART
    sigaction(SIGINT, &action, nil)
    // Last: the first history call initializes libedit, which reads the settings above then.
    using_history()
    stifle_history(Int32(Self.historyLimit))
    _ = read_history(historyPath)
  }

  /// The next line typed, without its line break; `nil` at end of input (Ctrl-D). Ctrl-C drops
  /// the line being typed and asks again.
  func readLine(prompt: String) -> String? {
    // A Ctrl-C that stopped a command is spent: it must not also drop the next line.
    var spent: UInt8 = 0
    while read(interruptPipe.read, &spent, 1) > 0 {}
    while true {
      lineInterrupted = false
      guard let raw = readline(prompt) else { return nil }
      defer { free(raw) }
      let line = String(cString: raw)
      if lineInterrupted { continue }
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
nonisolated(unsafe) private var lineInterrupted = false
/// The session's cancellation, set by Ctrl-C while a command runs (`ReplLoop`).
nonisolated(unsafe) var commandCancellation: ReplCancellation?
nonisolated(unsafe) private var interruptPipe: (read: Int32, write: Int32) = (-1, -1)
nonisolated(unsafe) private var pendingKeys: [Int32] = []

/// libedit's key reader: one character (a Unicode scalar decoded from UTF-8) from standard input,
/// -1 at end of input; after Ctrl-C, the keys that drop the line.
private func readKey(_ stream: UnsafeMutablePointer<FILE>?) -> Int32 {
  if !pendingKeys.isEmpty { return pendingKeys.removeFirst() }
  func byte() -> Int32? {
    var fds = [
      pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
      pollfd(fd: interruptPipe.read, events: Int16(POLLIN), revents: 0),
    ]
    while true {
      if poll(&fds, nfds_t(interruptPipe.read >= 0 ? 2 : 1), -1) < 0 {
        if errno == EINTR { continue }
        return -1
      }
      if fds[1].revents & Int16(POLLIN) != 0 {
        var drain = [UInt8](repeating: 0, count: 16)
        while read(interruptPipe.read, &drain, drain.count) > 0 {}
        lineInterrupted = true
        return nil
      }
      var b: UInt8 = 0
      let n = read(STDIN_FILENO, &b, 1)
      if n == 1 { return Int32(b) }
      if n < 0, errno == EINTR { continue }
      return -1
    }
  }
  // Ctrl-C arrives as a signal, or as the byte 0x03 when the terminal is in raw mode.
  guard let first = byte(), first != 0x03 else {
    lineInterrupted = true
    pendingKeys = [0x0D]
    return 0x15
  }
  guard first >= 0xC0 else { return first }
  // A UTF-8 lead byte: gather its continuation bytes into one scalar.
  let count = first >= 0xF0 ? 3 : first >= 0xE0 ? 2 : 1
  var scalar = first & (first >= 0xF0 ? 0x07 : first >= 0xE0 ? 0x0F : 0x1F)
  for _ in 0..<count {
    guard let next = byte(), next >= 0x80 else { return 0xFFFD }
    scalar = scalar << 6 | (next & 0x3F)
  }
  return scalar
}

/// libedit's completion hook: the text before the cursor goes to the session's completer; the
/// answer comes back as readline's NULL-terminated array whose first entry replaces the word
/// (the candidates' longest common prefix) and whose others are listed when it is ambiguous.
private func completeLine(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32)
  -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
{
  rl_attempted_completion_over = 1
  guard let completer = lineCompleter, let buffer = rl_line_buffer else { return nil }
  let bytes = Array(
    UnsafeBufferPointer(start: UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self), count: Int(end)))
  let candidates = completer(String(decoding: bytes, as: UTF8.self))
  guard !candidates.isEmpty else { return nil }
  // A single complete word gets its blank here, in the replacement itself: libedit's
  // rl_completion_append_character was seen not to add it now and then.
  rl_completion_append_character = 0
  let entries: [String]
  if candidates.count == 1, let only = candidates.first {
    entries = [only.hasSuffix(".") || only.hasSuffix("/") ? only : only + " "]
  } else {
    entries = [commonPrefix(candidates)] + candidates
  }
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
