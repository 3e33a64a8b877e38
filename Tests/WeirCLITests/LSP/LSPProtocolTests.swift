import Foundation
import Testing
import WeirCore
import WeirLSP
import WeirTestSupport

/// `weir lsp` driven over its standard input and output by a protocol client, on the example
/// workflows: initialize → didOpen → didChange → hover, completion, definition, references, rename,
/// code actions, symbols, formatting → shutdown and exit. Every answer goes into a transcript
/// compared with `Tests/Fixtures/lsp/<name>.out`.
@Suite(.serialized) struct LSPProtocolTests {
  /// 0-based line and UTF-16 column of the `occurrence`-th `needle` in `text`, moved `shift` units right.
  static func position(_ needle: String, in text: String, occurrence: Int = 1, shift: Int = 0) -> (Int, Int) {
    var found = 0
    for (n, line) in text.components(separatedBy: "\n").enumerated() {
      var searchStart = line.startIndex
      while let r = line.range(of: needle, range: searchStart..<line.endIndex) {
        found += 1
        if found == occurrence { return (n, line[..<r.lowerBound].utf16.count + shift) }
        searchStart = r.upperBound
      }
    }
    Issue.record("'\(needle)' (\(occurrence)) is not in the text")
    return (0, 0)
  }

  static func at(_ uri: String, _ p: (Int, Int)) -> JSONValue { LSPClient.at(uri, p.0, p.1) }

  @Test func petsSession() throws {
    let session = try LSPSession("pets")
    defer { session.close() }
    let client = session.client
    let capabilities = try client.initialize(root: session.folder.url.path)
    session.record("initialize", capabilities["result"] ?? .null)
    var text = try Repository.text("examples/pets/workflow.yaml")
    let uri = try session.open("workflow.yaml", text)
    _ = try session.diagnostics("diagnostics of the example", uri: uri, version: 1)

    try session.ask(
      "hover on a node type", "textDocument/hover",
      Self.at(uri, Self.position("region-thresholder", in: text, shift: 3)))
    try session.ask(
      "hover on a thresholder's id", "textDocument/hover",
      Self.at(uri, Self.position("  sure:", in: text, shift: 3)))
    try session.ask(
      "hover on a writer's id", "textDocument/hover",
      Self.at(uri, Self.position("  write-review:", in: text, shift: 4)))
    try session.ask(
      "hover on a $var", "textDocument/hover", Self.at(uri, Self.position("$accept", in: text, shift: 2)))
    try session.ask(
      "hover on a model", "textDocument/hover",
      Self.at(uri, Self.position("{model: cat-faces}", in: text, shift: 10)))
    try session.ask(
      "hover on a parameter", "textDocument/hover",
      Self.at(uri, Self.position("concept_threshold_type", in: text, shift: 4)))

    try session.ask(
      "completion of an input", "textDocument/completion",
      Self.at(uri, Self.position("input: unsure", in: text, shift: 13)))
    try session.ask(
      "completion of an enum value", "textDocument/completion",
      Self.at(uri, Self.position("LESS_THAN_OR_EQUAL", in: text, shift: 4)))
    try session.ask(
      "completion of a $var", "textDocument/completion",
      Self.at(uri, Self.position("$review", in: text, shift: 3)))
    try session.ask(
      "completion of a concept", "textDocument/completion",
      Self.at(uri, Self.position("{cat: $review}", in: text, shift: 1)))
    let types = try client.request(
      "textDocument/completion", Self.at(uri, Self.position("type: annotation-writer", in: text, shift: 10)))
    let labels = (types["result"]?["items"]?.array ?? []).compactMap { $0["label"]?.string }
    #expect(
      labels.contains("annotation-writer") && labels.contains("region-thresholder")
        && labels.contains("triage"))

    // Typing a new key in node 'sure': the file no longer parses, completion still knows where it is.
    let after = Self.position(
      "    params: {concept_threshold_type: GREATER_THAN, concepts: {cat: $accept}}", in: text)
    client.change(uri, version: 2, from: (after.0 + 1, 0), to: (after.0 + 1, 0), text: "    inp\n")
    _ = try session.diagnostics("diagnostics while typing a key", uri: uri, version: 2)
    try session.ask("completion of a node key", "textDocument/completion", LSPClient.at(uri, after.0 + 1, 7))
    client.change(uri, version: 3, from: (after.0 + 1, 0), to: (after.0 + 2, 0), text: "")
    _ = try session.diagnostics("diagnostics after removing it", uri: uri, version: 3)

