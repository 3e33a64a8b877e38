import WeirCore

/// weir's diagnostics as the protocol's: the id as `code`, notes that point somewhere as related
/// information (the others appended to the message), and the `unnecessary` tag on findings about
/// nodes whose output goes nowhere.
enum DiagnosticConversion {
  /// Lint findings about something that has no effect: editors fade it out.
  static let unnecessary: Set = ["lint.unused-output", "lint.dead-branch", "lint.unused-suppression"]

  static func publish(_ analysis: DocumentAnalysis) -> JSONValue {
    let document = analysis.document
    var diagnostics = analysis.diagnostics.map { convert($0, in: document) }
    // Problems of files read for this one (a models file, `--types` declarations) have no place
    // here; say at the top that they exist.
    for related in analysis.check.related where !related.diagnostics.isEmpty {
      let first = related.diagnostics[0]
      diagnostics.append(
        convert(
          Diagnostic(
            id: first.id, severity: first.severity,
            message: "in \(related.file.path): \(first.message)", range: .at(0)),
          in: document))
    }
    return notification(uri: document.uri, version: document.version, diagnostics: diagnostics)
  }

  /// The `.weir.yaml`'s own problems, published on it; `nil` when the file has none that applies.
  static func publishProject(_ analysis: DocumentAnalysis) -> JSONValue? {
    guard let path = analysis.project.path, let source = analysis.project.source else { return nil }
    let document = TextDocument(uri: "file://" + path, version: 0, text: source.text)
    return notification(
      uri: document.uri, version: nil,
      diagnostics: analysis.project.diagnostics.map { convert($0, in: document) })
  }

  static func notification(uri: String, version: Int?, diagnostics: [JSONValue]) -> JSONValue {
    var params: [String: JSONValue] = ["uri": .string(uri), "diagnostics": .array(diagnostics)]
    if let version { params["version"] = .int(version) }
    return .object([
      "jsonrpc": .string("2.0"), "method": .string("textDocument/publishDiagnostics"),
      "params": .object(params),
    ])
  }

  static func convert(_ diagnostic: Diagnostic, in document: TextDocument) -> JSONValue {
    var message = diagnostic.message
    var related: [JSONValue] = []
    for note in diagnostic.notes {
      if let range = note.range {
        related.append(
          .object([
            "location": .object(["uri": .string(document.uri), "range": document.range(of: range).json]),
            "message": .string(note.message),
          ]))
      } else {
        message += "\nnote: \(note.message)"
      }
    }
    var object: [String: JSONValue] = [
      "range": document.range(of: diagnostic.range ?? .at(0)).json,
      "severity": .int(severity(diagnostic.severity)),
      "code": .string(diagnostic.id),
      "source": .string("weir"),
      "message": .string(message),
    ]
    if !related.isEmpty { object["relatedInformation"] = .array(related) }
    if unnecessary.contains(diagnostic.id) { object["tags"] = .array([.int(1)]) }
    return .object(object)
  }

  /// 1 error, 2 warning, 3 information.
  static func severity(_ severity: Severity) -> Int {
    switch severity {
    case .error: 1
    case .warning: 2
    case .note: 3
    }
  }
}
