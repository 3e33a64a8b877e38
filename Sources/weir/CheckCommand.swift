import ArgumentParser
import WeirCore

/// `weir check FILE…`: parse and check workflows; print what is wrong.
///
/// Files are checked in parallel and reported in argument order. Exit status: 0 when no file has
/// an error, 1 when one does, 2 when a file cannot be read (the others are still checked).
struct CheckCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Parse and check workflow files.",
    discussion: "Reports every problem found, sorted by position. '-' reads standard input.")

  @Argument(help: "Workflow files to check ('-' reads standard input).")
  var files: [String] = []

  @OptionGroup var output: DiagnosticOptions

  func validate() throws {
    if files.isEmpty {
      throw ValidationError("give at least one workflow file to check ('-' reads standard input)")
    }
    if files.filter({ $0 == SourceReader.stdinPath }).count > 1 {
      throw ValidationError("'-' (standard input) can be given only once")
    }
  }

  func run() async throws {
    let results = await DiagnosticReport.collect(files) { file in
      FileDiagnostics(file: file, diagnostics: CheckPipeline.check(file).diagnostics)
    }
    try DiagnosticReport.finish(results, options: output)
  }
}
