import ArgumentParser
import WeirCore
import WeirDriver

/// `weir bands FILE`: what each annotation writer writes, per concept, and a chart of the [0, 1]
/// confidence axis per concept showing what is accepted, sent to review and dropped
/// (Documentation/LintRules.md, "How confidence bands are computed").
struct BandsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bands",
    abstract: "Show the confidence bands each annotation writer writes.",
    discussion: """
      Per writer and concept, the band of confidences it writes; per concept, a chart of [0, 1]: \
      A accepted, R awaiting review, · dropped, ! written twice. Try other thresholds with \
      --set accept=0.9. A file with errors prints them instead.
      """)

  @Argument(help: "The workflow file ('-' reads standard input).")
  var file: String

  @Option(
    name: .customLong("set"),
    help: ArgumentHelp("Give a var or parameter another value.", valueName: "name=value"))
  var assignments: [String] = []

  @Flag(help: "Also list what reaches every node.")
  var nodes = false

  @Option(help: "Cells of the [0, 1] axis in each chart.")
  var width: Int = 40

  @Option(
    name: .customLong("types"),
    help: "Add node type and model declarations (a file or a folder of .yaml files).")
  var typePaths: [String] = []

  @Flag(name: .customLong("no-color"), help: "Never colour the output (colour is used only on a terminal).")
  var noColor = false

  func validate() throws {
    for a in assignments {
      var probe = Overrides()
      if !probe.add(assignment: a) {
        throw ValidationError("--set takes name=value or node.param=value; got '\(a)'")
      }
    }
    if !(8...200).contains(width) { throw ValidationError("--width must be between 8 and 200; got \(width)") }
  }

  func run() async throws {
    let driver: Driver
    do { driver = try Driver(typePaths: typePaths, sets: assignments) } catch {
      throw ValidationError(error.description)
    }
    let source = try driver.readForCommand(file)
    let libraries = try driver.librariesForCommand([file])
    let (outcome, bands) = driver.bands(source, library: libraries.library(for: file))
    let problems =
      libraries.problems + [
        FileDiagnostics(file: source, diagnostics: outcome.diagnostics.filter { $0.severity == .error })
      ]
    guard let bands, let checked = outcome.checked else {
      let color = !noColor && Terminal.wantsColor(.stdout)
      Terminal.write(DiagnosticRenderer.text(problems, color: color))
      throw ExitStatus.failure
    }
    let name = checked.workflow.id?.value ?? source.path
    Terminal.write(
      "bands of '\(name)' (\(source.path))\n\n"
        + BandChart(width: width, includeNodes: nodes).render(bands))
  }
}
