import Foundation
import Testing
import WeirTestSupport

/// The REPL's rough edges on a real terminal (tmux): the greeting counts the inputs given, Ctrl-C
/// stops a long sweep and returns to the prompt, Ctrl-D ends the line before leaving.
@Suite(.serialized) struct ReplTerminalRoughEdgeTests {
  @Test(.enabled(if: ReplTerminal.tmux != nil || ReplTerminal.required, "needs tmux"))
  func theGreetingCountsTheInputsGiven() throws {
    let binary = try #require(ReplCLI.binary, "no weir binary: run 'swift build' first")
    let dir = try ReplCLI.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let t = try ReplTerminal(
      binary: binary, directory: dir, history: dir.appendingPathComponent("history"),
      arguments: ["pets.yaml", "--inputs", "img01.jpg", "img02.jpg"])
    defer { t.close() }
    let screen = try t.waitFor("the workflow loaded") { $0.hasSuffix("weir>") }
    #expect(screen.contains("loaded pets.yaml (native)") && screen.contains("· 2 inputs ·"), "\(screen)")
    #expect(!screen.contains("no inputs yet"), "\(screen)")
  }

  @Test(.enabled(if: ReplTerminal.tmux != nil || ReplTerminal.required, "needs tmux"))
  func ctrlCStopsALongSweepAndCtrlDEndsTheLine() throws {
    let binary = try #require(ReplCLI.binary, "no weir binary: run 'swift build' first")
    let dir = try ReplCLI.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    // 50,000 recorded predictions: a 1,000-point sweep over them takes far longer than a second.
    var lines: [String] = []
    for i in 0..<2000 {
      let regions = (0..<25).map { j in
        #"{"id":"i\#(i)-r\#(j)","region_info":{"bounding_box":{"top_row":0.1,"left_col":0.1,"bottom_row":0.5,"#
          + #""right_col":0.5}},"data":{"concepts":[{"id":"cat","name":"cat","value":"#
          + "\(Double((i * 31 + j * 7) % 1000) / 1000)}]}}"
      }
      lines.append(#"{"input":"img\#(i).jpg","regions":["# + regions.joined(separator: ",") + "]}")
    }
    try (lines.joined(separator: "\n") + "\n").write(
      to: dir.appendingPathComponent("pets.jsonl"), atomically: true, encoding: .utf8)
    let t = try ReplTerminal(
      binary: binary, directory: dir, history: dir.appendingPathComponent("history"),
      arguments: ["pets.yaml"], marker: "AFTER-WEIR")
    defer { t.close() }
    try t.waitFor("the workflow loaded") { $0.contains("loaded pets.yaml") && $0.hasSuffix("weir>") }
    try t.type("sweep accept 0..1 1000 points")
    try t.press("Enter")
    Thread.sleep(forTimeInterval: 1)
    try t.press("C-c")
    let stopped = try t.waitFor("the sweep stopped", timeout: 20) {
      $0.contains("sweep cancelled (Ctrl-C) after") && $0.hasSuffix("weir>")
    }
    #expect(stopped.contains("of 1,000 values") || stopped.contains("of 1000 values"), "\(stopped)")
    // The prompt works, and the Ctrl-C did not also drop this line.
    try t.type("vars")
    try t.press("Enter")
    try t.waitFor("vars answered") { $0.contains("accept") && $0.hasSuffix("weir>") }
    try t.press("C-d")
    let after = try t.waitFor("weir left") { $0.contains("AFTER-WEIR") }
    let shown = after.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(shown.contains("AFTER-WEIR"), "Ctrl-D left the cursor on the prompt line:\n\(after)")
  }
}
