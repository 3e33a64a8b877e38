import Foundation

/// How to run a local model program (`backend: {command: [python3, model.py], …}`;
/// Documentation/Backends.md, "The command protocol").
public struct CommandConfig: Sendable, Hashable {
  /// The program and its arguments. No shell is involved.
  public var argv: [String]
  /// The program's working directory: the folder of the workflow file, so `model.py` next to the
  /// workflow is found.
  public var workingDirectory: URL
  /// How long the program may take to answer one request.
  public var timeout: Duration
  /// How long it may take to answer its first request after a (re)start, which includes loading.
  public var startupTimeout: Duration
  /// How many times a program that crashed, hung or exited is started again; after that its
  /// remaining inputs fail at once.
  public var restarts: Int
  /// The most inputs the interpreter should hand over in one `predict` call.
  public var batchSize: Int
  /// The longest answer line read, in bytes; a longer one fails its input.
  public var maxLineBytes = defaultMaxLineBytes

  /// 64 MB: room for thousands of regions with polygons, and a bound on what one answer may cost.
  public static let defaultMaxLineBytes = 64 << 20

  public init(
    argv: [String], workingDirectory: URL, timeout: Duration = .seconds(30), startupTimeout: Duration? = nil,
    restarts: Int = 2, batchSize: Int = 32
  ) {
    self.argv = argv
    self.workingDirectory = workingDirectory
    self.timeout = timeout
    self.startupTimeout = startupTimeout ?? max(timeout, .seconds(60))
    self.restarts = restarts
    self.batchSize = batchSize
  }

  /// The command as a user would type it: `python3 model.py`.
  public var displayCommand: String {
    argv.map { arg in
      arg.isEmpty || arg.contains(where: { " \t\"'\\$".contains($0) })
        ? "'" + arg.replacingOccurrences(of: "'", with: "'\\''") + "'" : arg
    }.joined(separator: " ")
  }
}
