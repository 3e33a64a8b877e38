import ArgumentParser
import WeirCore
import WeirDriver

/// `weir plan FILE`: check a workflow and print the execution plan it compiles to.
///
/// Exit status: 0 when it plans, 2 when the file cannot be read or the workflow does not check.
struct PlanCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plan", abstract: "Print the execution plan of a workflow.",
    discussion: """
      The text form reads in order: what runs for each input, which branches are independent, \
      which model calls are batched, what is not kept. json, dot and mermaid give the same plan \
      as data or as a graph.
      """)

  @Argument(help: "The workflow file ('-' reads standard input).")
  var file: String

  @Option(help: "Output format: \(PlanFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
  var format: PlanFormat = .text

  @Option(
    name: .customLong("set"),
    help: ArgumentHelp(
      "Override a var or a parameter: --set accept=0.9, --set sure.concepts.cat=0.9.", valueName: "var=value")
  )
  var sets: [String] = []

  @Option(
    name: .customLong("types"),
    help: "Add node type and model declarations (a file or a folder of .yaml files).")
  var typePaths: [String] = []

  @Flag(name: .customLong("no-color"), help: "Never colour diagnostics.")
  var noColor = false

  @OptionGroup var bindingOptions: BindingOptions

  func run() async throws {
    let driver: Driver
    do { driver = try Driver(typePaths: typePaths, sets: sets) } catch {
      throw ValidationError(error.description)
    }
    let bound = try driver.binding(bindingOptions)
    let file = try driver.readForCommand(self.file)
    let libraries: TypeLibraries
    do { libraries = try driver.libraries(for: [file.path]) } catch {
      throw ValidationError(error.description)
    }
    let compiled = bound.plan(file, libraries: libraries)
    let color = !noColor && Terminal.wantsColor(.stderr)
    Terminal.write(DiagnosticRenderer.text(compiled.reports, color: color), to: .stderr)
    guard let plan = compiled.plan else { throw ExitStatus.usage }
    Terminal.write(PlanRenderer(format: format).render(plan))
  }
}

extension PlanFormat: ExpressibleByArgument {}
