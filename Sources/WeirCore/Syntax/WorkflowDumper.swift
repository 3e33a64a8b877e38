/// Prints a `Workflow` AST as an indented tree, every value with the `@line:column` where it
/// starts: what `weir check --dump-ast FILE` shows (Documentation/Development.md, "Debug flags").
///
/// For people debugging the parsers, not for tools: one fact per line, fields in the order of
/// `Workflow.swift`, empty and absent fields left out. Scalars show what the YAML loader made of
/// them (YAML 1.2 core schema): strings quoted, `0.5` a float, `1` an int, `$accept` a var
/// reference. The output is stable: the same file prints the same bytes.
public enum WorkflowDumper {
  /// The tree of `workflow`, with positions taken from `file` (the file it was parsed from).
  public static func dump(_ workflow: Workflow, file: SourceFile) -> String {
    var out = Output(file: file)
    out.line(0, "workflow", at: workflow.range)
    out.line(1, "dialect: \(workflow.dialect.rawValue)")
    out.field(1, "id", workflow.id)
    out.field(1, "description", workflow.description)
    if let interface = workflow.interface { out.interface(interface) }
    out.params(1, "vars", workflow.vars.map { Param(name: $0.name, value: $0.value) })
    for model in workflow.models { out.model(model) }
    for node in workflow.nodes { out.node(node) }
    return out.text
  }

  /// The text being written, with the file that turns byte offsets into positions.
  private struct Output {
    let file: SourceFile
    var text = ""

    init(file: SourceFile) {
      self.file = file
    }

    /// `@12:5`: where a range starts (columns count characters, as in diagnostics).
    func at(_ range: SourceRange) -> String {
      let p = file.position(of: range.start)
      return "@\(p.line):\(p.column)"
    }

    mutating func line(_ depth: Int, _ content: String, at range: SourceRange? = nil) {
      text += String(repeating: "  ", count: depth) + content
      if let range { text += " " + at(range) }
      text += "\n"
    }

    /// `name: "value" @l:c`, or nothing when the field is absent.
    mutating func field(_ depth: Int, _ name: String, _ value: Located<String>?) {
      guard let value else { return }
      line(depth, "\(name): \(quoted(value.value))", at: value.range)
    }

    /// `name:` and one `- "item" @l:c` line per item; nothing when there are none.
    mutating func list(_ depth: Int, _ name: String, _ items: [Located<String>]?) {
      guard let items, !items.isEmpty else { return }
      line(depth, "\(name):")
      for item in items { line(depth + 1, "- \(quoted(item.value))", at: item.range) }
    }

    mutating func interface(_ interface: WorkflowInterface) {
      line(1, "interface:")
      list(2, "input", interface.input)
      params(2, "params", interface.params)
    }

    mutating func model(_ model: ModelDecl) {
      line(1, "model \(quoted(model.name.value))", at: model.name.range)
      field(2, "type", model.type)
      list(2, "concepts", model.concepts)
      if let backend = model.backend {
        line(2, "backend", at: backend.range)
        field(3, "kind", backend.kind)
        value(3, "value: ", backend.value)
        params(3, "options", backend.options)
      }
      if let ref = model.clarifai {
        line(2, "clarifai:")
        field(3, "modelId", ref.modelId)
        field(3, "modelVersionId", ref.modelVersionId)
        field(3, "userId", ref.userId)
        field(3, "appId", ref.appId)
        field(3, "description", ref.description)
      }
      params(2, "params", model.params)
    }

    mutating func node(_ node: WorkflowNode) {
      line(1, "node \(quoted(node.id.value))", at: node.id.range)
      field(2, "type", node.type)
      field(2, "model", node.model)
      list(2, "inputs", node.inputs)
      params(2, "params", node.params)
    }

    /// `name:` and one `"key" @l:c = value` line per parameter; nothing when there are none.
    mutating func params(_ depth: Int, _ name: String, _ params: [Param]) {
      guard !params.isEmpty else { return }
      line(depth, "\(name):")
      for param in params { self.param(depth + 1, param) }
    }

    mutating func param(_ depth: Int, _ param: Param) {
      value(depth, "\(quoted(param.name.value)) \(at(param.name.range)) = ", param.value)
    }

    /// A value after `prefix`: a scalar on the line, a list or mapping as its items below it.
    mutating func value(_ depth: Int, _ prefix: String, _ value: ParamValue) {
      switch value {
      case .scalar(let s):
        line(depth, prefix + scalar(s), at: s.range)
      case .varRef(let name):
        line(depth, prefix + "$" + name.value, at: name.range)
      case .list(let items, let range):
        line(depth, prefix + "list of \(items.count)", at: range)
        for item in items { self.value(depth + 1, "- ", item) }
      case .map(let entries, let range):
        line(depth, prefix + "map of \(entries.count)", at: range)
        for entry in entries { param(depth + 1, entry) }
      }
    }

    /// The scalar as the core schema read it, with its tag when one was written.
    func scalar(_ s: YAMLScalar) -> String {
      let text: String
      switch s.resolved {
      case .null: text = "null"
      case .bool(let b): text = String(b)
      case .int(let i): text = String(i)
      // `String(describing:)` keeps the `.0`, so a float never reads as an int here.
      case .float(let x): text = String(describing: x)
      case .string(let t): text = quoted(t)
      }
      guard let tag = s.tag else { return text }
      let core = "tag:yaml.org,2002:"
      return (tag.hasPrefix(core) ? "!!" + tag.dropFirst(core.count) : tag) + " " + text
    }

    /// A string in double quotes, with JSON's escapes.
    func quoted(_ s: String) -> String {
      var out = ""
      JSONOutput.quote(s, into: &out)
      return out
    }
  }
}
