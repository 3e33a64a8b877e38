import ArgumentParser
import Foundation
import WeirCore
import WeirDriver
import WeirModels
import WeirPlot
import WeirREPL

/// `weir repl [FILE]`: the interactive session where thresholds are tuned (Documentation/REPL.md).
struct ReplCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "repl",
    abstract: "Load a workflow, run it over cached model outputs, change thresholds, sweep, compare, save.",
    discussion: """
      On a terminal: line editing, history (in $WEIR_HISTORY or ~/.weir_history) and tab completion. \
      Otherwise commands are read line by line from standard input (weir repl pets.yaml < script); \
      errors go to standard error and the exit status is 1 if any command failed.
      """)

  @Argument(help: "A workflow file to load first.")
  var file: String?

  @Option(
    help: ArgumentHelp(
      "Ground truth: a COCO annotations file, a YOLO dataset folder, or an annotation store (its reviewed labels).",
      valueName: "path|store"))
  var truth: String?

  @Option(
    parsing: .upToNextOption, help: "Inputs (files, folders, globs) instead of every input the models know.")
  var inputs: [String] = []

  @Flag(help: "Allow 'command' backends to run local programs.")
  var allowExec = false

  @Option(
    name: .customLong("allow-host"),
    help: ArgumentHelp(
      "Allow http backends to send their API key to this host (besides CLARIFAI_PAT to api.clarifai.com).",
      valueName: "host[:port]"))
  var allowHosts: [String] = []

  @Option(
    name: .customLong("types"),
    help: "Add node type and model declarations (a file or a folder of .yaml files), as for weir run.")
  var typePaths: [String] = []

  @OptionGroup var bindingOptions: BindingOptions

  func run() async throws {
    let keys: KeyPolicy
    do {
      keys = try KeyPolicy.load(allowHosts: allowHosts, environment: ProcessInfo.processInfo.environment)
    } catch {
      FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
      throw ExitStatus.usage
    }
    let driver = try Driver(typePaths: typePaths, backendKinds: .standard(keys: keys)).binding(bindingOptions)
    let models = WorkflowModelSource(driver: driver, allowExec: allowExec)
    // The standard library plus --types and the workflow's .weir/types/, as weir check and run use.
    let library: @Sendable (String) -> NodeTypeLibrary = { path in
      (try? driver.libraries(for: [path]))?.library(for: path) ?? .standard
    }
    var environment = ReplEnvironment(
      typeLibrary: library, models: models, plotWriter: PlotFileWriter(), driver: driver)
    environment.storeTruth = { location, shown in StoreGroundTruth.read(location, shown: shown) }
    let session = ReplSession(environment: environment)
    var failed = false
    var opening: [ReplResponse] = []
    if let file {
      // The workflow and its inputs together, so the greeting counts the inputs given.
      opening.append(await session.open(file, inputs: inputs))
    }
    for line in openingCommands() { opening.append(await session.handle(line)) }
    for response in opening {
      if response.isError {
        failed = true
        FileHandle.standardError.write(Data((response.text + "\n").utf8))
      } else if !response.text.isEmpty {
        print(response.text)
      }
    }
    let interactive = isatty(STDIN_FILENO) == 1
    let failures = await ReplLoop(session: session).run(
      interactive: interactive, historyPath: ReplLoop.historyPath())
    if !interactive, failures > 0 || failed { throw ExitCode(1) }
  }

  /// The commands the options stand for after the workflow is opened, quoted so names with blanks survive.
  func openingCommands() -> [String] {
    func quoted(_ s: String) -> String { s.contains(where: \.isWhitespace) ? "\"\(s)\"" : s }
    var lines: [String] = []
    if file == nil, !inputs.isEmpty { lines.append("inputs " + inputs.map(quoted).joined(separator: " ")) }
    if let truth { lines.append("truth \(quoted(truth))") }
    return lines
  }
}
