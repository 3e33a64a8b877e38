import Foundation

/// Everything the session does to the outside world, injected so tests run it in-process and the
/// library never prints or exits (STYLE.md): files, the clock, model outputs and plot files.
public struct ReplEnvironment: Sendable {
  /// Relative paths typed at the REPL are resolved against this directory.
  public var currentDirectory: String
  public var readFile: @Sendable (String) throws -> [UInt8]
  public var writeFile: @Sendable (String, [UInt8]) throws -> Void
  /// Paths matching a glob pattern (`*.jpg`, `photos/**/*.png`), sorted; empty when none.
  public var glob: @Sendable (String) -> [String]
  /// Entries of a folder (for completing file names); `nil` when it cannot be read.
  public var listDirectory: @Sendable (String) -> [(name: String, isDirectory: Bool)]?
  /// Seconds on a monotonic clock, for the timings the answers show.
  public var clock: @Sendable () -> Double
  /// Where model outputs come from.
  public var models: any ReplModelSource
  /// Writes sweep plots (`--plot`); `nil` when plots are not available (the library alone).
  public var plotWriter: (any SweepPlotWriter)?

  public init(
    currentDirectory: String = FileManager.default.currentDirectoryPath,
    readFile: @escaping @Sendable (String) throws -> [UInt8] = {
      try [UInt8](Data(contentsOf: URL(fileURLWithPath: $0)))
    },
    writeFile: @escaping @Sendable (String, [UInt8]) throws -> Void = {
      try Data($1).write(to: URL(fileURLWithPath: $0), options: .atomic)
    },
    glob: @escaping @Sendable (String) -> [String] = { FileGlob.paths(matching: $0) },
    listDirectory: @escaping @Sendable (String) -> [(name: String, isDirectory: Bool)]? = {
      FileGlob.list($0)
    },
    clock: @escaping @Sendable () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 },
    models: any ReplModelSource,
    plotWriter: (any SweepPlotWriter)? = nil
  ) {
    self.currentDirectory = currentDirectory
    self.readFile = readFile
    self.writeFile = writeFile
    self.glob = glob
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

/// Where the session's model outputs come from: the runtime's backends (replay, http, command,
/// built-in), behind the session's cache.
public protocol ReplModelSource: Sendable {
  /// The inputs known without being told, e.g. every input a replay recording names; `nil` when
  /// the models cannot say (then `inputs` must be given).
  func knownInputs(of workflow: Workflow, at path: String) async -> Result<[InputItem]?, ModelError>
  /// Text that changes whenever the model behind `node` would answer differently (its model
  /// declaration, backend options, the recording file's contents): outputs cached under one
  /// fingerprint are reused by `reload` and `inputs`.
  func fingerprint(of node: WorkflowNode, in workflow: Workflow, at path: String) -> String
  /// The node's output for each input, in order; a failure for one input is a `.failure` in its slot.
  func outputs(of node: WorkflowNode, in workflow: Workflow, at path: String, for inputs: [InputItem]) async
    -> [Result<DataRecord, ModelError>]
}
