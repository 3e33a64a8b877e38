import Testing

@testable import WeirCore

/// Byte ranges of loaded nodes, so carets land under the right characters.
@Suite struct YAMLLoaderRangeTests {
  func load(_ source: MarkedSource) -> YAMLNode? {
    let (node, diagnostics) = YAMLLoader().load(source.file)
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    return node
  }

  @Test func multiByteScalarsHaveByteRanges() {
    let source = MarkedSource("concepts: [1️⃣café2️⃣, 3️⃣猫4️⃣, 5️⃣dog6️⃣]\nnext: 7️⃣18️⃣\n")
    let items = load(source)?.mapping?["concepts"]?.sequence?.items ?? []
    #expect(items.map(\.range) == [source.range(1, 2), source.range(3, 4), source.range(5, 6)])
    #expect(load(source)?.mapping?["next"]?.range == source.range(7, 8))
    #expect(source.file.slice(items[1].range) == "猫")
  }

  @Test func columnsCountCharacters() {
    let source = MarkedSource("concepts: [café, 猫, 1️⃣dog]\n")
    // "concepts: [" is 11 characters, "café, " 6 and "猫, " 3: dog starts in column 21.
    #expect(source.file.position(of: source.offsets[1]!) == SourcePosition(line: 1, column: 21))
    #expect(source.file.location(of: source.offsets[1]!) == (1, 21))
  }

  @Test func literalBlockScalarEndsAtItsLastCharacter() {
    let source = MarkedSource(
      "prompt: 1️⃣|\n  Classify {data.text.raw}\n  as positive or negative2️⃣\n\nnext: 1\n")
    let prompt = load(source)?.mapping?["prompt"]?.scalar
    #expect(prompt?.range == source.range(1, 2))
    #expect(prompt?.value == "Classify {data.text.raw}\nas positive or negative\n")
    #expect(prompt?.style == .literal)
  }

  @Test func foldedBlockScalarWithMultiByteText() {
    let source = MarkedSource("d: 1️⃣>-\n  un chat\n  café 猫2️⃣\ne: 3️⃣x4️⃣\n")
    let root = load(source)?.mapping
    #expect(root?["d"]?.range == source.range(1, 2))
    #expect(root?["d"]?.scalar?.value == "un chat café 猫")
    #expect(root?["e"]?.range == source.range(3, 4))
  }

  @Test func quotedScalarRangeIncludesTheQuotes() {
    let source = MarkedSource("a: 1️⃣\"猫 \\u00e9\"2️⃣\nb: 3️⃣'it''s'4️⃣\n")
    let root = load(source)?.mapping
    #expect(root?["a"]?.range == source.range(1, 2))
    #expect(root?["a"]?.scalar?.value == "猫 é")
    #expect(root?["b"]?.range == source.range(3, 4))
    #expect(root?["b"]?.scalar?.value == "it's")
  }

  @Test func keysAndCollectionsHaveRanges() {
    let source = MarkedSource("1️⃣nodes2️⃣: 3️⃣{a: 1, b: [x, y]}4️⃣\n")
    let pair = load(source)?.mapping?.entries.first
    #expect(pair?.key.range == source.range(1, 2))
    #expect(pair?.value.range == source.range(3, 4))
  }

  @Test func byteOrderMarkIsSkipped() {
    let marked = MarkedSource("a: 1️⃣猫2️⃣\n")
    var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
    bytes += Array(marked.text.utf8)
    let file = SourceFile(path: "bom.yaml", bytes: bytes)
    let (node, diagnostics) = YAMLLoader().load(file)
    #expect(diagnostics.isEmpty)
    #expect(
      node?.mapping?["a"]?.range == SourceRange(start: marked.offsets[1]! + 3, end: marked.offsets[2]! + 3))
    let ascii = SourceFile(path: "bom.yaml", bytes: [0xEF, 0xBB, 0xBF] + Array("a: b\n".utf8))
    #expect(YAMLLoader().load(ascii).node?.mapping?["a"]?.range == SourceRange(start: 6, end: 7))
  }

  @Test func crlfLineEndings() {
    let source = MarkedSource("a: 1\r\nb: 1️⃣café2️⃣\r\n")
    #expect(load(source)?.mapping?["b"]?.range == source.range(1, 2))
    #expect(source.file.position(of: source.offsets[1]!) == SourcePosition(line: 2, column: 4))
    #expect(source.file.lineText(2) == "b: café")
  }

  /// A node's range starts at its anchor or tag, where libyaml starts the node.
  @Test func aliasesCopyTheAnchoredNode() {
    let source = MarkedSource("a: 1️⃣&x [1, 2]2️⃣\nb: *x\n")
    let root = load(source)?.mapping
    #expect(root?["b"] == root?["a"])
    #expect(root?["b"]?.range == source.range(1, 2))
  }
}
