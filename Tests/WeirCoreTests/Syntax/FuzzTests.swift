import Foundation
import Testing
import WeirTestSupport

@testable import WeirCore

/// Thousands of mutated and random inputs through loader, parsers, graph checks and renderers:
/// none may crash, and none may take long (Design.md §9.3). Deterministic: a fixed seed.
@Suite struct FuzzTests {
  static let tokens: [[UInt8]] =
    [
      "[", "]", "{", "}", ": ", "- ", "&a ", "*a ", "!!int ", "!!str ", "\"", "'", "\n", "  ", "\t", "# c\n",
      "---\n",
      "|\n  ", ">-\n  ", "$accept", "猫", "é", "\u{FEFF}", "weir: 1\n", "node_inputs: ", "- node_id: a\n",
      "model: ",
      "input: ", "inputs: [", "backend: {", "replay: x", "%YAML 1.2\n", "? ", ",", "...\n", "<<: *a\n",
    ].map { Array($0.utf8) } + [[0xFF], [0x00], [0xC3], [0xE2, 0x82], [0xEF, 0xBB, 0xBF]]

  static func seeds() throws -> [[UInt8]] {
    var urls: [URL] = []
    for stage in ["syntax", "clarifai-examples"] {
      let folder = GoldenFile.fixtures(stage)
      urls += try FileManager.default.contentsOfDirectory(atPath: folder.path)
        .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
        .map { folder.appendingPathComponent($0) }
    }
    let examples = Repository.root.appendingPathComponent("examples/auto-annotation")
    urls += ["workflow.yaml", "clarifai.yaml"].map { examples.appendingPathComponent($0) }
    return try urls.sorted { $0.path < $1.path }.map { [UInt8](try Data(contentsOf: $0)) }
      .filter { $0.count < 10_000 }
  }

  static func mutate(_ input: [UInt8], with other: [UInt8], _ g: inout SplitMix64) -> [UInt8] {
    var bytes = input
    for _ in 0..<Int.random(in: 1...4, using: &g) {
      let at = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &g)
      switch Int.random(in: 0..<7, using: &g) {
      case 0 where !bytes.isEmpty:
        bytes[min(at, bytes.count - 1)] = UInt8.random(in: 0...255, using: &g)
      case 1:
        bytes.insert(contentsOf: tokens.randomElement(using: &g)!, at: at)
      case 2 where !bytes.isEmpty:
        let end = min(bytes.count, at + Int.random(in: 1...40, using: &g))
        bytes.removeSubrange(min(at, end)..<end)
      case 3 where !bytes.isEmpty:
        let end = min(bytes.count, at + Int.random(in: 1...80, using: &g))
        bytes.insert(contentsOf: bytes[min(at, end)..<end], at: min(at, end))
      case 4 where !other.isEmpty:
        let from = Int.random(in: 0..<other.count, using: &g)
        bytes = Array(bytes.prefix(at)) + other[from...]
      case 5:
        bytes = Array(bytes.prefix(at))
      default:
        bytes.insert(
          contentsOf: (0..<Int.random(in: 1...8, using: &g)).map { _ in UInt8.random(in: 0...127, using: &g)
          }, at: at)
      }
    }
    return bytes
  }

  @Test func mutatedAndRandomInputsNeverCrashOrHang() throws {
    let seeds = try Self.seeds()
    #expect(seeds.count > 50)
    var g = SplitMix64(seed: 0x5EED)
    var slowest = 0.0
    var diagnosed = 0
    let inputs = 8_000
    for i in 0..<inputs {
      let bytes: [UInt8]
      if i % 10 == 9 {
        bytes = (0..<Int.random(in: 0...300, using: &g)).map { _ in UInt8.random(in: 0...255, using: &g) }
      } else {
        bytes = Self.mutate(seeds.randomElement(using: &g)!, with: seeds.randomElement(using: &g)!, &g)
      }
      let file = SourceFile(path: "fuzz-\(i).yaml", bytes: bytes)
      let start = Date()
      let outcome = Frontend.check(file)
      _ = DiagnosticRenderer.text(outcome.diagnostics, in: file, color: i % 2 == 0)
      _ = DiagnosticRenderer.json(outcome.diagnostics, in: file)
      slowest = max(slowest, Date().timeIntervalSince(start))
      if !outcome.diagnostics.isEmpty { diagnosed += 1 }
      for d in outcome.diagnostics {
        if let r = d.range {
          #expect(r.start >= 0 && r.end <= bytes.count, "range out of file in input \(i)")
        }
      }
    }
    #expect(slowest < 1.0, "slowest input took \(slowest) s")
    #expect(diagnosed > inputs / 2)
  }
}
