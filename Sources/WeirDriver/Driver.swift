import Foundation
import WeirCore
import WeirModels

/// The one way from a workflow file to what weir does with it: reading the file (or standard input),
/// the node-type libraries (`--types`, `.weir/types/`), the project's `.weir.yaml`, the full check,
/// lint, bands, the plan and the backends. `weir check`, `lint`, `bands`, `plan`, `run` and `repl` go
/// through it and nothing else, so they cannot disagree about a file; model bindings (`bindings`)
/// are applied here, and a later front end (a language server) plugs in here, not beside it.
///
/// The driver never prints and never exits: it returns outcomes with diagnostics, and throws
/// `DriverError` only for what is not a diagnostic in a workflow (an unreadable `--types` path, a
/// `--set` that is not an assignment).
public struct Driver: Sendable {
  /// `--types PATH…`: declaration files or folders added to the standard library.
  public var typePaths: [String]
  /// `--set` overrides, applied by the check.
  public var overrides: Overrides
  /// What weir can run: the planner builds operators from it, and the check refuses what it lacks.
  public var operators: OperatorRegistry
  /// The backend kinds (`replay`, `builtin`, `http`, `command`): options checked, backends built.
  public var backendKinds: BackendKinds
  /// Backends bound from outside the workflow: `--backend`, `--models`, `.weir/models.yaml`.
  public var bindings = ModelBindings()

  public init(
    typePaths: [String] = [], overrides: Overrides = Overrides(), operators: OperatorRegistry = .standard,
    backendKinds: BackendKinds = .standard
  ) {
    self.typePaths = typePaths
    self.overrides = overrides
    self.operators = operators
    self.backendKinds = backendKinds
  }

  /// A driver with `--set` assignments parsed.
  ///
  /// - Throws: `DriverError.badAssignment` for one that is not `var=value` or `node.param=value`.
  public init(typePaths: [String] = [], sets: [String]) throws(DriverError) {
    var overrides = Overrides()
    for assignment in sets where !overrides.add(assignment: assignment) {
      throw .badAssignment(assignment)
    }
    self.init(typePaths: typePaths, overrides: overrides)
  }

  /// Reads one workflow file; `-` reads standard input (shown as `<stdin>`).
  public func read(_ path: String) -> Result<SourceFile, ReadFailure> {
    SourceReader.read(path)
  }

  /// The node-type libraries for these workflows: the standard library, `typePaths`, and the
  /// `.weir/types/` folder beside each workflow.
  ///
  /// - Throws: `DriverError.unreadableTypes` when a `--types` path cannot be read.
  public func libraries(for workflowPaths: [String]) throws(DriverError) -> TypeLibraries {
    do {
      return try TypeLibraries(typePaths: typePaths, workflowPaths: workflowPaths)
    } catch {
      throw .unreadableTypes(error.localizedDescription)
    }
  }
}

/// What stops a command before any workflow is checked.
public enum DriverError: Error, Equatable, CustomStringConvertible {
  /// A `--set` that is not an assignment.
  case badAssignment(String)
  /// A `--types` path that cannot be read, with the system's reason.
  case unreadableTypes(String)
  /// A binding setting that is wrong as a whole (`WEIR_CLARIFAI_API`).
  case badBinding(String)

  public var description: String {
    switch self {
    case .badAssignment(let text): "--set takes var=value or node.param=value, not '\(text)'"
    case .unreadableTypes(let reason): "cannot read the --types declarations: \(reason)"
    case .badBinding(let message): message
    }
  }
}
