import Foundation
import Testing

@testable import WeirCore

/// The JSON renderer: one object per diagnostic, positions in characters, valid JSON always.
@Suite struct JSONRendererTests {
  func decode(_ text: String) throws -> [[String: Any]] {
    let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(value as? [[String: Any]])
  }

  @Test func fieldsOfADiagnostic() throws {
    let source = MarkedSource("concepts: [café, 1️⃣猫\"2️⃣]\n")
    let d = Diagnostic.error(
      "syntax.x", "a \"quoted\"\nmessage", at: source.range(1, 2),
      notes: [Note("here", at: source.range(1, 2)), Note("no range")],
      fixIts: [FixIt("use dog", range: source.range(1, 2), replacement: "dog")])
    let objects = try decode(DiagnosticRenderer.json([d], in: source.file))
    let o = try #require(objects.first)
    #expect(o["file"] as? String == "test.yaml")
    #expect(o["line"] as? Int == 1)
    #expect(o["column"] as? Int == 18)
    #expect(o["endLine"] as? Int == 1)
    #expect(o["endColumn"] as? Int == 20)
    #expect(o["id"] as? String == "syntax.x")
    #expect(o["severity"] as? String == "error")
    #expect(o["message"] as? String == "a \"quoted\"\nmessage")
    let notes = try #require(o["notes"] as? [[String: Any]])
    #expect(notes.count == 2)
    #expect(notes[0]["column"] as? Int == 18)
    #expect(notes[1]["line"] is NSNull)
    let fixIts = try #require(o["fixIts"] as? [[String: Any]])
    #expect(fixIts.first?["replacement"] as? String == "dog")
    #expect(fixIts.first?["message"] as? String == "replace '猫\"' with 'dog'")
  }

  @Test func severalFilesMakeOneArrayInOrder() throws {
    let a = SourceFile(path: "a.yaml", text: "x: 1\n")
    let b = SourceFile(path: "b.yaml", text: "y: 2\n")
    let text = DiagnosticRenderer.json([
      FileDiagnostics(file: a, diagnostics: [.warning("w", "one", at: .at(0))]),
      FileDiagnostics(file: b, diagnostics: []),
      FileDiagnostics(file: b, diagnostics: [.error("e", "two", at: nil)]),
    ])
    let objects = try decode(text)
    #expect(objects.map { $0["file"] as? String } == ["a.yaml", "b.yaml"])
    #expect(objects[1]["line"] is NSNull)
    #expect(DiagnosticRenderer.json([], in: a) == "[]\n")
  }

  @Test func controlCharactersAreEscaped() throws {
    let file = SourceFile(path: "tab\there.yaml", text: "a\n")
    let text = DiagnosticRenderer.json([.error("e", "bell \u{7} and nul \u{0}", at: .at(0))], in: file)
    #expect(text.contains("\\u0007"))
    #expect(try decode(text).first?["file"] as? String == "tab\there.yaml")
  }
}
