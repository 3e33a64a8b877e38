/// Writes a workflow in clarifai-python's workflow YAML (Documentation/Language.md, "Clarifai
/// dialect").
///
/// Each node becomes `- id: …` with a `model:` block: the model's Clarifai identity when it has
/// one, else its name under `models:` (or, for an operator node, the node id) as `model_id`; the
/// node's type (or its model's) as `model_type_id`; its parameters under `output_info.params`,
/// per-concept thresholds as `output_info.params.concepts`, the spelling clarifai-python accepts.
///
/// Clarifai's dialect has no vars, no backends, no workflow parameters and no workflow-typed
/// nodes. Vars are written as their values (a warning per var, and a comment at the top naming
/// them); the others are errors at the place that holds them, and backends may be left out with
/// `dropBackends`.
struct ClarifaiEmitter {
  let checked: CheckedWorkflow
  let comments: SourceComments
  let dropBackends: Bool
  private var out = YAMLText()
  private var diagnostics: [Diagnostic] = []

  init(checked: CheckedWorkflow, comments: SourceComments, dropBackends: Bool) {
    self.checked = checked
    self.comments = comments
    self.dropBackends = dropBackends
  }

  private var workflow: Workflow { checked.workflow }

  mutating func emit() -> Conversion {
    refuseWhatHasNoPlace()
    for line in comments.header { out.line(line.map { "#" + $0 } ?? "", indent: 0) }
    if let description = workflow.description {
      if !comments.header.isEmpty { out.line("#", indent: 0) }
      out.comments([" " + description.value], indent: 0)
    }
    emitVarsNote()
    out.line("workflow:", indent: 0)
    if let id = workflow.id { out.entry("id", string: id.value, indent: 2) }
    out.line("nodes:", indent: 2)
    var commented: Set<String> = []
    for (index, node) in checked.nodes.enumerated() {
      if index > 0 { out.blank() }
      emitNode(node, commentedModels: &commented)
    }
    let failed = diagnostics.contains { $0.severity == .error }
    return Conversion(text: failed ? nil : out.text, diagnostics: diagnostics.sortedUnique())
  }

  // MARK: What Clarifai's dialect cannot hold

  private mutating func refuseWhatHasNoPlace() {
    if workflow.id == nil {
      diagnostics.append(
        .error(
          "convert.missing-id", "the workflow has no name, and a Clarifai workflow needs an id",
          at: workflow.range.isEmpty ? .at(0) : SourceRange.at(workflow.range.start),
          notes: [Note("add 'workflow: NAME' (letters, digits, single - or _)")]))
    }
    if let interface = workflow.interface {
      let at = interface.params.first?.name.range ?? interface.input.first?.range ?? workflow.range
      noPlace(
        "the workflow's parameters and input kinds (it is usable as a node type)", at: at,
        why: "a Clarifai workflow cannot be used as a node type")
    }
    for model in workflow.models {
      if let backend = model.backend { refuseBackend(backend, of: model) }
      if let first = model.params.first {
        noPlace(
          "the parameters of model '\(model.name.value)'", at: first.name.range,
          why: "Clarifai keeps parameters on the node (output_info.params); move them to the nodes")
      }
    }
    for node in checked.nodes {
      if node.expansion != nil, let type = node.syntax.type {
        noPlace(
          "node '\(node.id)', whose type is the workflow '\(type.value)'", at: type.range,
          why: "a Clarifai node calls a model, not another workflow")
      }
      checkPinned(node)
    }
  }

  private mutating func noPlace(_ what: String, at range: SourceRange, why: String) {
    diagnostics.append(
      .error(
        "convert.no-place", "Clarifai's dialect has no place for \(what)", at: range, notes: [Note(why)]))
  }

  private mutating func refuseBackend(_ backend: BackendSpec, of model: ModelDecl) {
    let message = "Clarifai's dialect has no place for the backend of model '\(model.name.value)'"
    if dropBackends {
      diagnostics.append(
        .warning(
          "convert.backend", message + "; it is left out", at: backend.kind.range,
          notes: [Note("to run the converted file, give the model a backend again")]))
    } else {
      diagnostics.append(
        .error(
          "convert.backend", message, at: backend.kind.range,
          notes: [Note("pass --drop-backends to leave backends out of the converted file")]))
    }
  }

  /// A pinned `model_version_id` fixes the model's type and output_info, so the node's
  /// parameters cannot be written beside it.
  private mutating func checkPinned(_ node: CheckedNode) {
    guard node.model?.clarifai?.modelVersionId != nil, let first = node.syntax.params.first else { return }
    noPlace(
      "the parameters of node '\(node.id)' beside a model_version_id", at: first.name.range,
      why: "a pinned model version fixes its output_info; remove model_version_id or the parameters")
  }

  // MARK: Vars

