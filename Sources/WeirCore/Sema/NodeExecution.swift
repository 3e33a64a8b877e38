/// What weir does with a node of a type when a workflow runs: what `weir types` tells users, and
/// what the planner holds to (a check-only type is refused with `plan.unsupported-node`).
public enum NodeExecution: String, Sendable, CaseIterable, Codable {
  /// weir runs it itself: an operator with a runtime, or a workflow type whose nodes all run.
  case local
  /// weir forwards it to the model's backend (`replay`, `builtin`, `http` or `command`).
  case remote
  /// weir checks workflows that use it but cannot run it: declared so that Clarifai workflows
  /// check, with no runtime in weir yet.
  case checkOnly = "check-only"

  /// One line saying what that means, for `weir types NAME` and Types.md.
  public var explanation: String {
    switch self {
    case .local: return "weir runs it itself"
    case .remote:
      return "weir forwards it to the model's backend (replay, builtin, http or command)"
    case .checkOnly:
      return "weir checks workflows that use it but cannot run it yet: plan and run refuse it"
    }
  }
}
