import ArgumentParser
import WeirCore
import WeirDriver

/// `weir convert FILE --to native|clarifai`: the workflow written in the other dialect
/// (Documentation/Language.md, "Converting").
struct ConvertCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "convert",
    abstract: "Convert a workflow between weir's dialect and Clarifai's.",
    discussion: """
      Keeps node ids, parameters, model identities and comments. What the target cannot hold \
      (a backend, a workflow parameter in Clarifai's dialect) is an error at its place; vars become \
      their values in Clarifai's dialect, with a warning each. The file is checked first: a file \
      with errors prints them instead.
      """)

  @Argument(help: "The workflow file ('-' reads standard input).")
  var file: String

  @Option(help: ArgumentHelp("The dialect to write.", valueName: "dialect"))
  var to: DialectArgument

  @Option(name: .shortAndLong, help: "Write the converted workflow to this file instead of standard output.")
  var output: String?

  @Flag(name: .customLong("drop-backends"), help: "Leave model backends out of a Clarifai conversion.")
  var dropBackends = false

  @Option(
    name: .customLong("types"),
    help: "Add node type and model declarations (a file or a folder of .yaml files).")
  var typePaths: [String] = []

  @Flag(name: .customLong("no-color"), help: "Never colour the output (colour is used only on a terminal).")
  var noColor = false

  func run() async throws {
    let driver = Driver(typePaths: typePaths)
    let target = try outputTarget()
    let source = try driver.readForCommand(file)
    let libraries = try driver.librariesForCommand([file])
    let (errors, conversion) = driver.convert(
      source, library: libraries.library(for: file), to: to.dialect, dropBackends: dropBackends)
    let shown = errors + (conversion?.diagnostics ?? [])
    let color = !noColor && Terminal.wantsColor(.stderr)
    Terminal.write(
      DiagnosticRenderer.text(
        libraries.problems + [FileDiagnostics(file: source, diagnostics: shown.sortedUnique())], color: color),
      to: .stderr)
    guard let text = conversion?.text else { throw ExitStatus.failure }
    guard let target else { return Terminal.write(text) }
    do { try target.write(Array(text.utf8)) } catch {
      Terminal.fail(error.description)
      throw ExitStatus.failure
    }
  }

  /// `--output`, inspected before anything is read, and never the workflow itself.
  private func outputTarget() throws -> OutputTarget? {
    guard let output else { return nil }
    do {
      let target = try OutputTarget.inspect(output)
      if file != "-" { try target.refuseSameFile(as: [ProtectedFile("workflow", file)]) }
      return target
    } catch {
      Terminal.fail("--output: \(error.description)")
      throw ExitStatus.usage
    }
  }
}

/// `--to`'s value.
enum DialectArgument: String, ExpressibleByArgument, CaseIterable {
  case native, clarifai

  var dialect: Dialect {
    switch self {
    case .native: .native
    case .clarifai: .clarifai
    }
  }
}
