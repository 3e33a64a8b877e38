import WeirCore

/// A REPL session: the loaded workflow, its inputs and cached model outputs, the settings the user
/// changed, ground truth, and the history of runs (Design.md §7, Documentation/REPL.md).
///
/// Request → response, no terminal: `handle` takes a line as typed and returns a `ReplResponse`
/// with the text to show and the same answer as data. The `weir repl` front end adds line editing.
/// Not thread-safe: one session serves one user, one command at a time.
public final class ReplSession {
  public let environment: ReplEnvironment

  /// The workflow file as loaded: its path, text and AST (ranges point into `source`).
  public struct Document: Sendable {
    public var path: String
    public var source: SourceFile
    public var workflow: Workflow
  }

  public internal(set) var document: Document?
  /// The loaded workflow with the settings applied, as the checker sees it.
  public internal(set) var checked: CheckedWorkflow?
  /// The node types the loaded file is checked against.
  var library: NodeTypeLibrary = .standard
  /// What each operator type does: the planner and the bands read its descriptor.
  var operators: OperatorRegistry { environment.operators }
  /// Backends asked so far, by model fingerprint (an http backend keeps its connection).
  var backends: [String: any ModelBackend] = [:]
  /// Outputs of models downstream of operators (a classifier after a crop), kept across runs.
  let modelCache = ModelCache()
  /// Vars and parameters changed with `set`, by target; the file is untouched until `save`.
  public internal(set) var settings: [SettingTarget: ParamValue] = [:]
  /// The session's inputs.
  public internal(set) var inputs: [InputItem] = []
  /// What `inputs` was given, kept across `reload`; `nil` means every input the models know.
  var inputPatterns: [String]?
  /// Model outputs by model fingerprint (`ModelFingerprint`), kept column-wise.
  var cache: [String: CachedAnswers] = [:]
  /// The model outputs of the current inputs, flattened; rebuilt when inputs or models change.
  public internal(set) var table: PredictionTable?
  /// Bumped whenever `table` is rebuilt, so run snapshots know whether rows line up.
  var tableGeneration = 0
  public internal(set) var truth: GroundTruth?
  var truthIndex: (generation: Int, iou: Double, index: TruthIndex)?
  /// The last two runs, for `diff`.
  var snapshots: [RunSnapshot] = []
  var lastReport: ReplRunReport?
  var runCount = 0
  /// Source model nodes whose backend could not be built at the last fetch (with inputs to ask
  /// them about, the answer that fetched is an error, so a script fails).
  var unreachable: [String] = []
  /// Set by the front end (Ctrl-C) to stop the command running; cleared before each command.
  public let cancellation = ReplCancellation()

  public init(environment: ReplEnvironment) {
    self.environment = environment
  }

  /// Runs one line as typed. Empty lines and `#` comments answer with empty text.
  public func handle(_ line: String) async -> ReplResponse {
    switch ReplCommandParser.parse(line) {
    case .success(nil): return ReplResponse(text: "")
    case .success(let request?): return await execute(request)
    case .failure(let error): return .error(error.message, usage: error.usage)
    }
  }

  /// Runs one parsed command.
  public func execute(_ request: ReplRequest) async -> ReplResponse {
    cancellation.reset()
    switch request {
    case .help(let command): return help(command)
    case .load(let path): return await load(path)
    case .reload: return await reload()
    case .inputs(let patterns): return await setInputs(patterns)
    case .truth(let path): return loadTruth(path)
    case .run: return await run()
    case .set(let name, let value): return set(name, value)
    case .unset(let name): return unset(name)
    case .vars: return vars()
    case .sweep(let request): return await sweep(request)
    case .show(let node): return show(node)
    case .explain(let input): return await explain(input)
    case .diff: return diff()
    case .plan: return plan()
    case .check: return check()
    case .lint: return lint()
    case .save(let path): return save(path)
    case .quit: return ReplResponse(text: "", quits: true)
    }
  }

  /// The workflow with the session's settings applied: what runs.
  public var effectiveWorkflow: Workflow? { document.map { $0.workflow.applying(settings) } }

  /// The loaded document, or the error to answer when there is none.
  func requireDocument() -> Result<Document, ReplResponseError> {
    guard let document else {
      return .failure(ReplResponseError("no workflow loaded; use 'load FILE' first"))
    }
    return .success(document)
  }

  private func help(_ command: String?) -> ReplResponse {
    guard let command else {
      var table = ReplTextTable([])
      for info in ReplCommandInfo.all { table.add([info.synopsis, info.summary]) }
      return ReplResponse(
        text: "commands:\n" + table.render()
          + "\n'help COMMAND' explains one; lines starting with '#' are comments",
        payload: .help(ReplCommandInfo.all))
    }
    guard let info = ReplCommandInfo.named(command) else {
      return .error(
        "unknown command '\(command)'\(NameSuggester.didYouMean(command, in: ReplCommandInfo.all.map(\.name)))"
      )
    }
    return ReplResponse(text: "usage: \(info.usage)\n  \(info.summary)", payload: .help([info]))
  }
}

/// A command's failure, as the message to show.
struct ReplResponseError: Error {
  var message: String
  var diagnostics: [Diagnostic] = []

  init(_ message: String, diagnostics: [Diagnostic] = []) {
    self.message = message
    self.diagnostics = diagnostics
  }

  var response: ReplResponse { .error(message, diagnostics: diagnostics) }
}

/// What `diff` needs of a run: where each prediction went.
struct RunSnapshot {
  var number: Int
  var generation: Int
  var writers: [String]
  var masks: [UInt64]
  var branches: [UInt8]
  var table: PredictionTable
}
