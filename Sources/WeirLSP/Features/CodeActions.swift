import WeirCore

/// Code actions: each fix-it of a diagnostic in the selection as a quick fix, and one action that
/// applies every fix-it of the file at once.
enum CodeActions {
  static func actions(_ analysis: DocumentAnalysis, in selection: SourceRange) -> JSONValue {
    let document = analysis.document
    var actions: [JSONValue] = []
    for diagnostic in analysis.diagnostics where !diagnostic.fixIts.isEmpty {
      guard let range = diagnostic.range, overlaps(range, selection) else { continue }
      for fixIt in diagnostic.fixIts {
        actions.append(
          .object([
            "title": .string(fixIt.message),
            "kind": .string("quickfix"),
            "diagnostics": .array([DiagnosticConversion.convert(diagnostic, in: document)]),
            "isPreferred": .bool(diagnostic.fixIts.count == 1),
            "edit": edit(document, [fixIt]),
          ]))
      }
    }
    let all = everyFixIt(analysis.diagnostics)
    if !all.isEmpty {
      actions.append(
        .object([
          "title": .string(
            all.count == 1 ? "Apply the fix-it in this file" : "Apply all \(all.count) fix-its in this file"),
          "kind": .string("source.fixAll"),
          "edit": edit(document, all),
        ]))
    }
    return .array(actions)
  }

  /// The fix-its of the whole file that can be applied together: the first of each diagnostic, and
  /// none that overlaps one taken before it.
  static func everyFixIt(_ diagnostics: [Diagnostic]) -> [FixIt] {
    var taken: [FixIt] = []
    for diagnostic in diagnostics {
      guard let fixIt = diagnostic.fixIts.first else { continue }
      if taken.contains(where: {
        overlaps($0.range, fixIt.range)
          && !($0.range.isEmpty && fixIt.range.isEmpty && $0.range != fixIt.range)
      }) {
        continue
      }
      taken.append(fixIt)
    }
    return taken.sorted { $0.range < $1.range }
  }

  static func edit(_ document: TextDocument, _ fixIts: [FixIt]) -> JSONValue {
    let edits: [JSONValue] = fixIts.map {
      .object(["range": document.range(of: $0.range).json, "newText": .string($0.replacement)])
    }
    return .object(["changes": .object([document.uri: .array(edits)])])
  }

  /// Whether two ranges share a byte, or one is empty and lies within (or at an end of) the other.
  static func overlaps(_ a: SourceRange, _ b: SourceRange) -> Bool {
    if a.isEmpty || b.isEmpty { return a.start <= b.end && b.start <= a.end }
    return a.start < b.end && b.start < a.end
  }
}
