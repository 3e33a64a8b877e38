import Foundation

/// One kind of model backend, the key that names it in a model's `backend:` mapping (`replay`,
/// `builtin`, `http`, `command`): its options, how they are checked, and how it is built.
///
/// A kind is one file; `BackendKinds` is the registry the check, the planner's front ends and
/// `weir run` read (Documentation/Development.md, "Adding a backend kind").
public protocol BackendKind: Sendable {
  /// The key that names the kind: `backend: {replay: predictions.json}`.
  var name: String { get }
  /// The options written beside the kind key, for "did you mean" and documentation.
  var optionNames: [String] { get }
  /// Every problem with the kind's value and options, without building anything: no environment,
  /// no permission to run programs, no file system. What `weir check` reports.
  func diagnose(spec: BackendSpec, model: ModelDecl) -> [Diagnostic]
  /// The backend of a planned model, ready to predict.
  func make(_ model: ModelSpec, context: BackendContext) throws(BackendFailure) -> any ModelBackend
}

extension BackendKind {
  /// Most kinds have their value and options checked by the parser (`replay`).
  public func diagnose(spec: BackendSpec, model: ModelDecl) -> [Diagnostic] { [] }
}

/// What building a backend may use beyond the workflow: the process environment (API keys, a
/// program's PATH) and whether local programs may run (`--allow-exec`).
public struct BackendContext: Sendable {
  public var environment: [String: String]
  public var allowExec: Bool

  public init(environment: [String: String] = ProcessInfo.processInfo.environment, allowExec: Bool = false) {
    self.environment = environment
    self.allowExec = allowExec
  }
}

/// Why a backend could not be built: a diagnostic in the workflow file, or a plain message.
public enum BackendFailure: Error, Sendable {
  case diagnostic(Diagnostic)
  case message(String)
}
