extension TypeChecker.Run {
  /// Checks and types node `i`'s parameters: the model's (`models:` entry, then the catalog's),
  /// then the node's own, then the type's defaults; reports unknown, wrong and missing ones.
  mutating func resolveParams(at i: Int) {
    guard let type = nodes[i].type else {
      nodes[i].params = []
      return
    }
    var state = ParamState()
    let subject = ParamSubject(
      id: nodes[i].id, label: "\(type.name) '\(nodes[i].id)'", idRange: nodes[i].syntax.id.range,
      catalogEntry: nodes[i].model?.catalogEntry, paramsUnread: nodes[i].syntax.paramsUnread)
    let nodeOverrides = overrides.params.isEmpty ? [] : overrides.params.filter { $0.node == subject.id }
    let written = writtenParams(
      of: nodes[i].syntax, model: nodes[i].model?.decl, label: subject.label, overrides: nodeOverrides)
    for (param, owner) in written {
      resolveWritten(param, owner: owner, node: subject, type: type, overrides: nodeOverrides, into: &state)
    }
    completeParams(of: subject, type: type, state: &state)
    nodes[i].params = state.params
  }

  /// What messages about a node's parameters need to know of the node (cheaper than the node).
  struct ParamSubject {
    var id: String
    var label: String
    var idRange: SourceRange
    var catalogEntry: CatalogModel?
    /// The node's parameters could not all be read (reported by the parser): none is missing.
    var paramsUnread = false
  }

  /// What resolving one node's parameters has found so far.
  struct ParamState {
    var params: [ResolvedParam] = []
    /// Parameters written (even if wrong), so they are not also reported missing. A list: a node
    /// sets a few, and comparing them costs less than hashing them into a set per node.
    var setNames: [String] = []
    /// Parameters set to a var that has no value (a workflow type's unset parameter): param → var.
    var unsetByVar: [String: String] = [:]

    mutating func markSet(_ name: String) {
      if !setNames.contains(name) { setNames.append(name) }
    }
  }

  /// One written parameter, checked against the type.
  mutating func resolveWritten(
    _ param: Param, owner: String, node: ParamSubject, type: NodeType, overrides: [ParamOverride],
    into state: inout ParamState
  ) {
    let name = param.name.value
    state.markSet(name)
    let resolver = ParamResolver(vars: bindings)
    guard let decl = type.param(name) else {
      if type.acceptsAnyParams {
        let open = ParamDecl(name: name, type: .any)
        if let resolved = resolver.resolve(param.value, decl: open, owner: owner).0 {
          state.params.append(resolved)
        }
      } else if let suggestion = unknownParam(param.name, of: node, type: type) {
        // Counted as set, so that a misspelt required parameter is reported once.
        state.markSet(suggestion)
      }
      return
    }
    let (resolved, problems) = resolver.resolve(param.value, decl: decl, owner: owner)
    diagnostics += problems
    if var resolved {
      if !overrides.isEmpty { markOverrides(&resolved, overrides) }
      state.params.append(resolved)
    } else if problems.isEmpty, case .varRef(let ref) = param.value, bindings[ref.value] != nil {
      // A var with no value leaves the parameter unset; an unknown var is reported where it is
      // written, and the parameter counts as set so that it is not also reported missing.
      state.setNames.removeAll { $0 == name }
      state.unsetByVar[name] = ref.value
    }
  }

  /// Values for the parameters not written (the catalog model's, else the defaults), and the
  /// required ones that have none.
  mutating func completeParams(of node: ParamSubject, type: NodeType, state: inout ParamState) {
    for decl in type.params where !state.setNames.contains(decl.name) {
      if let entry = node.catalogEntry, let value = entry.param(decl.name) {
        state.params.append(
          ResolvedParam(name: decl.name, decl: decl, value: value, source: .model(entry.id)))
      } else if let value = decl.defaultValue {
        state.params.append(ResolvedParam(name: decl.name, decl: decl, value: value, source: .defaultValue))
      } else if decl.isRequired, !node.paramsUnread {
        // Parameters that could not be read (already reported) may hold the missing one.
        missingParam(decl, of: node, unsetVar: state.unsetByVar[decl.name])
      }
    }
    for group in type.requiresOneOf
    where !node.paramsUnread && !group.contains(where: { state.setNames.contains($0) }) {
      let names = group.map { "'\($0)'" }.joined(separator: " or ")
      diagnostics.append(.error("check.missing-param", "\(node.label) needs \(names)", at: node.idRange))
    }
  }

