import WeirCore

/// A REPL command's name, usage line and one-line doc: what `help` prints and completion offers.
public struct ReplCommandInfo: Equatable, Sendable {
  public var name: String
  /// The synopsis, e.g. `sweep NAME FROM..TO step S | N points [--iou X] [--plot FILE.svg|png]`.
  public var usage: String
  /// One line, lowercase, no trailing period.
  public var summary: String

  /// The usage without its options, for the list `help` prints.
  public var synopsis: String {
    usage.range(of: " [--").map { String(usage[..<$0.lowerBound]) } ?? usage
  }
  /// What the first argument names, for tab completion.
  public var argument: ArgumentKind

  /// What a command's first argument is, so completion can offer the right names.
  public enum ArgumentKind: Equatable, Sendable {
    case none
    case file
    case command
    /// A var or a `NODE.PARAM`.
    case setting
    case node
    case input
  }

  /// Every command, in the order `help` lists them.
  public static let all: [ReplCommandInfo] = [
    .init(
      name: "help", usage: "help [COMMAND]", summary: "list the commands, or explain one", argument: .command),
    .init(name: "load", usage: "load FILE", summary: "load a workflow file (both dialects)", argument: .file),
    .init(
      name: "reload", usage: "reload",
      summary: "re-read the workflow file; model outputs whose model did not change are kept", argument: .none
    ),
    .init(
      name: "inputs", usage: "inputs [PATH|GLOB…]",
      summary: "choose the inputs (files, folders, globs, manifests); alone, list them", argument: .file),
    .init(
      name: "truth", usage: "truth FILE", summary: "use a COCO annotations file as ground truth",
      argument: .file),
    .init(
      name: "run", usage: "run",
      summary: "run over the cached model outputs; counts per writer, status and concept", argument: .none),
    .init(
      name: "set", usage: "set NAME|NODE.PARAM = VALUE",
      summary: "change a var or a node parameter (type-checked)", argument: .setting),
    .init(
      name: "unset", usage: "unset NAME", summary: "undo a 'set': back to the value in the file",
      argument: .setting),
    .init(name: "vars", usage: "vars", summary: "show the vars and changed parameters", argument: .none),
    .init(
      name: "sweep", usage: "sweep NAME FROM..TO (step S | N points) [--iou X] [--plot FILE.svg|png]",
      summary: "run once per value: accepted / review / dropped, precision and recall", argument: .setting),
    .init(
      name: "show", usage: "show NODE", summary: "the kind and confidence bands reaching a node",
      argument: .node),
    .init(
      name: "explain", usage: "explain INPUT",
      summary: "what happened to each region of one input, node by node",
      argument: .input),
    .init(
      name: "diff", usage: "diff", summary: "regions that changed branch between the last two runs",
      argument: .none),
    .init(name: "plan", usage: "plan", summary: "print the execution plan", argument: .none),
    .init(
      name: "check", usage: "check", summary: "type-check the workflow with the current settings",
      argument: .none),
    .init(
      name: "lint", usage: "lint", summary: "check plus lint rules, with the current settings",
      argument: .none),
    .init(
      name: "save", usage: "save [FILE]",
      summary: "write changed vars and parameters back, keeping comments and layout", argument: .file),
    .init(name: "quit", usage: "quit", summary: "leave the session (also 'exit')", argument: .none),
  ]

  /// The command with this name or alias.
  public static func named(_ name: String) -> ReplCommandInfo? {
    let canonical = aliases[name] ?? name
    return all.first { $0.name == canonical }
  }

  /// Other spellings accepted for a command.
  public static let aliases: [String: String] = ["exit": "quit", "?": "help"]
}
