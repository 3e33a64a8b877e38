import ArgumentParser
import Foundation
import WeirCore

/// `weir run FILE`: run a workflow over inputs and write its annotations to the store
/// (Documentation/Runtime.md, "Running").
///
/// Exit status: 0 when every input went through, 1 when some failed (or the store failed), 2 when
/// the workflow does not check or the command cannot start (bad inputs, unreadable predictions, a
/// command backend without --allow-exec), 130 when stopped with Ctrl-C.
struct RunCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run", abstract: "Run a workflow over inputs and write its annotations to the store.",
    discussion: """
      Without --inputs, a workflow whose model replays recorded predictions runs over every input \
      they name. A run that was killed is resumed by the next run of the same file and vars on the \
      same store: inputs it finished are skipped (--no-resume runs them all again).
      """)

  @Argument(help: "The workflow file.")
  var file: String

  @Option(
    name: .customLong("inputs"), parsing: .upToNextOption,
    help: "Images, folders, globs or manifests (.jsonl, .csv, a COCO .json), or URLs.")
  var inputs: [String] = []

  @Option(
    help: "The annotation store: a SQLite file, or postgresql://user@host/db to share the run with workers.")
  var store = "weir.db"

  @Option(help: "Inputs per shard, with a PostgreSQL store.")
  var shardSize = 200

  @Option(help: "With a PostgreSQL store: how long a claimed shard stays this process's without renewal.")
  var lease = "60s"

  @Option(help: "Batches of inputs in flight at once.")
  var jobs = ProcessInfo.processInfo.activeProcessorCount

  @Option(
    name: .customLong("set"),
    help: ArgumentHelp(
      "Override a var or a parameter: --set accept=0.9, --set sure.concepts.cat=0.9.", valueName: "var=value")
  )
  var sets: [String] = []

  @Flag(help: "Run everything but write nothing to the store; print the same summary.")
  var dryRun = false

  @Option(help: "Write each input's node outputs (Clarifai's outputs[] shape) as JSON lines to this file.")
  var output: String?

  @Option(help: "Record every model output as weir JSON lines (replayable with backend {replay: FILE}).")
  var record: String?

  @Flag(help: "Allow command backends to run local programs.")
  var allowExec = false

  @Option(
    name: .customLong("allow-host"),
    help: ArgumentHelp(
      "Allow http backends to send their API key to this host (besides CLARIFAI_PAT to api.clarifai.com).",
      valueName: "host[:port]"))
  var allowHosts: [String] = []

  @Flag(name: .customLong("no-resume"), help: "Run every input, even those an interrupted run finished.")
  var noResume = false

  @Option(
    name: .customLong("types"),
    help: "Add node type and model declarations (a file or a folder of .yaml files).")
  var typePaths: [String] = []

  @Flag(name: .customLong("no-color"), help: "Never colour diagnostics.")
  var noColor = false

  @OptionGroup var bindingOptions: BindingOptions

  @Option(help: .hidden) var batchSize: Int?
  @Option(help: .hidden) var progressInterval: Double?
  @Option(help: .hidden) var lockTimeout: Double?

  func validate() throws {
    if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    if let b = batchSize, b < 1 { throw ValidationError("--batch-size must be at least 1") }
    if shardSize < 1 { throw ValidationError("--shard-size must be at least 1") }
    if (LeaseDuration.seconds(lease) ?? 0) <= 0 {
      throw ValidationError("--lease '\(lease)' is not a duration such as 60s, 2m or 500ms")
    }
  }

  func run() async throws {
    let status = await RunSession(command: self).run()
    if status != ExitStatus.ok { throw status }
  }
}
