import Foundation
import WeirCore
import WeirDriver

/// Everything the session does to the outside world, injected so tests run it in-process and the
/// library never prints or exits (Design.md §9.1): files, the clock, model outputs and plot files.
public struct ReplEnvironment: Sendable {
  /// Relative paths typed at the REPL are resolved against this directory.
  public var currentDirectory: String
  public var readFile: @Sendable (String) throws -> [UInt8]
  /// Writes a whole file by ``OutputTarget``'s rules: through links, atomically, keeping the mode,
  /// never over a read-only file or a device node.
  public var writeFile: @Sendable (String, [UInt8]) throws -> Void
  /// Inputs named by files, folders, globs or manifests, relative paths against the given folder
  /// (the runtime's `InputResolver`, as for `weir run --inputs`).
  public var resolveInputs: @Sendable ([String], String) -> Result<[InputItem], InputSourceError>
  /// The node types a workflow file is checked against (the standard library, plus a project's own).
  public var typeLibrary: @Sendable (String) -> NodeTypeLibrary
  /// Entries of a folder (for completing file names); `nil` when it cannot be read.
  public var listDirectory: @Sendable (String) -> [(name: String, isDirectory: Bool)]?
  /// Seconds on a monotonic clock, for the timings the answers show.
  public var clock: @Sendable () -> Double
  /// Where model outputs come from.
  public var models: any ReplModelSource
  /// Writes sweep plots (`--plot`); `nil` when plots are not available (the library alone).
  public var plotWriter: (any SweepPlotWriter)?
  /// How a workflow is checked and planned: the same driver as `weir check` and `weir plan`.
  public var driver: Driver
  /// Reads an annotation store's reviewed labels as ground truth (`truth weir.db`): given where the
  /// store is (a resolved path or a URL) and how the user named it. `nil` when stores are not
  /// available (the library alone; the weir command line sets it).
  public var storeTruth: (@Sendable (String, String) -> Result<GroundTruth, GroundTruthError>)? = nil
  /// What each operator type does (the driver's): the planner and the bands read its
  /// descriptor, and the check refuses what it lacks.
  public var operators: OperatorRegistry {
    get { driver.operators }
    set { driver.operators = newValue }
  }

  public init(
    currentDirectory: String = FileManager.default.currentDirectoryPath,
    readFile: @escaping @Sendable (String) throws -> [UInt8] = {
      try [UInt8](Data(contentsOf: URL(fileURLWithPath: $0)))
    },
    writeFile: @escaping @Sendable (String, [UInt8]) throws -> Void = {
      try OutputTarget.inspect($0).write($1)
    },
    resolveInputs: @escaping @Sendable ([String], String) -> Result<[InputItem], InputSourceError> = {
      sources, base in
      Result { () throws(InputSourceError) in try InputResolver(baseDirectory: base).resolve(sources) }
    },
    typeLibrary: @escaping @Sendable (String) -> NodeTypeLibrary = { _ in .standard },
    listDirectory: @escaping @Sendable (String) -> [(name: String, isDirectory: Bool)]? = {
      FileGlob.list($0)
    },
    clock: @escaping @Sendable () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 },
    models: any ReplModelSource = ReplayModelSource(),
    plotWriter: (any SweepPlotWriter)? = nil,
    driver: Driver = Driver()
  ) {
    self.driver = driver
    self.currentDirectory = currentDirectory
    self.readFile = readFile
    self.writeFile = writeFile
    self.resolveInputs = resolveInputs
    self.typeLibrary = typeLibrary
    self.listDirectory = listDirectory
    self.clock = clock
    self.models = models
    self.plotWriter = plotWriter
  }

  /// A path as typed, made absolute against `currentDirectory` (`~/` is the home directory).
  public func resolve(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    if path == "~" || path.hasPrefix("~/") {
      return NSString(string: path).expandingTildeInPath
    }
    return URL(fileURLWithPath: currentDirectory).appendingPathComponent(path).standardizedFileURL.path
  }
}

/// Writes a sweep's plot to a file; the `weir` executable gives SVG and PNG.
public protocol SweepPlotWriter: Sendable {
  /// Writes `sweep` to `path`, the format chosen by the extension (`.svg`, `.png`).
  func write(_ sweep: SweepResult, to path: String) throws
}

/// Where the session's model outputs come from: a backend per planned model (replay, built-in,
/// http, command). The session calls each model once per input and caches what it answers.
public protocol ReplModelSource: Sendable {
  /// The backend of a model as the plan resolved it (paths against the workflow's folder).
  func backend(for model: ModelSpec) -> Result<any ModelBackend, ModelError>
}

/// Replayed predictions only: what WeirCore can reach by itself. The `weir` command line adds the
/// built-in detector and the http and command backends.
public struct ReplayModelSource: ReplModelSource {
  public init() {}

  public func backend(for model: ModelSpec) -> Result<any ModelBackend, ModelError> {
    guard let kind = model.backend?.kind else {
      return .failure(
        ModelError(
          "model '\(model.name)' has no backend; give it one, e.g. backend: {replay: predictions.jsonl}"))
    }
    guard kind == "replay" else {
      return .failure(
        ModelError("model '\(model.name)' has a '\(kind)' backend, which this session cannot call"))
    }
    do {
      return .success(try ReplayBackend(model: model))
    } catch {
      return .failure(ModelError(error.description))
    }
  }
}
