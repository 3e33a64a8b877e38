import WeirCore

/// The session's answer to one command: the text a terminal shows, and the same answer as data
/// for tests and other front ends.
public struct ReplResponse: Sendable {
  public enum Status: Sendable, Equatable {
    case ok
    /// The command did nothing (bad input, nothing loaded, a failed read); `text` says why.
    case error
  }

  public var status: Status
  /// What the terminal prints; may be empty (a comment line, `quit`).
  public var text: String
  /// Diagnostics behind the answer (`load`, `set`, `check`, `lint`), already rendered into `text`.
  public var diagnostics: [Diagnostic]
  public var payload: Payload
  /// The session is over (`quit`).
  public var quits: Bool

  /// The answer as data, one case per kind of answer.
  public enum Payload: Sendable {
    case none
    case help([ReplCommandInfo])
    case loaded(LoadSummary)
    case inputs([InputItem])
    case truth(GroundTruthSummary)
    case run(ReplRunReport)
    case setting(SettingChange)
    case vars([SettingState])
    case sweep(SweepResult)
    case node(NodeReport)
    case explanation(Explanation)
    case diff(RunDiff)
    case saved(SaveSummary)
    case text
  }

  public init(
    status: Status = .ok, text: String, diagnostics: [Diagnostic] = [], payload: Payload = .none,
    quits: Bool = false
  ) {
    self.status = status
    self.text = text
    self.diagnostics = diagnostics
    self.payload = payload
    self.quits = quits
  }

  /// An error answer: `error: message`, then the usage line when there is one.
  public static func error(_ message: String, usage: String? = nil, diagnostics: [Diagnostic] = [])
    -> ReplResponse
  {
    var text = "error: \(message)"
    if let usage { text += "\nusage: \(usage)" }
    return ReplResponse(status: .error, text: text, diagnostics: diagnostics)
  }

  public var isError: Bool { status == .error }
}

/// What `load` and `reload` did.
public struct LoadSummary: Equatable, Sendable {
  public var path: String
  public var dialect: Dialect
  public var nodes: Int
  public var vars: Int
  public var writers: Int
  public var inputs: Int
  public var regions: Int
  /// Model nodes whose outputs came from the cache rather than the model (on `reload`).
  public var cachedModels: [String]
  /// Model nodes that were asked (again).
  public var fetchedModels: [String]
  /// Inputs a model failed on, with the message.
  public var failures: [String]
}

/// What `truth` loaded.
public struct GroundTruthSummary: Equatable, Sendable {
  public var path: String
  public var images: Int
  public var objects: Int
  /// Objects per category name.
  public var perConcept: [String: Int]
  /// Session inputs the file covers, of all session inputs.
  public var coveredInputs: Int
  public var inputs: Int
  public var skippedCrowd: Int
}

/// What `set` and `unset` changed.
public struct SettingChange: Equatable, Sendable {
  public var target: SettingTarget
  /// The value as written in the file (`nil` when the file does not write it).
  public var fileValue: String?
  /// The value before and after this command (flow text).
  public var before: String?
  public var after: String?
}

/// One var or changed parameter as `vars` lists it.
public struct SettingState: Equatable, Sendable {
  public var target: SettingTarget
  /// The value in force (flow text).
  public var value: String
  /// The value in the file, when it differs or the setting is a var.
  public var fileValue: String?
  /// Nodes that use it (for vars).
  public var usedBy: [String]

  public var isChanged: Bool { fileValue != value }
}

/// What `show NODE` answers.
public struct NodeReport: Sendable {
  public var node: String
  public var type: String?
  public var inputs: [String]
  public var readers: [String]
  /// The parameters in force, `name = value`.
  public var params: [(name: String, value: String)]
  /// The kind of the data reaching the node, as the checker says it.
  public var kind: String?
  /// Per concept, the band of confidences that can reach the node, as text (`(0.5, 0.95]`).
  public var bands: [(concept: String, band: String)]
  public var text: String
}

/// What `save` wrote.
public struct SaveSummary: Equatable, Sendable {
  public var path: String
  public var changes: [SettingsWriter.Change]
}
