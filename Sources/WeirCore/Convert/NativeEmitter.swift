/// Writes a workflow in weir's own dialect (Documentation/Language.md, "Native dialect").
///
/// Every model goes under `models:`: a Clarifai node's model is named after the node, as the
/// Clarifai parser names it, and keeps its `model_id`, `user_id`, `app_id`, `model_version_id`
/// and `model_type_id` (as `type`). A Clarifai `description` has no place on a native model and
/// becomes a comment above its node.
struct NativeEmitter {
  let checked: CheckedWorkflow
  let comments: SourceComments
  /// Write backends bound from outside the workflow into its models (`weir convert`); formatting
  /// a file in place leaves them where they are.
  var writesBoundBackends = true
  private var out = YAMLText()
  private var diagnostics: [Diagnostic] = []

  init(checked: CheckedWorkflow, comments: SourceComments) {
    self.checked = checked
    self.comments = comments
  }

  private var workflow: Workflow { checked.workflow }

  mutating func emit() -> Conversion {
    refuseUntypedModels()
    for line in comments.header { out.line(line.map { "#" + $0 } ?? "", indent: 0) }
    out.line("weir: 1", indent: 0)
    if let id = workflow.id { out.entry("workflow", string: id.value, indent: 0) }
    if let description = workflow.description {
      out.entry("description", string: description.value, indent: 0)
    }
    emitVars()
    emitInterface()
    emitModels()
    emitNodes()
    let failed = diagnostics.contains { $0.severity == .error }
    return Conversion(text: failed ? nil : out.text, diagnostics: diagnostics.sortedUnique())
  }

  /// A model with no type that the catalog does not know: a note in Clarifai's dialect, an
  /// error in weir's own, so the converted file would not check.
  private mutating func refuseUntypedModels() {
    guard workflow.dialect == .clarifai else { return }
    for node in checked.nodes {
      guard let model = node.model, model.decl?.type == nil, model.catalogEntry == nil else { continue }
      let at = model.clarifai?.modelId.range ?? node.syntax.id.range
      diagnostics.append(
        .error(
          "convert.untyped-model",
          "the model of node '\(node.id)' has no model_type_id, which weir's dialect needs", at: at,
          notes: [
            Note(
              "weir's model catalog does not know model_id '\(model.clarifai?.modelId.value ?? model.name)'"),
            Note("add 'model_type_id' (visual-detector, visual-classifier, …; weir types lists them)"),
          ]))
    }
  }

  private mutating func emitVars() {
    guard !workflow.vars.isEmpty else { return }
    out.blank()
    out.comments(comments.aboveSection(firstEntry: workflow.vars[0].name.range.start), indent: 0)
    out.line("vars:", indent: 0)
    for v in workflow.vars {
      out.comments(comments.above(v.name.range.start), indent: 2)
      out.entry(v.name.value, v.value, indent: 2, trailing: comments.trailing(v.name.range.start))
    }
  }

  private mutating func emitInterface() {
    guard let interface = workflow.interface else { return }
    out.blank()
    if !interface.params.isEmpty {
      out.entry("params", .map(interface.params, workflow.range), indent: 0)
    }
    switch interface.input.count {
    case 0: break
    case 1: out.entry("input", string: interface.input[0].value, indent: 0)
    default:
      out.line("input:", indent: 0)
      for kind in interface.input { out.line("- " + YAMLText.string(kind.value), indent: 2) }
    }
  }

  private mutating func emitModels() {
    guard !workflow.models.isEmpty else { return }
    out.blank()
    out.line("models:", indent: 0)
    let declaredWithNode = workflow.nodeIdRanges
    for model in workflow.models {
      if !declaredWithNode.contains(model.name.range) {
        out.comments(comments.above(model.name.range.start), indent: 2)
      }
      out.line(YAMLText.key(model.name.value) + ":", indent: 2)
      emitModelBody(model)
    }
  }

  private mutating func emitModelBody(_ model: ModelDecl) {
    if let type = model.type { out.entry("type", string: type.value, indent: 4) }
    if let concepts = model.concepts {
      out.line("concepts:", indent: 4)
      for c in concepts { out.line("- " + YAMLText.string(c.value), indent: 6) }
    }
    if let ref = model.clarifai {
      out.entry("model_id", string: ref.modelId.value, indent: 4)
      if let v = ref.userId { out.entry("user_id", string: v.value, indent: 4) }
      if let v = ref.appId { out.entry("app_id", string: v.value, indent: 4) }
      if let v = ref.modelVersionId { out.entry("model_version_id", string: v.value, indent: 4) }
    }
    let backend = model.backend.flatMap {
      $0.isImplicit || ($0.binding != nil && !writesBoundBackends) ? nil : $0
    }
    if let backend {
      // A bound backend's ranges point into its models file or `--backend`, not this file.
      if backend.binding == nil {
        out.comments(comments.aboveSection(firstEntry: backend.kind.range.start), indent: 4)
      }
      out.line("backend:", indent: 4)
      out.entry(backend.kind.value, backend.value, indent: 6)
      for option in backend.options { out.entry(option.name.value, option.value, indent: 6) }
    }
    if !model.params.isEmpty { out.entry("params", .map(model.params, model.range), indent: 4) }
    if model.type == nil, model.concepts == nil, model.clarifai == nil, backend == nil,
      model.params.isEmpty
    {
      out.line("{}", indent: 4)
    }
  }

  private mutating func emitNodes() {
    out.blank()
    out.line("nodes:", indent: 0)
    for node in workflow.nodes {
      let start = workflow.dialect == .clarifai ? node.range.start : node.id.range.start
      out.comments(comments.above(start), indent: 2)
      if workflow.dialect == .clarifai,
        let description = node.model.flatMap({ workflow.model($0.value) })?
          .clarifai?.description
      {
        out.comments([" description: " + description.value], indent: 2)
      }
      out.line(YAMLText.key(node.id.value) + ":" + trailing(start), indent: 2)
      if let type = node.type { out.entry("type", string: type.value, indent: 4) }
      if let model = node.model { out.entry("model", string: model.value, indent: 4) }
      switch node.inputs.count {
      case 0: break
      case 1: out.entry("input", string: node.inputs[0].value, indent: 4)
      default:
        out.line("inputs:", indent: 4)
        for input in node.inputs { out.line("- " + YAMLText.string(input.value), indent: 6) }
      }
      if !node.params.isEmpty { out.entry("params", .map(node.params, node.range), indent: 4) }
    }
  }

  private func trailing(_ offset: Int) -> String {
    comments.trailing(offset).map { "  #" + $0 } ?? ""
  }
}
