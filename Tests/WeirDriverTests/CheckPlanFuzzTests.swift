import Foundation
import Testing
import WeirCore
import WeirDriver

/// Throws mutated workflows at the check and the planner: neither may crash, and the contract
/// holds for each (checks without errors ⇔ plans). Bounded and deterministic (a fixed seed), so it
/// runs in CI; `WEIR_FUZZ_ITERATIONS` and `WEIR_FUZZ_SEED` run it longer or elsewhere by hand.
@Suite struct CheckPlanFuzzTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// Every example and plan fixture: real workflows in both dialects to start from.
  static func corpus() throws -> [(name: String, text: String)] {
    var files: [(String, String)] = []
    for folder in ["examples", "Tests/Fixtures/plan", "Tests/Fixtures/clarifai-examples"] {
      let url = root.appendingPathComponent(folder)
      guard let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil) else {
        continue
      }
      for case let file as URL in walker where file.pathExtension == "yaml" {
        files.append((file.path, try String(contentsOf: file, encoding: .utf8)))
      }
    }
    return files.sorted { $0.0 < $1.0 }
  }

  @Test func mutatedWorkflowsNeverCrashAndKeepTheContract() throws {
    let environment = ProcessInfo.processInfo.environment
    let iterations = environment["WEIR_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 1000
    var random = SplitMix64(seed: environment["WEIR_FUZZ_SEED"].flatMap(UInt64.init) ?? 11)
    let corpus = try Self.corpus()
    #expect(corpus.count >= 10)
    let words = NodeTypeLibrary.standard.names.sorted() + Mutator.extraWords
    let driver = Driver()
    var broken: [String] = []
    var planned = 0
    for i in 0..<iterations {
      let (name, text) = corpus[random.next(below: corpus.count)]
      var mutated = text
      for _ in 0...random.next(below: 3) { mutated = Mutator.mutate(mutated, words: words, random: &random) }
      let file = SourceFile(path: name, text: mutated)
      let checked = driver.check(file, library: .standard)
      let plan = driver.plan(file, library: .standard)
      if plan.plan != nil { planned += 1 }
      if checked.hasErrors == (plan.plan != nil) {
        let said = plan.reports.flatMap(\.diagnostics).filter { $0.severity == .error }.map(\.message)
        broken.append(
          "#\(i) from \(name): check errors \(checked.hasErrors), planned \(plan.plan != nil) \(said)\n\(mutated)"
        )
      }
    }
    #expect(broken == [])
    // Some mutants must survive to the plan, or the contract half of the test says nothing.
    #expect(planned > iterations / 20)
  }
}

/// Small, line-based changes a person makes by mistake: a line gone or doubled, two lines swapped,
/// a word replaced by a type name or a keyword, an indentation changed, a stray character.
enum Mutator {
  static let extraWords = [
    "input", "inputs", "type", "model", "params", "nodes", "models", "IN", "null", "~", "[]", "{}", "-1",
    "1e309", "\"\"", "$accept", "&a", "*a", "detect", "write", "sure",
  ]

  static func mutate(_ text: String, words: [String], random: inout SplitMix64) -> String {
    var lines = text.components(separatedBy: "\n")
    guard !lines.isEmpty else { return text }
    let i = random.next(below: lines.count)
    switch random.next(below: 7) {
    case 0: lines.remove(at: i)
    case 1: lines.insert(lines[i], at: i)
    case 2: lines.swapAt(i, random.next(below: lines.count))
    case 3: lines[i] = replaceWord(lines[i], with: words[random.next(below: words.count)], random: &random)
    case 4: lines[i] = String(repeating: " ", count: random.next(below: 6)) + lines[i].drop { $0 == " " }
    case 5:
      let chars = Array(lines[i])
      let at = chars.isEmpty ? 0 : random.next(below: chars.count + 1)
      let stray: [Character] = [":", "-", "{", "}", "[", "]", ",", "#", "'", "\"", "\t", "é", "0"]
      lines[i] = String(chars[..<at]) + String(stray[random.next(below: stray.count)]) + String(chars[at...])
    default:
      lines = Array(lines.prefix(i))
    }
    return lines.joined(separator: "\n")
  }

  /// `line` with one of its words (letters, digits, `-`, `_`) replaced.
  private static func replaceWord(_ line: String, with word: String, random: inout SplitMix64) -> String {
    let scalars = Array(line)
    let isWord = { (c: Character) in c.isLetter || c.isNumber || c == "-" || c == "_" }
    var starts: [Int] = []
    for (k, c) in scalars.enumerated() where isWord(c) && (k == 0 || !isWord(scalars[k - 1])) {
      starts.append(k)
    }
    guard !starts.isEmpty else { return line + " " + word }
    let start = starts[random.next(below: starts.count)]
    var end = start
    while end < scalars.count && isWord(scalars[end]) { end += 1 }
    return String(scalars[..<start]) + word + String(scalars[end...])
  }
}