  /// A comment naming each var and its value, and a warning at each var's declaration.
  private mutating func emitVarsNote() {
    guard !workflow.vars.isEmpty else { return }
    if !comments.header.isEmpty || workflow.description != nil { out.line("#", indent: 0) }
    // The comments above `vars:` explain the vars; they stay with the list of values.
    let explained = comments.aboveSection(firstEntry: workflow.vars[0].name.range.start)
    if !explained.isEmpty {
      out.comments(explained, indent: 0)
      out.line("#", indent: 0)
    }
    out.comments(
      [" weir convert wrote these vars as their values (Clarifai's dialect has no vars):"], indent: 0)
    for v in workflow.vars {
      var text = "   " + v.name.value + " = " + Self.inline(v.value)
      if let note = comments.trailing(v.name.range.start) { text += "  #" + note }
      out.comments([text], indent: 0)
      let uses = workflow.nodes.reduce(0) { count, node in
        count
          + node.params.reduce(0) { $0 + $1.value.varReferences.filter { $0.value == v.name.value }.count }
      }
      diagnostics.append(
        .warning(
          "convert.var-substituted",
          "Clarifai's dialect has no vars; var '\(v.name.value)' is written as its value, "
            + "\(Self.inline(v.value)), in \(uses) place\(uses == 1 ? "" : "s")", at: v.name.range))
    }
  }

  /// A value on one line, for the vars comment.
  static func inline(_ value: ParamValue) -> String {
    switch value {
    case .scalar(let s): return YAMLText.scalar(s)
    case .varRef(let v): return "$" + v.value
    case .list(let items, _): return "[" + items.map(inline).joined(separator: ", ") + "]"
    case .map(let params, _):
      return "{"
        + params.map { YAMLText.key($0.name.value) + ": " + inline($0.value) }.joined(separator: ", ") + "}"
    }
  }

  /// The value with every `$var` replaced by the var's value.
  private func substituted(_ value: ParamValue) -> ParamValue {
    switch value {
    case .scalar: return value
    case .varRef(let ref): return workflow.variable(ref.value)?.value ?? value
    case .list(let items, let range): return .list(items.map(substituted), range)
    case .map(let params, let range):
      return .map(params.map { Param(name: $0.name, value: substituted($0.value)) }, range)
    }
  }

  // MARK: Nodes

  private mutating func emitNode(_ node: CheckedNode, commentedModels: inout Set<String>) {
    let syntax = node.syntax
    let start = workflow.dialect == .clarifai ? syntax.range.start : syntax.id.range.start
    out.comments(comments.above(start), indent: 4)
    if let decl = node.model?.decl, !workflow.nodeIdRanges.contains(decl.name.range),
      commentedModels.insert(decl.name.value).inserted
    {
      out.comments(comments.above(decl.name.range.start), indent: 4)
      if let concepts = decl.concepts, !concepts.isEmpty {
        out.comments(
          [" model '\(decl.name.value)' predicts: " + concepts.map(\.value).joined(separator: ", ")],
          indent: 4)
      }
    }
    let trailing = comments.trailing(start).map { "  #" + $0 } ?? ""
    out.line("- id: " + YAMLText.string(node.id) + trailing, indent: 4)
    out.line("model:", indent: 6)
    emitModel(node)
    if !syntax.inputs.isEmpty {
      out.line("node_inputs:", indent: 6)
      for input in syntax.inputs { out.line("- node_id: " + YAMLText.string(input.value), indent: 8) }
    }
  }

  private mutating func emitModel(_ node: CheckedNode) {
    let syntax = node.syntax
    let ref = node.model?.clarifai
    let modelId = ref?.modelId ?? node.model?.decl?.name ?? syntax.id
    checkIdentifier(modelId, what: ref == nil && node.model == nil ? "node id" : "model name")
    out.entry("model_id", string: modelId.value, indent: 8)
    if let v = ref?.modelVersionId { out.entry("model_version_id", string: v.value, indent: 8) }
    if let v = ref?.userId { out.entry("user_id", string: v.value, indent: 8) }
    if let v = ref?.appId { out.entry("app_id", string: v.value, indent: 8) }
    guard ref?.modelVersionId == nil else { return }
    if let type = syntax.type ?? node.model?.decl?.type {
      out.entry("model_type_id", string: type.value, indent: 8)
    }
    if let description = ref?.description { out.entry("description", string: description.value, indent: 8) }
    guard !syntax.params.isEmpty else { return }
    out.line("output_info:", indent: 8)
    out.entry("params", substituted(.map(syntax.params, syntax.range)), indent: 10)
  }

  /// A `model_id` written from a name must follow Clarifai's id rule.
  private mutating func checkIdentifier(_ id: Located<String>, what: String) {
    guard !ClarifaiIdentifier.isValid(id.value) || id.value.count > ClarifaiIdentifier.maxLength else {
      return
    }
    diagnostics.append(
      .error(
        "convert.bad-id", "\(what) '\(id.value)' cannot be a Clarifai model_id", at: id.range,
        notes: [
          Note(
            "a Clarifai id has 1–\(ClarifaiIdentifier.maxLength) letters and digits, separated by single - or _"
          ),
          Note("rename it, or give the model its Clarifai identity with 'model_id'"),
        ]))
  }
}
