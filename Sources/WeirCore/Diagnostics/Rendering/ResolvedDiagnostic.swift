/// A diagnostic with every range turned into line and column: the common input of all renderers.
public struct ResolvedDiagnostic: Sendable {
  /// A range as positions; `end` is exclusive (the column after the last character).
  public struct Span: Sendable, Hashable {
    public var start: SourcePosition
    public var end: SourcePosition
  }

  /// A note with its span, when it points somewhere.
  public struct ResolvedNote: Sendable {
    public var message: String
    public var span: Span?
  }

  /// A fix-it with its span and a one-line description ("replace 'a' with 'b'").
  public struct ResolvedFixIt: Sendable {
    public var message: String
    public var span: Span
    public var replacement: String
    public var description: String
  }

  /// The file's path as shown to the user.
  public var path: String
  public var diagnostic: Diagnostic
  public var span: Span?
  public var notes: [ResolvedNote]
  public var fixIts: [ResolvedFixIt]

  public init(_ diagnostic: Diagnostic, in file: SourceFile) {
    self.path = file.path
    self.diagnostic = diagnostic
    self.span = diagnostic.range.map { Self.span($0, in: file) }
    self.notes = diagnostic.notes.map {
      ResolvedNote(message: $0.message, span: $0.range.map { Self.span($0, in: file) })
    }
    self.fixIts = diagnostic.fixIts.map {
      ResolvedFixIt(
        message: $0.message, span: Self.span($0.range, in: file), replacement: $0.replacement,
        description: Self.describe($0, in: file))
    }
  }

  /// Resolves a list in order.
  public static func resolve(_ diagnostics: [Diagnostic], in file: SourceFile) -> [ResolvedDiagnostic] {
    diagnostics.map { ResolvedDiagnostic($0, in: file) }
  }

  static func span(_ range: SourceRange, in file: SourceFile) -> Span {
    Span(start: file.position(of: range.start), end: file.position(of: range.end))
  }

  /// "replace 'node_input' with 'node_inputs'", "insert 'weir: 1'", "remove 'x'".
  static func describe(_ fixIt: FixIt, in file: SourceFile) -> String {
    let old = file.slice(fixIt.range)
    let new = fixIt.replacement
    if old.isEmpty { return "insert '\(printable(new))'" }
    if new.isEmpty { return "remove '\(printable(old))'" }
    return "replace '\(printable(old))' with '\(printable(new))'"
  }

  /// A fix-it's text on one line: line breaks shown as `\n`.
  static func printable(_ s: String) -> String {
    var out = ""
    for c in s.unicodeScalars {
      switch c {
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      default: out.unicodeScalars.append(c)
      }
    }
    return out
  }
}
