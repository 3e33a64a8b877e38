/// Renders diagnostics as text (Design.md §9.2):
///
/// ```
/// wf.yaml:9:7: error: unknown key 'node_input'; did you mean 'node_inputs'? [syntax.unknown-key]
///  9 |       node_input:
///    |       ^~~~~~~~~~
///    = note: allowed keys here: id, model, node_inputs
///    = fix-it: replace 'node_input' with 'node_inputs'
/// ```
///
/// A note with a range gets its own `file:line:col: note:` header and snippet; a multi-line
/// range is underlined on its first line only.
struct TextDiagnosticRenderer {
  let file: SourceFile
  let color: Bool

  func render(_ diagnostics: [Diagnostic]) -> String {
    var out = ""
    for d in diagnostics { render(ResolvedDiagnostic(d, in: file), into: &out) }
    return out
  }

  private func render(_ d: ResolvedDiagnostic, into out: inout String) {
    let width = gutterWidth(d)
    out += header(
      d.span?.start, severity: d.diagnostic.severity, message: d.diagnostic.message, id: d.diagnostic.id)
    if let range = d.diagnostic.range { out += snippet(range, width: width) }
    for (note, resolved) in zip(d.diagnostic.notes, d.notes) {
      if let range = note.range {
        out += header(resolved.span?.start, severity: .note, message: note.message, id: nil)
        out += snippet(range, width: width)
      } else {
        out += String(repeating: " ", count: width + 1) + paint("= note:", .bold) + " " + note.message + "\n"
      }
    }
    for fixIt in d.fixIts {
      out +=
        String(repeating: " ", count: width + 1) + paint("= fix-it:", .bold) + " " + fixIt.description + "\n"
    }
  }

  /// `file:line:col: severity: message [id]`; without a position, `file: severity: …`.
  private func header(_ position: SourcePosition?, severity: Severity, message: String, id: String?) -> String
  {
    let location = position.map { "\(file.path):\($0.line):\($0.column):" } ?? "\(file.path):"
    let sev: String
    switch severity {
    case .error: sev = paint("error:", .red)
    case .warning: sev = paint("warning:", .magenta)
    case .note: sev = paint("note:", .cyan)
    }
    let tail = id.map { " [\($0)]" } ?? ""
    return paint(location, .bold) + " " + sev + " " + paint(message, .bold) + tail + "\n"
  }

  /// The width of the line-number column: the digits of the largest line shown.
  private func gutterWidth(_ d: ResolvedDiagnostic) -> Int {
    var largest = d.span?.start.line ?? 1
    for note in d.notes { largest = max(largest, note.span?.start.line ?? 1) }
    return String(largest).count
  }

  /// The first line of `range` with a gutter, and the underline beneath.
  private func snippet(_ range: SourceRange, width: Int) -> String {
    let lineNumber = file.line(containing: range.start)
    let lineRange = file.byteRange(ofLine: lineNumber)
    let start = min(max(range.start, lineRange.start), lineRange.end)
    let end = min(max(range.end, start), lineRange.end)
    let (text, indent, marked) = SnippetLine.around(start..<end, in: file, line: lineRange).windowed()
    let gutter = String(repeating: " ", count: width - String(lineNumber).count) + String(lineNumber)
    let blank = String(repeating: " ", count: width)
    let underline = "^" + String(repeating: "~", count: max(0, marked - 1))
    return paint(gutter + " |", .blue) + (text.isEmpty ? "" : " " + text) + "\n"
      + paint(blank + " |", .blue) + " " + String(repeating: " ", count: indent) + paint(underline, .green)
      + "\n"
  }

  private enum Style: String {
    case bold = "1", red = "1;31", magenta = "1;35", cyan = "1;36", blue = "1;34", green = "1;32"
  }

  private func paint(_ s: String, _ style: Style) -> String {
    color ? "\u{1B}[\(style.rawValue)m\(s)\u{1B}[0m" : s
  }
}
