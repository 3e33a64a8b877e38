/// How bad a diagnostic is.
public enum Severity: String, Sendable, Comparable, CaseIterable, Codable {
  case error, warning, note

  private var rank: Int {
    switch self {
    case .error: return 0
    case .warning: return 1
    case .note: return 2
    }
  }

  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A problem found in a source file: the product users judge weir by (Design.md §9.2).
public struct Diagnostic: Hashable, Sendable {
  /// A stable id such as `syntax.unknown-key`, `check.type-mismatch`, `lint.dead-branch`.
  public var id: String
  public var severity: Severity
  /// One line, lowercase, no trailing period.
  public var message: String
  /// Where it is, in the file being checked; `nil` for file-level problems (unreadable file).
  public var range: SourceRange?
  public var notes: [Note]
  public var fixIts: [FixIt]

  public init(
    id: String, severity: Severity, message: String, range: SourceRange?, notes: [Note] = [],
    fixIts: [FixIt] = []
  ) {
    self.id = id
    self.severity = severity
    self.message = message
    self.range = range
    self.notes = notes
    self.fixIts = fixIts
  }

  public static func error(
    _ id: String, _ message: String, at range: SourceRange?, notes: [Note] = [], fixIts: [FixIt] = []
  ) -> Diagnostic {
    Diagnostic(id: id, severity: .error, message: message, range: range, notes: notes, fixIts: fixIts)
  }

  public static func warning(
    _ id: String, _ message: String, at range: SourceRange?, notes: [Note] = [], fixIts: [FixIt] = []
  ) -> Diagnostic {
    Diagnostic(id: id, severity: .warning, message: message, range: range, notes: notes, fixIts: fixIts)
  }

  public static func note(
    _ id: String, _ message: String, at range: SourceRange?, notes: [Note] = [], fixIts: [FixIt] = []
  ) -> Diagnostic {
    Diagnostic(id: id, severity: .note, message: message, range: range, notes: notes, fixIts: fixIts)
  }
}

/// A secondary message attached to a diagnostic, optionally pointing at another range.
public struct Note: Hashable, Sendable {
  public var message: String
  public var range: SourceRange?

  public init(_ message: String, at range: SourceRange? = nil) {
    self.message = message
    self.range = range
  }
}

/// A suggested edit: replace the text in `range` with `replacement`.
public struct FixIt: Hashable, Sendable {
  public var message: String
  public var range: SourceRange
  public var replacement: String

  public init(_ message: String, range: SourceRange, replacement: String) {
    self.message = message
    self.range = range
    self.replacement = replacement
  }
}

extension Array where Element == Diagnostic {
  /// Sorted by position then severity, id and message, with exact duplicates removed (Design.md §9.2).
  public func sortedUnique() -> [Diagnostic] {
    var seen = Set<Diagnostic>()
    return self.filter { seen.insert($0).inserted }.sorted { a, b in
      let ar = a.range ?? .at(-1)
      let br = b.range ?? .at(-1)
      if ar != br { return ar < br }
      if a.severity != b.severity { return a.severity < b.severity }
      if a.id != b.id { return a.id < b.id }
      return a.message < b.message
    }
  }

  public var hasErrors: Bool { contains { $0.severity == .error } }
}
