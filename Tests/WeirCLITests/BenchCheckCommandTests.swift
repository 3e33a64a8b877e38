import Foundation
import Testing
import WeirTestSupport

/// `weir bench check` prints, in one run, libyaml's bare parse beside the check of the same
/// generated file, and the start-up of small processes. What it prints is checked, not how fast.
@Suite struct BenchCheckCommandTests {
  @Test func printsTheCheckBesideLibYAMLAndTheProcessStartUp() throws {
    let temp = try TemporaryDirectory("weir-bench-check")
    defer { temp.remove() }
    let r = try WeirProcess.run(
      ["bench", "check", "--nodes", "20", "--runs", "1"], environment: ["TMPDIR": temp.url.path])
    #expect(r.status == 0, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n").map(String.init)
    #expect(
      lines.first
        == "median CPU time (user + system) of 1 runs; × libyaml is check in-process over libyaml's bare event parse"
    )
    #expect(
      lines.dropFirst().first
        == "dialect   nodes     bytes   libyaml parse   check in-process   × libyaml   of which types   whole process"
    )
    for dialect in ["native", "clarifai"] {
      let row = try #require(lines.first { $0.hasPrefix(dialect + " ") }, "\(lines)")
      let words = row.split(separator: " ")
      // dialect, nodes, bytes, then four times in ms and the ratio.
      #expect(words[1] == "20", "\(row)")
      #expect(words.filter { $0 == "ms" }.count == 4, "\(row)")
      #expect(words.contains { $0.hasSuffix("×") }, "\(row)")
    }
    let last = try #require(lines.last)
    #expect(last.hasPrefix("whole process: weir check of a 3-node file "), "\(last)")
    #expect(last.contains(" ms, weir --version ") && last.hasSuffix(" ms"), "\(last)")
    // The generated files are removed again.
    #expect(try FileManager.default.contentsOfDirectory(atPath: temp.url.path).isEmpty)
  }
}
