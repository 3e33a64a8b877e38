import Foundation
import Testing

/// `weir repl` on a terminal, end to end: typing, tab completion, history across sessions.
@Suite(.serialized) struct ReplTerminalTests {
  @Test(.enabled(if: ReplTerminal.tmux != nil || ReplTerminal.required, "needs tmux"))
  func typingCompletionAndHistory() throws {
    let binary = try #require(ReplCLI.binary, "no weir binary: run 'swift build' first")
    let dir = try ReplCLI.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let history = dir.appendingPathComponent("history")
    do {
      let t = try ReplTerminal(binary: binary, directory: dir, history: history)
      defer { t.close() }
      try t.waitForLastLine("weir>")
      // A unique completion is filled in, with a blank after it.
      try t.type("hel")
      try t.press("Tab")
      try t.waitForLastLine("weir> help")
      try t.press("Enter")
      try t.waitFor("the command list") { $0.contains("commands:") && $0.hasSuffix("weir>") }
      // An ambiguous one lists the candidates.
      try t.press("C-l")
      try t.type("s")
      try t.press("Tab", "Tab")
      try t.waitFor("the candidates") {
        $0.contains("save") && $0.contains("set") && $0.contains("show") && $0.contains("sweep")
      }
      try t.type("w")
      try t.press("Tab")
      try t.waitFor("'sw' completed") { $0.hasSuffix("weir> sweep") }
      // Ctrl-C drops the line and prompts again.
      try t.press("C-c")
      try t.waitForLastLine("weir>")
      // An error is shown and the session goes on.
      try t.type("swep")
      try t.press("Enter")
      try t.waitFor("the error") { $0.contains("error: unknown command 'swep'; did you mean 'sweep'?") }
      // Up recalls the last line.
      try t.press("Up")
      try t.waitForLastLine("weir> swep")
      try t.press("C-u")
      try t.type("quit")
      try t.press("Enter")
      try t.waitForExit()
    }
    let saved = try String(contentsOf: history, encoding: .utf8)
    #expect(
      saved.contains("help") && saved.contains("swep") && saved.contains("quit"), "history file: \(saved)")
    // A new session finds the history: Up, Up gives the line before 'quit'.
    let t = try ReplTerminal(binary: binary, directory: dir, history: history)
    defer { t.close() }
    try t.waitForLastLine("weir>")
    try t.press("Up")
    try t.waitForLastLine("weir> quit")
    try t.press("Up")
    try t.waitForLastLine("weir> swep")
    // Ctrl-D on an empty line leaves.
    try t.press("C-u", "C-d")
    try t.waitForExit()
  }
}

@Suite(.serialized) struct ReplTerminalCompletionTests {
  /// With a workflow loaded, completion knows its nodes, parameters, concepts and enum values.
  @Test(.enabled(if: ReplTerminal.tmux != nil || ReplTerminal.required, "needs tmux"))
  func completesNodesParametersAndValues() throws {
    let binary = try #require(ReplCLI.binary, "no weir binary: run 'swift build' first")
    let dir = try ReplCLI.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let t = try ReplTerminal(
      binary: binary, directory: dir, history: dir.appendingPathComponent("history"), arguments: ["pets.yaml"]
    )
    defer { t.close() }
    try t.waitFor("the workflow loaded") { $0.contains("loaded pets.yaml (native)") && $0.hasSuffix("weir>") }
    try t.type("show pl")
    try t.press("Tab")
    try t.waitForLastLine("weir> show plausible")
    try t.press("C-u")
    try t.type("set su")
    try t.press("Tab")
    try t.waitForLastLine("weir> set sure.")
    try t.type("concept_")
    try t.press("Tab")
    try t.waitForLastLine("weir> set sure.concept_threshold_type")
    // The completed name is followed by a blank.
    try t.waitForCursor(column: "weir> set sure.concept_threshold_type ".count)
    try t.type("= GREATER_THAN_")
    try t.press("Tab")
    try t.waitForLastLine("weir> set sure.concept_threshold_type = GREATER_THAN_OR_EQUAL")
    try t.press("Enter")
    try t.waitFor("the setting") {
      $0.contains("sure.concept_threshold_type = GREATER_THAN_OR_EQUAL  (in the file: GREATER_THAN)")
    }
    try t.type("set re")
    try t.press("Tab")
    try t.waitForLastLine("weir> set review")
    try t.type(" = 0.6")
    try t.press("Enter")
    try t.type("vars")
    try t.press("Enter")
    try t.waitFor("the vars") { $0.contains("* changed in this session") && $0.contains("0.6 *") }
  }
}
