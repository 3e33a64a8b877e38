import Testing

@testable import WeirCore

/// Issue 12, item 12: thousands of diagnostics on one long line cost in proportion to their number
/// (figures: scripts/bench-scaling.sh check). These tests pin what the new code paths show.
@Suite struct LongLineTests {
  /// Column of a byte offset counted the slow way: every character from the line's start.
  func naiveColumn(_ file: SourceFile, _ offset: Int) -> Int {
    let line = file.line(containing: offset)
    let start = file.lineStarts[line - 1]
    return String(decoding: file.bytes[start..<offset], as: UTF8.self).count + 1
  }

  @Test func columnsOnALongNonASCIILineMatchCountingFromTheStart() {
    // Wide letters, combining marks, emoji, CR LF and an invalid byte, over many kilobytes.
    var bytes: [UInt8] = Array("short: 猫\n".utf8)
    for i in 0..<3000 {
      bytes += Array("k\(i): ca\u{301}fé 🐈‍⬛, ".utf8)
      if i % 500 == 0 { bytes += [0xFF, 0x41] }
      if i % 700 == 0 { bytes += Array("\r\n".utf8) }
    }
    let file = SourceFile(path: "t.yaml", bytes: bytes)
    #expect(!file.isASCII)
    for offset in stride(from: 0, through: bytes.count, by: 37) {
      // Only offsets that start a character: inside one the naive count splits it.
      guard offset == bytes.count || bytes[offset] & 0xC0 != 0x80 else { continue }
      #expect(file.position(of: offset).column == naiveColumn(file, offset), "offset \(offset)")
    }
  }

  @Test func aSnippetOnAHugeLineIsAWindowAroundTheRange() {
    let before = String(repeating: "a, ", count: 20_000)
    let after = String(repeating: "b, ", count: 20_000)
    let source = MarkedSource("{\(before)1️⃣bad_key2️⃣: 1, \(after)}\n")
    let d = Diagnostic.error("test.id", "unknown key", at: source.range(1, 2))
    let text = DiagnosticRenderer.text([d], in: source.file)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[0] == "test.yaml:1:60002: error: unknown key [test.id]")
    #expect(
      lines[1] == "1 | …" + String(repeating: "a, ", count: 13) + "bad_key: 1, "
        + String(repeating: "b, ", count: 36) + "…")
    #expect(lines[2] == "  | " + String(repeating: " ", count: 40) + "^~~~~~~")
  }

  @Test func aWideRangeOnAHugeLineIsUnderlinedForAHundredCharacters() {
    let long = String(repeating: "x", count: 50_000)
    let source = MarkedSource("a: 1️⃣\(long)2️⃣ tail\n")
    let d = Diagnostic.error("test.id", "too long", at: source.range(1, 2))
    let lines = DiagnosticRenderer.text([d], in: source.file).split(separator: "\n")
    #expect(lines[1] == "1 | a: " + String(repeating: "x", count: 100) + " tail")
    #expect(lines[2] == "  |    ^" + String(repeating: "~", count: 99))
  }

  @Test func cutsNeverSplitACharacter() {
    // 700 three-byte characters before the range: the byte window starts inside one of them.
    let source = MarkedSource(
      String(repeating: "猫", count: 700) + "1️⃣x2️⃣" + String(repeating: "é", count: 700) + "\n")
    let d = Diagnostic.error("test.id", "here", at: source.range(1, 2))
    let lines = DiagnosticRenderer.text([d], in: source.file).split(separator: "\n")
    #expect(
      lines[1] == "1 | …" + String(repeating: "猫", count: 39) + "x" + String(repeating: "é", count: 119) + "…"
    )
    #expect(!lines[1].contains("\u{FFFD}"))
    // "…" takes one cell and each 猫 two.
    #expect(lines[2] == "  | " + String(repeating: " ", count: 1 + 39 * 2) + "^")
  }
}
