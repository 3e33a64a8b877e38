import WeirCore

/// A problem with a model's `backend:` mapping found before anything runs: a missing or malformed
/// option, a missing API key, a command that is not allowed to run or cannot be found.
///
/// The message follows the diagnostic style (one lowercase line naming the model and the option) and
/// never contains a secret: at most the *name* of the environment variable that should hold one.
public struct BackendConfigError: Error, Sendable, Hashable, CustomStringConvertible {
  /// A stable id such as `backend.missing-option` (see Documentation/Backends.md).
  public var id: String
  public var message: String
  /// Where in the workflow file the problem is; `nil` when it has no place (an unset variable).
  public var range: SourceRange?
  public var notes: [Note]

  public init(id: String, message: String, range: SourceRange?, notes: [Note] = []) {
    self.id = id
    self.message = message
    self.range = range
    self.notes = notes
  }

  public var description: String { message }

  /// The error as a diagnostic, for `weir check` and for `weir run`'s start-up report.
  public var diagnostic: Diagnostic { .error(id, message, at: range, notes: notes) }
}

extension BackendConfigError {
  /// A parser that gave neither a value nor a reason: a bug in weir.
  static func rejectedWithoutReason(_ spec: BackendSpec) -> BackendConfigError {
    BackendConfigError(
      id: "backend.internal",
      message: "internal error: a backend was rejected without a reason (please report)",
      range: spec.range)
  }
}
