import Foundation

/// A `weir` started in the background (a long run to interrupt or to race), whose standard error is
/// read as it comes so a test can wait for a line before acting.
public final class BackgroundWeir {
  public let process = Process()
  private let out = Pipe()
  private let err = Pipe()
  /// What the process has printed on standard error so far.
  public private(set) var standardError = ""

  /// Starts `weir arguments…` in `folder` (the current folder unless given), with `environment`
  /// added to this process's; through `launcher` when given (a program and its arguments that run
  /// the rest, such as ``NetworkNamespace/launcher``).
  public init(
    _ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:], launcher: [String] = []
  ) throws {
    let weir = try WeirProcess.executable()
    if let program = launcher.first {
      process.executableURL = URL(fileURLWithPath: program)
      process.arguments = launcher.dropFirst() + [weir.path] + arguments
    } else {
      process.executableURL = weir
      process.arguments = arguments
    }
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    if let folder { process.currentDirectoryURL = folder }
    process.standardError = err
    process.standardOutput = out
    try process.run()
  }

  /// Reads standard error until `pattern` (a regular expression) matches what was read, or the
  /// stream ends.
  public func readStandardError(until pattern: String) {
    while standardError.range(of: pattern, options: .regularExpression) == nil {
      let chunk = err.fileHandleForReading.availableData
      if chunk.isEmpty { return }
      standardError += String(decoding: chunk, as: UTF8.self)
    }
  }

  /// Waits for the process to end; returns its exit status and standard output, and completes
  /// `standardError`.
  public func finish() -> (status: Int32, stdout: String) {
    let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    standardError += String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, stdout)
  }
}
