/// Turns diagnostics into what users read: text for terminals, JSON for tools (Design.md §4).
///
/// Every format starts from `ResolvedDiagnostic` (positions already turned into line and
/// column), so a new format (SARIF, GitHub annotations) is one more file with one more
/// `static func` in an extension of this enum.
public enum DiagnosticRenderer {
  /// `file:line:col: error: message [id]`, the source line in a gutter with `^~~~` under the
  /// range, then notes (each with its own location and snippet when it has a range) and fix-its.
  /// `color` adds ANSI colours; the caller decides (a TTY, `--no-color`).
  public static func text(_ diagnostics: [Diagnostic], in file: SourceFile, color: Bool = false) -> String {
    TextDiagnosticRenderer(file: file, color: color).render(diagnostics)
  }

  /// The text of several files' diagnostics, in the order given.
  public static func text(_ reports: [FileDiagnostics], color: Bool = false) -> String {
    reports.map { text($0.diagnostics, in: $0.file, color: color) }.joined()
  }

  /// A JSON array with one object per diagnostic (see `Documentation/Diagnostics.md`).
  public static func json(_ diagnostics: [Diagnostic], in file: SourceFile) -> String {
    json([FileDiagnostics(file: file, diagnostics: diagnostics)])
  }

  /// One JSON array holding the diagnostics of all the files, in the order given.
  public static func json(_ reports: [FileDiagnostics]) -> String {
    JSONDiagnosticRenderer.render(reports.flatMap { ResolvedDiagnostic.resolve($0.diagnostics, in: $0.file) })
  }
}

/// The diagnostics found in one file.
public struct FileDiagnostics: Sendable {
  public var file: SourceFile
  public var diagnostics: [Diagnostic]

  public init(file: SourceFile, diagnostics: [Diagnostic]) {
    self.file = file
    self.diagnostics = diagnostics
  }
}
