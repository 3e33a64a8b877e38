import WeirCore

/// What the server tells the client it can do, in answer to `initialize`.
enum Capabilities {
  static func initializeResult(version: String) -> JSONValue {
    .object([
      "capabilities": .object([
        // 2: incremental; the client sends ranges that changed.
        "textDocumentSync": .object([
          "openClose": .bool(true), "change": .int(2), "save": .object(["includeText": .bool(false)]),
        ]),
        "hoverProvider": .bool(true),
        "completionProvider": .object([
          "triggerCharacters": .array([":", " ", "$", "{", ",", "-"].map { .string($0) })
        ]),
        "definitionProvider": .bool(true),
        "referencesProvider": .bool(true),
        "documentHighlightProvider": .bool(true),
        "documentSymbolProvider": .bool(true),
        "renameProvider": .object(["prepareProvider": .bool(true)]),
        "codeActionProvider": .object([
          "codeActionKinds": .array([.string("quickfix"), .string("source.fixAll")])
        ]),
        "documentFormattingProvider": .bool(true),
      ]),
      "serverInfo": .object(["name": .string("weir"), "version": .string(version)]),
    ])
  }
}
