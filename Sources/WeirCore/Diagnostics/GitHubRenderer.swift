/// Renders diagnostics as GitHub Actions workflow commands, which the Actions runner turns into
/// annotations on the pull request:
/// `::warning file=F,line=L,col=C,endLine=…,endColumn=…,title=ID::message`.
///
/// Errors are `::error`, warnings `::warning`, notes `::notice`. Columns count characters and the end
/// column is inclusive (the last character underlined). Notes follow the message on lines of their own.
public struct GitHubRenderer: Sendable {
  public init() {}

  /// One line per diagnostic, files in the order given.
  public func render(_ reports: [FileDiagnostics]) -> String {
    reports.flatMap { r in r.diagnostics.map { render($0, in: r.file) + "\n" } }.joined()
  }

  /// One workflow command.
  public func render(_ d: Diagnostic, in file: SourceFile) -> String {
    var properties = [("file", file.path)]
    if let range = d.range {
      let start = file.location(of: range.start)
      properties += [("line", "\(start.line)"), ("col", "\(start.column)")]
      if !range.isEmpty {
        let end = file.location(of: range.end)
        // The range is half-open; GitHub's endColumn names the last character itself.
        properties += [("endLine", "\(end.line)"), ("endColumn", "\(max(end.column - 1, 1))")]
      }
    }
    properties.append(("title", d.id))
    let command: String
    switch d.severity {
    case .error: command = "error"
    case .warning: command = "warning"
    case .note: command = "notice"
    }
    var message = d.message
    for note in d.notes {
      let at = note.range.map { r in "line \(file.location(of: r.start).line): " } ?? ""
      message += "\nnote: \(at)\(note.message)"
    }
    let props = properties.map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
    return "::\(command) \(props)::\(Self.escapeData(message))"
  }

  /// Escapes a command's message: `%`, CR and LF.
  public static func escapeData(_ s: String) -> String { escape(s, property: false) }

  /// Escapes a property value: as the message, plus `:` and `,`, which separate properties.
  public static func escapeProperty(_ s: String) -> String { escape(s, property: true) }

  private static func escape(_ s: String, property: Bool) -> String {
    var out = ""
    for c in s.unicodeScalars {
      switch c {
      case "%": out += "%25"
      case "\r": out += "%0D"
      case "\n": out += "%0A"
      case ":" where property: out += "%3A"
      case "," where property: out += "%2C"
      default: out.unicodeScalars.append(c)
      }
    }
    return out
  }
}
