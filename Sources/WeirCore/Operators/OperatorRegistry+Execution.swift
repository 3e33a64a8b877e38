extension OperatorRegistry {
  /// How weir runs a node type of `library`: a model is remote, an operator is local when it is
  /// registered here and check-only when not, and a workflow type is local when every node in it
  /// runs (its nodes run in its place) and check-only otherwise.
  public func execution(of type: NodeType, in library: NodeTypeLibrary) -> NodeExecution {
    var visiting: Set<String> = []
    return execution(of: type, in: library, visiting: &visiting)
  }

  private func execution(of type: NodeType, in library: NodeTypeLibrary, visiting: inout Set<String>)
    -> NodeExecution
  {
    switch type.role {
    case .model: return .remote
    case .operator: return implements(type.name) ? .local : .checkOnly
    case .workflow:
      // A workflow type that uses itself is a check error; it cannot run either.
      guard let workflow = type.workflow, visiting.insert(type.name).inserted else { return .checkOnly }
      defer { visiting.remove(type.name) }
      for node in workflow.nodes {
        guard let name = node.type?.value else { continue }  // a model node: it calls its backend
        guard let inner = library.type(named: name),
          execution(of: inner, in: library, visiting: &visiting) != .checkOnly
        else { return .checkOnly }
      }
      return .local
    }
  }
}
