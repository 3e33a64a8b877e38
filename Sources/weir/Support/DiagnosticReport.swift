import ArgumentParser
import WeirCore
import WeirDriver

/// The end of every command that checks files: print what was found, then exit with weir's
/// status (0 clean, 1 errors, 2 unreadable files; `ExitStatus`).
enum DiagnosticReport {
  /// Reads and processes every path in parallel (`-` is standard input); results keep argument order.
  static func collect(
    _ paths: [String], _ process: @escaping @Sendable (SourceFile) -> [FileDiagnostics]
  ) async -> [Result<[FileDiagnostics], ReadFailure>] {
    await ParallelMap.map(paths) { SourceReader.read($0).map(process) }
  }

  /// Prints read failures to standard error (`weir: cannot read …`) and the diagnostics to
  /// `stream` (standard output unless a command prints something else there) in the chosen format,
  /// then throws the exit status unless it is 0.
  static func finish(
    _ results: [Result<[FileDiagnostics], ReadFailure>], options: DiagnosticOptions,
    on stream: Terminal.Stream = .stdout
  ) throws {
    var reports: [FileDiagnostics] = []
    var unreadable = false
    for result in results {
      switch result {
      case .success(let some):
        // The workflow's own report comes last; the files before it (a models file shared by
        // several workflows) are reported once.
        for (i, report) in some.enumerated()
        where i == some.count - 1
          || !reports.contains(where: {
            $0.file.path == report.file.path && $0.diagnostics == report.diagnostics
          })
        {
          reports.append(report)
        }
      case .failure(let failure):
        Terminal.fail(failure.description)
        unreadable = true
      }
    }
    Terminal.write(options.render(reports, on: stream), to: stream)
    if unreadable { throw ExitStatus.usage }
    if reports.contains(where: { $0.diagnostics.hasErrors }) { throw ExitStatus.failure }
  }
}