  /// The parameters written for a node, each with what owns it in messages (the node, or its
  /// model for `models:` parameters): its model's first (so the node's own win), then the node's,
  /// with parameter overrides applied.
  func writtenParams(of node: WorkflowNode, model: ModelDecl?, label: String, overrides: [ParamOverride])
    -> [(Param, String)]
  {
    var result: [(Param, String)] = []
    if let decl = model, !decl.params.isEmpty {
      let owner = "model '\(decl.name.value)'"
      for param in decl.params where node.param(param.name.value) == nil { result.append((param, owner)) }
    }
    for param in node.params { result.append((param, label)) }
    for override in overrides {
      if let i = result.firstIndex(where: { $0.0.name.value == override.param }) {
        result[i].0.value = TypeChecker.applying(override, to: result[i].0.value)
      } else {
        let name = Located(override.param, node.id.range)
        result.append((Param(name: name, value: TypeChecker.applying(override, to: nil)), label))
      }
    }
    return result
  }

  /// Reports overrides of parameters of nodes that do not exist.
  mutating func checkParamOverrides() {
    for override in overrides.params where nodeIndex[override.node] == nil {
      let suggestion = NameSuggester.didYouMean(override.node, in: nodeIndex.keys)
      diagnostics.append(
        .error(
          "check.unknown-node",
          "cannot set '\(override.node).\(override.param)': no node '\(override.node)'\(suggestion)",
          at: nil))
    }
  }

  /// Sources of overridden values become `.override`.
  func markOverrides(_ param: inout ResolvedParam, _ overrides: [ParamOverride]) {
    for override in overrides where override.param == param.name {
      if let key = override.key {
        for j in param.entries.indices where param.entries[j].key == key {
          param.entries[j].source = .override
        }
      } else {
        param.source = .override
        for j in param.entries.indices { param.entries[j].source = .override }
      }
    }
  }

  /// Reports an unknown parameter; returns the parameter it suggests instead, if any.
  @discardableResult
  mutating func unknownParam(_ name: Located<String>, of node: ParamSubject, type: NodeType) -> String? {
    let names = type.params.map(\.name)
    let suggestion = NameSuggester.suggestion(for: name.value, at: name.range, in: names)
    let takes =
      names.isEmpty
      ? "\(type.name) takes no parameters" : "\(type.name) takes " + names.joined(separator: ", ")
    diagnostics.append(
      .error(
        "check.unknown-param",
        "unknown parameter '\(name.value)' for \(node.label)\(suggestion?.clause ?? "")",
        at: name.range, notes: [Note(takes)], fixIts: suggestion?.fixIts ?? []))
    return suggestion?.name
  }

  mutating func missingParam(_ decl: ParamDecl, of node: ParamSubject, unsetVar: String?) {
    var notes: [Note] = []
    if case .enumeration(let domain) = decl.type {
      notes.append(Note("\(decl.name) takes one of \(domain.listing)"))
    } else {
      notes.append(Note("\(decl.name) takes \(decl.type.expectation)"))
    }
    if let unsetVar { notes.append(Note("'$\(unsetVar)' has no value")) }
    diagnostics.append(
      .error(
        "check.missing-param", "\(node.label) is missing required parameter '\(decl.name)'",
        at: node.idRange, notes: notes))
  }
}

extension TypeChecker {
  /// `value` with an override applied: the whole value replaced, or one entry of a mapping set.
  static func applying(_ override: ParamOverride, to value: ParamValue?) -> ParamValue {
    let range = value?.range ?? .at(0)
    let scalar = ParamValue.synthetic(override.value, at: range)
    guard let key = override.key else { return scalar }
    guard case .map(var entries, let mapRange) = value else {
      return .map([Param(name: Located(key, range), value: scalar)], range)
    }
    if let j = entries.firstIndex(where: { $0.name.value == key }) {
      entries[j].value = ParamValue.synthetic(override.value, at: entries[j].value.range)
    } else {
      entries.append(Param(name: Located(key, mapRange), value: scalar))
    }
    return .map(entries, mapRange)
  }
}
