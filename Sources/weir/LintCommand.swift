import ArgumentParser
import Foundation
import WeirCore
import WeirDriver

/// `weir lint FILE…`: check each file like `weir check`, then run the lint rules
/// (Documentation/LintRules.md).
///
/// Files are linted in parallel and reported in argument order; each uses the nearest `.weir.yaml`
/// in its folder or above. Exit status as `weir check`: 1 when a file has an error (with
/// `--strict`, also a warning), 2 when a file cannot be read or the command line is wrong.
struct LintCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint",
    abstract: "Check workflow files and run the lint rules.",
    discussion: """
      Lint rules find workflows that run but do something their author did not mean: a branch no \
      confidence reaches, two writers writing one region twice, a band nothing covers. \
      'weir lint --list-rules' lists them; Documentation/LintRules.md explains them. '-' reads \
      standard input.
      """)

  @Argument(
    help:
      "Workflow files or folders to lint ('-' reads standard input; none: the current project's workflows).")
  var paths: [String] = []

  @OptionGroup var output: DiagnosticOptions

  @Flag(help: "Fail on warnings too, not only on errors.")
  var strict = false

  @Option(name: .customLong("rule"), help: ArgumentHelp("Run only this rule (repeatable).", valueName: "id"))
  var only: [String] = []

  @Option(
    name: .customLong("disable"), help: ArgumentHelp("Never run this rule (repeatable).", valueName: "id"))
  var disabled: [String] = []

  @Flag(help: "After the findings, print each file's confidence bands (as 'weir bands' does).")
  var explain = false

  @Option(
    name: .customLong("types"),
    help: "Add node type and model declarations (a file or a folder of .yaml files).")
  var typePaths: [String] = []

  @Flag(name: .customLong("list-rules"), help: "List the lint rules and exit.")
  var listRules = false

  @Flag(help: "With --list-rules: print Documentation/LintRules.md.")
  var markdown = false

  func validate() throws {
    if listRules { return }
    if markdown { throw ValidationError("--markdown goes with --list-rules") }
    if paths.filter({ $0 == SourceReader.stdinPath }).count > 1 {
      throw ValidationError("'-' (standard input) can be given only once")
    }
    for id in only + disabled where LintRules.rule(id) == nil {
      let hint = LintRules.suggestion(for: id).map { "; did you mean '\($0)'?" } ?? ""
      throw ValidationError("unknown lint rule '\(id)'\(hint); 'weir lint --list-rules' lists them")
    }
    if explain && output.format != .text {
      throw ValidationError("--explain prints text; it cannot go with --format \(output.format.rawValue)")
    }
  }

  func run() async throws {
    if listRules {
      Terminal.write(markdown ? LintRules.markdown() : LintRules.listing())
      return
    }
    let driver = Driver(typePaths: typePaths)
    let (files, projectProblems) = try WorkflowFiles.forCommand(paths, verb: "lint")
    let libraries = try driver.librariesForCommand(files)
    let commandLine = LintConfiguration(
      only: only.isEmpty ? nil : Set(only.compactMap { LintRules.rule($0)?.id }),
      disabled: Set(disabled.compactMap { LintRules.rule($0)?.id }))
    let projects = ProjectConfigurations(files: files, commandLine: commandLine)
    let explain = self.explain
    let results = await ParallelMap.map(files) { path in
      SourceReader.read(path).map { file -> ([FileDiagnostics], String?) in
        let outcome = driver.lint(
          file, library: libraries.library(for: path), configuration: projects.configuration(for: path))
        let bands = explain ? outcome.bands.map { "\(file.path)\n\(BandChart().render($0))" } : nil
        return (
          outcome.check.related + [FileDiagnostics(file: file, diagnostics: outcome.diagnostics)], bands
        )
      }
    }
    var reports = projectProblems + libraries.problems + projects.problems
    var explanations: [String] = []
    var unreadable = false
    for result in results {
      switch result {
      case .success(let (some, bands)):
        for (i, report) in some.enumerated()
        where i == some.count - 1
          || !reports.contains(where: {
            $0.file.path == report.file.path && $0.diagnostics == report.diagnostics
          })
        {
          reports.append(report)
        }
        if let bands { explanations.append(bands) }
      case .failure(let failure):
        Terminal.fail(failure.description)
        unreadable = true
      }
    }
    Terminal.write(output.render(reports))
    if !explanations.isEmpty { Terminal.write("\n" + explanations.joined(separator: "\n")) }
    if unreadable { throw ExitStatus.usage }
    let strict = self.strict
    let fails = { (d: Diagnostic) in d.severity == .error || (strict && d.severity == .warning) }
    if reports.contains(where: { $0.diagnostics.contains(where: fails) }) { throw ExitStatus.failure }
  }
}
