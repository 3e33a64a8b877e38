import Testing

@testable import WeirCore

/// The text renderer: headers, gutters, carets, notes, fix-its and colour.
@Suite struct TextRendererTests {
  @Test func caretsLandUnderWideCharacters() {
    let source = MarkedSource("concepts: [猫猫, 1️⃣café2️⃣]\n")
    let d = Diagnostic.error("test.id", "bad concept", at: source.range(1, 2))
    let text = DiagnosticRenderer.text([d], in: source.file)
    // 猫 takes two terminal cells: 15 characters before café (column 16) take 17 cells.
    #expect(
      text == """
        test.yaml:1:16: error: bad concept [test.id]
        1 | concepts: [猫猫, café]
          |                  ^~~~

        """)
  }

  @Test func notesWithRangesGetTheirOwnSnippetAndFixItsAreDescribed() {
    let source = MarkedSource("1️⃣id2️⃣: a\n\n\n\n\n\n\n\n\n3️⃣id4️⃣: b\n")
    let d = Diagnostic.error(
      "yaml.duplicate-key", "duplicate key 'id'", at: source.range(3, 4),
      notes: [Note("first given here", at: source.range(1, 2)), Note("keys must be unique")],
      fixIts: [
        FixIt("rename", range: source.range(3, 4), replacement: "name"),
        FixIt("insert", range: .at(0), replacement: "weir: 1\n"),
        FixIt("remove", range: source.range(1, 2), replacement: ""),
      ])
    #expect(
      DiagnosticRenderer.text([d], in: source.file) == """
        test.yaml:10:1: error: duplicate key 'id' [yaml.duplicate-key]
        10 | id: b
           | ^~
        test.yaml:1:1: note: first given here
         1 | id: a
           | ^~
           = note: keys must be unique
           = fix-it: replace 'id' with 'name'
           = fix-it: insert 'weir: 1\\n'
           = fix-it: remove 'id'

        """)
  }

  @Test func multiLineRangesAreUnderlinedOnTheirFirstLine() {
    let source = MarkedSource("a:\n  1️⃣b: 1\n  c: 22️⃣\n")
    let text = DiagnosticRenderer.text([.warning("w", "look", at: source.range(1, 2))], in: source.file)
    #expect(text == "test.yaml:2:3: warning: look [w]\n2 |   b: 1\n  |   ^~~~\n")
  }

  @Test func emptyRangesAndFileLevelDiagnostics() {
    let file = SourceFile(path: "x.yaml", text: "a: 1\n")
    let text = DiagnosticRenderer.text(
      [.error("e", "at the end", at: .at(4)), .error("f", "whole file", at: nil)], in: file)
    #expect(text == "x.yaml:1:5: error: at the end [e]\n1 | a: 1\n  |     ^\nx.yaml: error: whole file [f]\n")
  }

  @Test func colourOnlyWhenAsked() {
    let file = SourceFile(path: "x.yaml", text: "a: 1\n")
    let d = Diagnostic.error("e", "bad", at: SourceRange(start: 0, end: 1))
    #expect(!DiagnosticRenderer.text([d], in: file).contains("\u{1B}["))
    let coloured = DiagnosticRenderer.text([d], in: file, color: true)
    #expect(coloured.contains("\u{1B}[1;31merror:\u{1B}[0m"))
    #expect(coloured.contains("\u{1B}[1;32m^\u{1B}[0m"))
  }

  @Test func longLinesAreWindowed() {
    let long = String(repeating: "x", count: 300)
    let source = MarkedSource("a: \(long)1️⃣bad2️⃣\(long)\n")
    let text = DiagnosticRenderer.text([.error("e", "bad", at: source.range(1, 2))], in: source.file)
    let lines = text.split(separator: "\n")
    #expect(lines[0] == "test.yaml:1:304: error: bad [e]")
    #expect(lines[1].count < 200)
    let caret = lines[2].firstIndex(of: "^")!
    let shown = lines[1]
    #expect(
      shown[
        shown.index(shown.startIndex, offsetBy: lines[2].distance(from: lines[2].startIndex, to: caret))...
      ].hasPrefix("bad"))
  }

  @Test func tabsAndControlCharactersShowAsOneSpace() {
    let source = MarkedSource("a:\t1️⃣x2️⃣\n")
    let text = DiagnosticRenderer.text([.error("e", "m", at: source.range(1, 2))], in: source.file)
    #expect(text.hasSuffix("1 | a: x\n  |    ^\n"))
  }
}
