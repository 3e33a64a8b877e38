import Foundation
import Testing
import WeirCore
import WeirLSP
import WeirTestSupport

/// What `weir lsp` does with input a client should not send: an error answer or diagnostics, and
/// the server keeps answering; never a crash or a hang.
@Suite(.serialized) struct LSPBadInputTests {
  /// The server still answers a request after whatever came before.
  static func stillAnswers(_ client: LSPClient) throws {
    let answer = try client.request(
      "textDocument/documentSymbol",
      .object(["textDocument": .object(["uri": .string("file:///nowhere.yaml")])]))
    #expect(answer["error"]?["code"] == .int(-32602))
  }

  @Test func aBodyThatIsNotJSONGetsAParseError() throws {
    let session = try LSPSession("not-json")
    defer { session.close() }
    let client = session.client
    try client.initialize(root: session.folder.url.path)
    let body = Array("{\"jsonrpc\": \"2.0\", \"id\": 7, \"method\": ".utf8)
    client.sendRaw(Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
    let error = try client.waitFor("a parse error") { $0["error"] != nil }
    #expect(error["id"] == .null)
    #expect(error["error"]?["code"] == .int(-32700))
    #expect(error["error"]?["message"]?.string == "the message body is not JSON")
    try Self.stillAnswers(client)
    #expect(try client.shutdown() == 0)
  }

  @Test func aHeaderWithoutContentLengthIsAnsweredAndSkipped() throws {
    let session = try LSPSession("bad-header")
    defer { session.close() }
    let client = session.client
    try client.initialize(root: session.folder.url.path)
    client.sendRaw(Array("Content-Size: 12\r\n\r\n".utf8))
    let error = try client.waitFor("an invalid request") { $0["error"] != nil }
    #expect(error["error"]?["code"] == .int(-32600))
    try Self.stillAnswers(client)
    #expect(try client.shutdown() == 0)
  }

  @Test func anUnknownMethodIsMethodNotFoundAndRequestsBeforeInitializeAreRefused() throws {
    let session = try LSPSession("unknown-method")
    defer { session.close() }
    let client = session.client
    let early = try client.request("textDocument/hover", LSPClient.at("file:///x.yaml", 0, 0))
    #expect(early["error"]?["code"] == .int(-32002))
    try client.initialize(root: session.folder.url.path)
    let unknown = try client.request("workspace/executeCommand", .object(["command": .string("weir.run")]))
    #expect(unknown["error"]?["code"] == .int(-32601))
    #expect(
      unknown["error"]?["message"]?.string
        == "weir's language server does not answer 'workspace/executeCommand'")
    client.notify("$/somethingNew", .object([:]))  // a notification nobody knows is ignored
    let noParams = try client.request("textDocument/hover", .object([:]))
    #expect(noParams["error"]?["code"] == .int(-32602))
    try Self.stillAnswers(client)
    #expect(try client.shutdown() == 0)
  }

  @Test func exitWithoutShutdownEndsWithStatusOne() throws {
    let session = try LSPSession("exit")
    defer { session.close() }
    try session.client.initialize(root: session.folder.url.path)
    session.client.notify("exit", .null)
    #expect(session.client.exitStatus() == 1)
  }

  @Test func aDocumentThatIsNotYAMLGetsDiagnostics() throws {
    let session = try LSPSession("not-yaml")
    defer { session.close() }
    let client = session.client
    try client.initialize(root: session.folder.url.path)
    let uri = try session.open("notes.yaml", "key: [unclosed\n  \"quote: {\n")
    let found = try client.diagnostics(for: uri, version: 1)
    #expect(found.first?["code"]?.string == "yaml.syntax")
    // Completion, hover and formatting on it answer, with nothing.
    let completion = try client.request("textDocument/completion", LSPClient.at(uri, 0, 5))
    #expect(completion["error"] == nil)
    let hover = try client.request("textDocument/hover", LSPClient.at(uri, 0, 2))
    #expect(hover["result"] == .null)
    let format = try client.request(
      "textDocument/formatting",
      .object(["textDocument": .object(["uri": .string(uri)]), "options": .object([:])]))
    #expect(format["result"] == .array([]))
    #expect(try client.shutdown() == 0)
  }

  /// A 10 MB workflow (a long description, then nodes with an error) is checked and answered.
  @Test func aTenMegabyteDocumentGetsDiagnostics() throws {
    let session = try LSPSession("large")
    defer { session.close() }
    let client = session.client
    try client.initialize(root: session.folder.url.path)
    let filler = String(repeating: "cats and dogs ", count: 10_000_000 / 14)
    let text = """
      weir: 1
      description: \(filler)
      nodes:
        a: {type: region-thresholder, input: nowhere}

      """
    #expect(text.utf8.count > 10_000_000)
    let uri = try session.open("large.yaml", text)
    let found = try client.diagnostics(for: uri, version: 1, timeout: 300)
    let ids = found.compactMap { $0["code"]?.string }
    #expect(ids.contains("graph.unknown-input"))
    let unknown = try #require(found.first { $0["code"]?.string == "graph.unknown-input" })
    let column = "  a: {type: region-thresholder, input: ".utf16.count
    #expect(unknown["range"]?["start"] == .object(["line": .int(3), "character": .int(column)]))
    try Self.stillAnswers(client)
    #expect(try client.shutdown() == 0)
  }

  /// Past the 16 MiB weir reads from a workflow file: one diagnostic saying so.
  @Test func aDocumentPastTheSizeLimitIsRefusedWithADiagnostic() throws {
    let session = try LSPSession("too-large")
    defer { session.close() }
    let client = session.client
    try client.initialize(root: session.folder.url.path)
    let text = "weir: 1\ndescription: " + String(repeating: "x", count: 17 << 20) + "\n"
    let uri = "file://" + session.folder.path("huge.yaml")
    client.open(uri, text: text)
    let found = try client.diagnostics(for: uri, version: 1, timeout: 300)
    #expect(found.map { $0["code"]?.string } == ["yaml.too-large"])
    try Self.stillAnswers(client)
    #expect(try client.shutdown() == 0)
  }
}
