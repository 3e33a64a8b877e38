import ArgumentParser
import WeirCore
import WeirDriver

/// `weir check FILE…`: parse and check workflows; print what is wrong.
///
/// Files are checked in parallel and reported in argument order. Exit status: 0 when no file has
/// an error, 1 when one does, 2 when a file cannot be read (the others are still checked).
///
/// `--dump-ast` and `--dump-types` are debugging aids (Documentation/Development.md): they print the
/// syntax tree or the checked workflow to standard output, and the diagnostics go to standard error.
struct CheckCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Parse and check workflow files.",
    discussion: "Reports every problem found, sorted by position. '-' reads standard input.")

  @Argument(
    help:
      "Workflow files or folders to check ('-' reads standard input; none: the current project's workflows).")
  var paths: [String] = []

  @OptionGroup var output: DiagnosticOptions

  @OptionGroup var bindingOptions: BindingOptions

  @Option(
    name: .customLong("types"),
    help: "Add node type and model declarations (a file or a folder of .yaml files).")
  var typePaths: [String] = []

  @Flag(
    name: .customLong("dump-ast"),
    help: "Print the syntax tree of each file, every value with its line:column (for debugging weir).")
  var dumpAST = false

  @Flag(
    name: .customLong("dump-types"),
    help: "Print each node's resolved type, input and output kinds and parameters (for debugging weir).")
  var dumpTypes = false

  func validate() throws {
    if paths.filter({ $0 == SourceReader.stdinPath }).count > 1 {
      throw ValidationError("'-' (standard input) can be given only once")
    }
  }

  func run() async throws {
    let driver = try Driver(typePaths: typePaths).binding(bindingOptions)
    let (files, projectProblems) = try WorkflowFiles.forCommand(paths, verb: "check")
    let libraries = try driver.librariesForCommand(files)
    if dumpAST || dumpTypes { return try await dump(driver, libraries, files) }
    let results = await DiagnosticReport.collect(files) { file in
      driver.check(file, library: libraries.library(for: file.path)).reports
    }
    try DiagnosticReport.finish(
      (projectProblems + libraries.problems).map { .success([$0]) } + results, options: output)
  }

  /// Prints the dumps asked for, file by file in argument order (each under a `== path ==` header
  /// when there are several), then the diagnostics on standard error; the exit status is `check`'s.
  private func dump(_ driver: Driver, _ libraries: TypeLibraries, _ files: [String]) async throws {
    let (ast, types, several) = (dumpAST, dumpTypes, files.count > 1)
    let results = await ParallelMap.map(files) { path in
      driver.read(path).map { file -> ([FileDiagnostics], String) in
        let outcome = driver.check(file, library: libraries.library(for: file.path))
        var text = several ? "== \(file.path) ==\n" : ""
        if ast { text += outcome.workflow.map { WorkflowDumper.dump($0, file: file) } ?? "no workflow\n" }
        if ast && types { text += "\n" }
        if types {
          text += outcome.checked.map { CheckedWorkflowDumper.dump($0, file: file) } ?? "no workflow\n"
        }
        return (outcome.reports, text)
      }
    }
    Terminal.write(results.compactMap { try? $0.get().1 }.joined(separator: several ? "\n" : ""))
    try DiagnosticReport.finish(
      libraries.problems.map { .success([$0]) } + results.map { $0.map(\.0) }, options: output, on: .stderr)
  }
}
