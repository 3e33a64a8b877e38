/// Renders diagnostics as one JSON array, one object per diagnostic:
/// `file, line, column, endLine, endColumn, id, severity, message, notes[], fixIts[]`.
/// Lines and columns are 1-based; columns count characters; `endColumn` is exclusive.
/// A diagnostic about a whole file (no range) has `null` positions.
enum JSONDiagnosticRenderer {
  static func render(_ diagnostics: [ResolvedDiagnostic]) -> String {
    JSONOutput.array(diagnostics.map(object)).written() + "\n"
  }

  static func object(_ d: ResolvedDiagnostic) -> JSONOutput {
    var fields: [(String, JSONOutput)] = [("file", .string(d.path))]
    fields += spanFields(d.span)
    fields += [
      ("id", .string(d.diagnostic.id)),
      ("severity", .string(d.diagnostic.severity.rawValue)),
      ("message", .string(d.diagnostic.message)),
      ("notes", .array(d.notes.map { .object([("message", .string($0.message))] + spanFields($0.span)) })),
      ("fixIts", .array(d.fixIts.map(fixIt))),
    ]
    return .object(fields)
  }

  static func fixIt(_ f: ResolvedDiagnostic.ResolvedFixIt) -> JSONOutput {
    .object(
      [("message", .string(f.description))] + spanFields(f.span) + [("replacement", .string(f.replacement))])
  }

  static func spanFields(_ span: ResolvedDiagnostic.Span?) -> [(String, JSONOutput)] {
    func int(_ i: Int?) -> JSONOutput { i.map { .int($0) } ?? .null }
    return [
      ("line", int(span?.start.line)), ("column", int(span?.start.column)),
      ("endLine", int(span?.end.line)), ("endColumn", int(span?.end.column)),
    ]
  }
}
