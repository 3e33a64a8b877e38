import Foundation
import Testing

@testable import WeirCore

/// Golden tests (STYLE.md): each `Tests/Fixtures/sema/NAME.yaml` is checked and its diagnostics,
/// rendered in full, must equal `NAME.err`. A missing `.err` is written and the test fails;
/// `UPDATE_GOLDEN=1 swift test` rewrites them all.
@Suite struct SemaGoldenTests {
  static let fixtures = Repo.files(under: "Tests/Fixtures/sema", extensions: ["yaml"])

  @Test(arguments: fixtures)
  func fixture(_ name: String) throws {
    let path = "Tests/Fixtures/sema/" + name
    let text = try Repo.text(path)
    let (workflow, file) = TestWorkflow.parse(text, path: path)
    let (_, diagnostics) = TypeChecker().check(workflow)
    let rendered = GoldenRenderer.render(diagnostics, in: file)
    try Golden.compare(rendered, with: String(path.dropLast(".yaml".count)) + ".err")
  }

  @Test func thereAreEnoughFixtures() {
    #expect(Self.fixtures.count >= 20)
  }
}

/// Compares output with an expected file, writing it when missing or when UPDATE_GOLDEN is set.
enum Golden {
  static func compare(_ actual: String, with path: String) throws {
    let url = Repo.url(path)
    let update = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] != nil
    guard !update, let expected = try? String(contentsOf: url, encoding: .utf8) else {
      try actual.write(to: url, atomically: true, encoding: .utf8)
      if !update { Issue.record("wrote \(path); review it and run the tests again") }
      return
    }
    #expect(actual == expected, "\(path) differs; UPDATE_GOLDEN=1 swift test rewrites it")
  }
}

/// A stand-in for the diagnostics renderer of the syntax branch, in its documented format:
/// `file:line:col: severity: message [id]`, the source line, a caret line, then notes.
enum GoldenRenderer {
  static func render(_ diagnostics: [Diagnostic], in file: SourceFile) -> String {
    diagnostics.map { render($0, in: file) }.joined()
  }

  static func render(_ d: Diagnostic, in file: SourceFile) -> String {
    var out = ""
    guard let range = d.range else { return "\(file.path): \(d.severity): \(d.message) [\(d.id)]\n" + notes(d, file) }
    let (line, column) = file.location(of: range.start)
    out += "\(file.path):\(line):\(column): \(d.severity): \(d.message) [\(d.id)]\n"
    out += excerpt(range, in: file)
    return out + notes(d, file)
  }

  static func notes(_ d: Diagnostic, _ file: SourceFile) -> String {
    var out = ""
    for note in d.notes {
      if let range = note.range {
        let (line, column) = file.location(of: range.start)
        out += "\(file.path):\(line):\(column): note: \(note.message)\n" + excerpt(range, in: file)
      } else {
        out += "note: \(note.message)\n"
      }
    }
    for fix in d.fixIts { out += "fix-it: \(fix.message): '\(fix.replacement)'\n" }
    return out
  }

  static func excerpt(_ range: SourceRange, in file: SourceFile) -> String {
    let (line, column) = file.location(of: range.start)
    let (endLine, endColumn) = file.location(of: range.end)
    let text = file.lineText(line)
    let width = max(1, (endLine == line ? endColumn : text.count + 1) - column)
    let gutter = String(repeating: " ", count: String(line).count)
    return "\(line) | \(text)\n\(gutter) | \(String(repeating: " ", count: column - 1))^\(String(repeating: "~", count: width - 1))\n"
  }
}