    // A misspelt input: the error, its fix-it as a code action, then the fix applied.
    let input = Self.position("input: detect", in: text, occurrence: 1, shift: 7)
    client.change(uri, version: 4, from: input, to: (input.0, input.1 + 6), text: "detcet")
    _ = try session.diagnostics("diagnostics of a misspelt input", uri: uri, version: 4)
    let range: JSONValue = .object([
      "start": .object(["line": .int(input.0), "character": .int(input.1)]),
      "end": .object(["line": .int(input.0), "character": .int(input.1 + 6)]),
    ])
    try session.ask(
      "code actions on it", "textDocument/codeAction",
      .object([
        "textDocument": .object(["uri": .string(uri)]), "range": range,
        "context": .object(["diagnostics": .array([])]),
      ]))
    client.change(uri, version: 5, from: input, to: (input.0, input.1 + 6), text: "detect")
    _ = try session.diagnostics("diagnostics after the fix", uri: uri, version: 5)

    try session.ask(
      "definition of an input", "textDocument/definition",
      Self.at(uri, Self.position("input: sure", in: text, shift: 8)))
    try session.ask(
      "definition of a $var", "textDocument/definition",
      Self.at(uri, Self.position("$review", in: text, shift: 1)))
    try session.ask(
      "definition of a model", "textDocument/definition",
      Self.at(uri, Self.position("{model: cat-faces}", in: text, shift: 9)))
    try session.ask(
      "references of a node", "textDocument/references",
      .object([
        "textDocument": .object(["uri": .string(uri)]),
        "position": Self.at(uri, Self.position("  detect:", in: text, shift: 3))["position"] ?? .null,
        "context": .object(["includeDeclaration": .bool(true)]),
      ]))
    var rename = Self.at(uri, Self.position("  accept:", in: text, shift: 4))
    if case .object(var members) = rename {
      members["newName"] = .string("threshold"); rename = .object(members)
    }
    try session.ask("rename a var", "textDocument/rename", rename)
    if case .object(var members) = rename {
      members["newName"] = .string("review"); rename = .object(members)
    }
    try session.ask("rename a var to a name in use", "textDocument/rename", rename)
    try session.ask(
      "document symbols", "textDocument/documentSymbol",
      .object(["textDocument": .object(["uri": .string(uri)])]))
    try session.ask(
      "formatting", "textDocument/formatting",
      .object([
        "textDocument": .object(["uri": .string(uri)]),
        "options": .object(["tabSize": .int(2), "insertSpaces": .bool(true)]),
      ]))
    text = ""
    #expect(try client.shutdown() == 0)
    GoldenFile.check(
      session.transcript, against: GoldenFile.fixtures("lsp").appendingPathComponent("pets.out"))
  }

  @Test func clarifaiSession() throws {
    let session = try LSPSession("clarifai")
    defer { session.close() }
    let client = session.client
    try client.initialize(root: session.folder.url.path)
    let text = try Repository.text("examples/auto-annotation/clarifai.yaml")
    let uri = try session.open("clarifai.yaml", text)
    _ = try session.diagnostics("diagnostics of the example", uri: uri, version: 1)
    try session.ask(
      "hover on a model_type_id", "textDocument/hover",
      Self.at(uri, Self.position("model_type_id: annotation-writer", in: text, shift: 20)))
    try session.ask(
      "hover on a node id", "textDocument/hover",
      Self.at(uri, Self.position("- id: sure", in: text, shift: 7)))
    try session.ask(
      "definition of a node_input", "textDocument/definition",
      Self.at(uri, Self.position("node_id: detect", in: text, shift: 10)))
    try session.ask(
      "completion of a node_input", "textDocument/completion",
      Self.at(uri, Self.position("node_id: sure", in: text, shift: 13)))
    try session.ask(
      "completion of a concept", "textDocument/completion",
      Self.at(uri, Self.position("concepts: {cat: 0.95", in: text, shift: 11)))
    try session.ask(
      "document symbols", "textDocument/documentSymbol",
      .object(["textDocument": .object(["uri": .string(uri)])]))
    #expect(try client.shutdown() == 0)
    GoldenFile.check(
      session.transcript, against: GoldenFile.fixtures("lsp").appendingPathComponent("clarifai.out"))
  }

  /// Columns are UTF-16 code units: `é` is one unit (two bytes), `😀` two units (four bytes).
  @Test func positionsCountUTF16CodeUnits() throws {
    let session = try LSPSession("utf16")
    defer { session.close() }
    let client = session.client
    try client.initialize(root: session.folder.url.path)
    let prefix = "  b: {type: region-thresholder, input: \"é😀\", params: {concepts: {\"猫😀\": "
    let text = """
      weir: 1
      description: "猫 😀 cats"
      vars: {accept: 0.5}
      models:
        m: {type: visual-detector, concepts: ["猫😀"], backend: {replay: p.json}}
      nodes:
        a: {model: m}
      \(prefix)$accept}}}

      """
    let uri = try session.open("multibyte.yaml", text)
    let diagnostics = try client.diagnostics(for: uri, version: 1)
    let unknown = try #require(diagnostics.first { $0["code"]?.string == "graph.unknown-input" })
    let inputColumn = "  b: {type: region-thresholder, input: ".utf16.count
    #expect(unknown["range"]?["start"] == .object(["line": .int(7), "character": .int(inputColumn)]))
    // "é😀" with its quotes: 1 + 1 + 2 + 1 units (the bytes would be 8).
    #expect(unknown["range"]?["end"] == .object(["line": .int(7), "character": .int(inputColumn + 5)]))

    // A position after the multi-byte text lands on the var, and its range comes back in units.
    let varColumn = prefix.utf16.count
    let hover = try client.request("textDocument/hover", LSPClient.at(uri, 7, varColumn + 3))
    #expect(hover["result"]?["contents"]?["value"]?.string?.hasPrefix("**$accept** = `0.5`") == true)
    #expect(
      hover["result"]?["range"]?["start"] == .object(["line": .int(7), "character": .int(varColumn + 1)]))

    // An incremental change after the emoji replaces exactly the units it names.
    client.change(uri, version: 2, from: (7, inputColumn + 1), to: (7, inputColumn + 4), text: "a")
    let fixed = try client.diagnostics(for: uri, version: 2)
    #expect(!fixed.contains { $0["code"]?.string == "graph.unknown-input" })
    #expect(try client.shutdown() == 0)
  }

  /// A lint finding comes with its note as related information and, for a branch that can never
  /// pass anything, the `unnecessary` tag; a `.weir.yaml` beside another copy turns the rule off.
  @Test func lintFindingsAndAWeirYamlBesideTheFile() throws {
    let session = try LSPSession("config")
    defer { session.close() }
    let client = session.client
    try client.initialize(root: session.folder.url.path)
    let text = try String(contentsOf: Repository.fixtures("lint", "dead-branch.yaml"), encoding: .utf8)
    for folder in ["plain", "configured"] {
      try FileManager.default.createDirectory(
        atPath: session.folder.path(folder), withIntermediateDirectories: true)
    }
    _ = try session.folder.write("configured/.weir.yaml", "lint:\n  rules:\n    dead-branch: off\n")
    let plain = try session.open("plain/wf.yaml", text)
    let configured = try session.open("configured/wf.yaml", text)
    let found = try client.diagnostics(for: plain, version: 1)
    let dead = try #require(found.first { $0["code"]?.string == "lint.dead-branch" })
    #expect(dead["range"]?["start"] == .object(["line": .int(11), "character": .int(2)]))
    #expect(dead["severity"] == .int(2))
    #expect(dead["tags"] == .array([.int(1)]))
    #expect(
      dead["relatedInformation"]?.array?.first?["message"]?.string == "'sure' gives cat and dog in (0.9, 1]")
    #expect(dead["message"]?.string?.hasSuffix("\nnote: so 'write' never writes anything") == true)
    let off = try client.diagnostics(for: configured, version: 1)
    #expect(!off.contains { $0["code"]?.string == "lint.dead-branch" })
    #expect(try client.shutdown() == 0)
  }
}
