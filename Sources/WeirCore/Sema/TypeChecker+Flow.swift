extension TypeChecker.Run {
  /// Orders the nodes so that each comes after the nodes it reads (Kahn's algorithm). Nodes on a
  /// cycle are left out; the parser reports the cycle.
  mutating func orderNodes() {
    // By index, reading only each node's inputs: a node is never copied whole.
    var reads: [[Int]?] = []
    reads.reserveCapacity(nodes.count)
    for i in nodes.indices {
      reads.append(
        nodes[i].inputs.compactMap { ref -> Int? in
          guard case .node(let id) = ref else { return nil }
          return nodeIndex[id]
        })
    }
    order = DependencyOrder.of(reads)
  }

  /// The kind of `IN`: the node's input for a workflow type used as a node; else the workflow's
  /// `input:`; else inferred from what the nodes reading `IN` need (`image` when nothing says).
  mutating func resolveInputKind() {
    if let instance {
      inputKind = instance.inputKind
      return
    }
    if let written = workflow.interface?.input, !written.isEmpty {
      var kind: Kind? = Kind()
      for text in written {
        // A kind that cannot be read makes IN unknown, so that nothing downstream is reported for it.
        do throws(KindError) {
          let requirement = try KindRequirement(parsing: text.value)
          if let first = requirement.alternatives.first { kind = kind?.union(first) } else { kind = nil }
        } catch {
          diagnostics.append(.error("check.invalid-kind", error.message, at: text.range))
          kind = nil
        }
      }
      inputKind = kind
      inputKindRange = written[0].range
      return
    }
    inputKind = inferredInputKind()
  }

  /// The media (`image`, `text`, `audio`, `video`) the nodes reading `IN` need; `video` instead of
  /// `image` when a node needs the frames of a video in order (a tracker).
  func inferredInputKind() -> Kind {
    var media = Kind()
    for i in nodes.indices where nodes[i].inputs.contains(.workflowInput) {
      for requirement in nodes[i].type?.inputs ?? [] {
        guard let first = requirement.alternatives.first,
          first.fields.allSatisfy({ DataSchema.media.contains($0.key) && $0.value.isEmpty })
        else { continue }
        media.formUnion(first)
      }
    }
    if media.isEmpty { media = Kind(fields: ["image": Kind()]) }
    if media.fields["image"] != nil, nodes.contains(where: { $0.type?.isSequential == true }) {
      media.fields["image"] = nil
      media.fields["video"] = Kind()
    }
    return media
  }

  /// Flows kinds through the graph in dependency order, checking every node's input.
  mutating func flowKinds() {
    for i in order {
      let refs = nodes[i].inputs
      var merged: Kind? = Kind()
      for ref in refs {
        guard let kind = kind(of: ref) else {
          merged = nil
          break
        }
        merged = merged?.union(kind)
      }
      nodes[i].inputKind = merged
      guard let type = nodes[i].type else { continue }
      guard let merged else {
        // Unknown input: a node that does not pass through still gives what it declares.
        nodes[i].outputKind = type.passesThrough || type.role == .workflow ? nil : type.output
        if type.role == .workflow { expand(at: i) }
        continue
      }
      if let (scope, lookBacks) = place(type, on: merged, at: i) {
        nodes[i].scope = scope
        nodes[i].lookBacks = lookBacks
        let output = merged.lifting(type.output, from: scope)
        nodes[i].outputKind = type.passesThrough || type.role == .workflow ? merged.union(output) : output
        if type.role == .workflow { expand(at: i) }
      } else {
        mismatch(at: i, type: type, input: merged)
      }
    }
  }

  /// The kind flowing out of `ref`, if known.
  func kind(of ref: NodeRef) -> Kind? {
    switch ref {
    case .workflowInput: return inputKind
    case .node(let id): return nodeIndex[id].flatMap { nodes[$0].outputKind }
    }
  }

  /// The outermost scope at which every input entry of `type` is met, by the node's inputs or, for
  /// a type that looks back, by a node before it; `nil` when there is none.
  mutating func place(_ type: NodeType, on input: Kind, at i: Int) -> (Scope, [LookBack])? {
    let entries = type.inputs.filter { $0 != .any }
    if entries.isEmpty { return (.whole, []) }
    scopes: for scope in Scope.allCases {
      guard let view = input.view(at: scope) else { continue }
      var lookBacks: [LookBack] = []
      for entry in entries where !entry.isSatisfied(by: view) {
        guard type.looksBack, let source = lookBack(for: entry, at: scope, from: i) else { continue scopes }
        lookBacks.append(LookBack(requirement: entry, source: source))
      }
      return (scope, lookBacks)
    }
    return nil
  }

  /// The nearest node before node `i` (or `IN`) whose output meets `requirement` at `scope`,
  /// searching its inputs first, then theirs. Memoized per node, so the whole check stays linear.
  mutating func lookBack(for requirement: KindRequirement, at scope: Scope, from i: Int) -> NodeRef? {
    let key = TypeChecker.LookBackKey(node: i, requirement: requirement, scope: scope)
    if let memo = lookBackMemo[key] { return memo }
    var found: NodeRef?
    for ref in nodes[i].inputs {
      if let view = kind(of: ref)?.view(at: scope), requirement.isSatisfied(by: view) {
        found = ref
        break
      }
      if case .node(let id) = ref, let j = nodeIndex[id], nodes[j].outputKind != nil,
        let deeper = lookBack(for: requirement, at: scope, from: j)
      {
        found = deeper
        break
      }
    }
    lookBackMemo[key] = found
    return found
  }

  /// `region-thresholder 'sure' needs regions[...].data.concepts, but its input gives image`, with a
  /// note on each node it reads.
  mutating func mismatch(at i: Int, type: NodeType, input: Kind) {
    let node = nodes[i]
    let entries = type.inputs.filter { $0 != .any }
    let missing = entries.first { !$0.isSatisfied(by: input) } ?? entries[0]
    let gives = node.inputs.count > 1 ? "its inputs give" : "its input gives"
    var notes: [Note] = node.inputs.map { ref in
      switch ref {
      case .workflowInput:
        return Note("'IN' is the workflow input (\(inputKind?.description ?? "unknown"))", at: inputKindRange)
      case .node(let id):
        let upstream = nodeIndex[id].map { nodes[$0] }
        let typeName = upstream?.type.map { " (\($0.name))" } ?? ""
        let kind = upstream?.outputKind?.description ?? "something unknown"
        return Note("'\(id)'\(typeName) gives \(kind)", at: upstream?.syntax.id.range)
      }
    }
    if type.looksBack {
      notes.append(
        Note("\(type.name) also looks back along the graph, but no node before it gives \(missing)"))
    }
    diagnostics.append(
      .error(
        "check.type-mismatch", "\(node.label) needs \(missing), but \(gives) \(input)",
        at: node.syntax.inputs.first?.range ?? node.syntax.type?.range ?? node.syntax.id.range, notes: notes))
  }
}
