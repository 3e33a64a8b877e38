import ArgumentParser
import Foundation
import WeirCore
import WeirLSP

/// `weir bench lsp` (hidden): starts this `weir lsp` as a child, opens a generated 1,000-node
/// workflow, and times what an editor waits for: diagnostics after a change (debounce included),
/// hover and completion. A benchmark, not a test; figures in Documentation/Editors.md.
struct BenchLSPCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lsp", abstract: "Time weir lsp: diagnostics after a change, hover, completion.",
    shouldDisplay: false)

  @Option(help: "Nodes in the generated workflow.")
  var nodes = 1000

  @Option(help: "Timed changes and requests (the median and the slowest are shown).")
  var runs = 20

  @Option(help: "The server's --debounce, in milliseconds.")
  var debounce = 15

  func run() throws {
    let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("weir-bench-lsp-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let client = try LSPClient(
      executable: executable, arguments: ["lsp", "--debounce", String(debounce)], directory: folder.path)
    defer { client.stop() }
    try client.initialize(root: folder.path)
    let text = BenchCheckCommand.native(nodes)
    let uri = "file://" + folder.appendingPathComponent("bench.yaml").path
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let line = lines.firstIndex(where: { $0.contains("concepts: {cat: $accept, dog: 0.5}") }),
      let column = lines[line].range(of: "0.5}").map({
        lines[line].distance(from: lines[line].startIndex, to: $0.lowerBound)
      }),
      let nodeLine = lines.firstIndex(where: { $0.hasPrefix("  n4:") })
    else { throw ValidationError("the generated workflow has no threshold to change") }

    var start = DispatchTime.now()
    client.open(uri, text: text)
    let first = try client.diagnostics(for: uri, version: 1, timeout: 120)
    print("\(nodes)-node workflow, \(text.utf8.count) bytes, debounce \(debounce) ms, \(runs) runs")
    print("open → diagnostics: \(ms(seconds(since: start))) (\(first.count) diagnostics)")

    var changes: [Double] = []
    for run in 0..<runs {
      let value = run % 2 == 0 ? "0.6" : "0.5"
      start = DispatchTime.now()
      client.change(uri, version: run + 2, from: (line, column), to: (line, column + 3), text: value)
      _ = try client.diagnostics(for: uri, version: run + 2, timeout: 60)
      changes.append(seconds(since: start))
    }
    report("change → diagnostics", changes)

    var hovers: [Double] = []
    for _ in 0..<runs {
      start = DispatchTime.now()
      _ = try client.request("textDocument/hover", LSPClient.at(uri, nodeLine, 3))
      hovers.append(seconds(since: start))
    }
    report("hover on a node id", hovers)

    var completions: [Double] = []
    for _ in 0..<runs {
      start = DispatchTime.now()
      _ = try client.request("textDocument/completion", LSPClient.at(uri, line, column))
      completions.append(seconds(since: start))
    }
    report("completion in params", completions)
    _ = try client.shutdown()
  }

  private func report(_ what: String, _ times: [Double]) {
    let sorted = times.sorted()
    let median = sorted[sorted.count / 2]
    print("\(what): median \(ms(median)), slowest \(ms(sorted.last ?? median))")
  }

  private func seconds(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
  }

  private func ms(_ s: Double) -> String { String(format: "%.1f ms", s * 1000) }
}
