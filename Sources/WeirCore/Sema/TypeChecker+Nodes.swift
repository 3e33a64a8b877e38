extension TypeChecker.Run {
  /// A node's type and model: from its `type:`, from its model's type, or from the model catalog by
  /// Clarifai `model_id` (Design.md §2, §5).
  mutating func resolveNode(_ syntax: WorkflowNode) -> CheckedNode {
    var node = CheckedNode(id: syntax.id.value, syntax: syntax, inputs: inputRefs(of: syntax))
    var modelType: Located<String>?
    if let name = syntax.model {
      (node.model, modelType) = resolveModel(name)
    }
    if let written = syntax.type {
      node.type = library.type(named: written.value)
      if node.type == nil { unknownType(written) }
      if let type = node.type, let modelType, let model = node.model {
        checkAgreement(node.id, type, written, model, modelType)
      }
    } else if let modelType {
      node.type = library.type(named: modelType.value)
      if node.type == nil { unknownType(modelType) }
    }
    // A node with neither a type nor a model is reported by the parser (syntax.missing-key).
    if let type = node.type, type.role == .model, node.model == nil {
      diagnostics.append(
        .error(
          "check.missing-model",
          "\(node.label) needs a model: \(type.name) is a model type, called through a backend",
          at: syntax.type?.range ?? syntax.id.range,
          notes: [
            Note(
              "declare the model under 'models:' with 'type: \(type.name)' and write 'model: NAME' on the node"
            )
          ]))
    }
    return node
  }

  /// A node's `type:` must name its model's type, when both are given.
  mutating func checkAgreement(
    _ id: String, _ type: NodeType, _ written: Located<String>, _ model: ResolvedModel,
    _ modelType: Located<String>
  ) {
    guard let other = library.type(named: modelType.value), other.name != type.name else { return }
    diagnostics.append(
      .error(
        "check.type-conflict",
        "node '\(id)' has type '\(type.name)', but its model '\(model.name)' is a '\(other.name)'",
        at: written.range, notes: [Note("the model's type is given here", at: modelType.range)]))
  }

  /// The nodes a node reads: `IN` when it names none.
  func inputRefs(of syntax: WorkflowNode) -> [NodeRef] {
    guard !syntax.inputs.isEmpty else { return [.workflowInput] }
    return syntax.inputs.map { input in
      nodeIndex[input.value] == nil && input.value == "IN" ? .workflowInput : .node(input.value)
    }
  }

  /// The model a node names and the type it gives, if any. A name that is not declared was
  /// reported by the parser (`syntax.unknown-model`).
  mutating func resolveModel(_ name: Located<String>) -> (ResolvedModel?, Located<String>?) {
    guard let i = modelIndex[name.value] else { return (nil, nil) }
    let decl = workflow.models[i]
    let entry = decl.clarifai.flatMap {
      library.catalog.model(id: $0.modelId.value, userId: $0.userId?.value, appId: $0.appId?.value)
    }
    let model = ResolvedModel(name: name.value, decl: decl, catalogEntry: entry)
    if let type = decl.type { return (model, type) }
    if let entry { return (model, Located(entry.type, decl.clarifai?.modelId.range ?? decl.name.range)) }
    untypedModel(decl)
    return (model, nil)
  }

  /// A model whose type nobody gives: a note in the Clarifai dialect (the model exists on
  /// Clarifai's side; weir just cannot check around it), an error in weir's own.
  mutating func untypedModel(_ decl: ModelDecl) {
    if let ref = decl.clarifai, workflow.dialect == .clarifai {
      diagnostics.append(
        .note(
          "check.unknown-model-type",
          "model type of '\(ref.modelId.value)' is unknown; its edges are not checked",
          at: ref.modelId.range,
          notes: [Note("add 'model_type_id', or declare the model in a --types file")]))
    } else {
      var notes = [Note("add 'type:' (visual-detector, visual-classifier, …); weir types lists them")]
      if let ref = decl.clarifai {
        notes.insert(
          Note("the model catalog does not know model_id '\(ref.modelId.value)'", at: ref.modelId.range),
          at: 0)
      }
      diagnostics.append(
        .error(
          "check.model-without-type", "model '\(decl.name.value)' has no type", at: decl.name.range,
          notes: notes))
    }
  }

  mutating func unknownType(_ name: Located<String>) {
    let suggestion = NameSuggester.suggestion(for: name.value, at: name.range, in: library.names)
    diagnostics.append(
      .error(
        "check.unknown-type", "unknown node type '\(name.value)'\(suggestion?.clause ?? "")", at: name.range,
        notes: suggestion == nil ? [Note("weir types lists the node types")] : [],
        fixIts: suggestion?.fixIts ?? []))
  }
}
