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

  @Option(
    name: .customLong("types"),
    help: "Add node type and model declarations (a file or a folder of .yaml files).")
  var typePaths: [String] = []

  func validate() throws {
    if files.isEmpty {
      throw ValidationError("give at least one workflow file to check ('-' reads standard input)")
    }
    if files.filter({ $0 == SourceReader.stdinPath }).count > 1 {
      throw ValidationError("'-' (standard input) can be given only once")
    }
  }

  func run() async throws {
    let libraries: TypeLibraries
    do {
      libraries = try TypeLibraries(typePaths: typePaths, workflowPaths: files)
    } catch {
      Terminal.fail("cannot read the --types declarations: \(error.localizedDescription)")
      throw ExitStatus.usage
    }
    let results = await DiagnosticReport.collect(files) { file in
      let outcome = CheckPipeline.check(file, library: libraries.library(for: file.path))
      return FileDiagnostics(file: file, diagnostics: outcome.diagnostics)
    }
    try DiagnosticReport.finish(libraries.problems.map { .success($0) } + results, options: output)
  }
}
