/// Prints what the type checker made of a workflow: for every node its resolved type and model,
/// what it reads, the kinds flowing in and out, and each parameter's typed value with where it came
/// from. What `weir check --dump-types FILE` shows (Documentation/Development.md, "Debug flags").
///
/// For people debugging the checker: nodes in source order, positions as `@line:column`, unknown
/// parts (a type the library lacks, a kind after an error upstream) said as `unknown`. A node whose
/// type is a workflow (`triage`) shows that workflow, checked in its place, indented below it. The
/// output is stable: the same file prints the same bytes.
public enum CheckedWorkflowDumper {
  /// The checked workflow, with positions taken from `file` (the file it was parsed from).
  public static func dump(_ checked: CheckedWorkflow, file: SourceFile) -> String {
    var out = Output(file: file)
    out.workflow(checked, depth: 0)
    return out.text
  }

  private struct Output {
    /// The file ranges point into; `nil` inside a workflow type's expansion, whose ranges point
    /// into the file that declares the type (named in its header instead).
    var file: SourceFile?
    var text = ""

    init(file: SourceFile) {
      self.file = file
    }

    /// `text @12:5`, where the range starts; just `text` when positions are not known.
    func at(_ text: String, _ range: SourceRange) -> String {
      guard let p = file?.position(of: range.start) else { return text }
      return "\(text) @\(p.line):\(p.column)"
    }

    mutating func line(_ depth: Int, _ content: String) {
      text += String(repeating: "  ", count: depth) + content + "\n"
    }

    mutating func workflow(_ checked: CheckedWorkflow, depth: Int) {
      line(depth, "workflow '\(checked.workflow.id?.value ?? "")'")
      let declared = checked.inputKindRange.map { at("declared", $0) } ?? "inferred"
      line(depth + 1, "IN: \(kind(checked.inputKind))" + (checked.inputKind == nil ? "" : " (\(declared))"))
      let order = checked.order.map { checked.nodes[$0].id }
      line(depth + 1, "order: " + (order.isEmpty ? "none" : order.joined(separator: ", ")))
      if !checked.vars.isEmpty {
        line(depth + 1, "vars:")
        for v in checked.vars { variable(v, depth: depth + 2) }
      }
      for node in checked.nodes { self.node(node, depth: depth + 1) }
    }

    /// `accept = 0.95 @14:11`, then the parameters that use it.
    mutating func variable(_ v: ResolvedVar, depth: Int) {
      var head = "\(v.name) = \(v.value?.description ?? "unset")"
      if v.isOverridden {
        head += " (set)"
      } else if let range = v.valueRange {
        head = at(head, range)
      }
      line(depth, head)
      guard !v.uses.isEmpty else { return }
      let uses = v.uses.map { use in [use.node, use.param, use.key].compactMap { $0 }.joined(separator: ".") }
      line(depth + 1, "used by " + uses.joined(separator: ", "))
    }

    mutating func node(_ node: CheckedNode, depth: Int) {
      line(depth, at("node '\(node.id)'", node.syntax.id.range))
      let d = depth + 1
      if let type = node.type {
        line(d, "type: \(type.name) (role \(type.role.rawValue), family \(type.family.rawValue))")
        line(d, "needs: \(type.inputDescription)")
        line(d, "gives: \(type.outputDescription)")
      } else {
        line(d, "type: unknown")
      }
      if let model = node.model { self.model(model, depth: d) }
      line(d, "inputs: " + node.inputs.map(\.description).joined(separator: ", "))
      for lookBack in node.lookBacks {
        line(d, "looks back: \(lookBack.requirement) from \(lookBack.source)")
      }
      if node.scope != .whole { line(d, "runs: \(node.scope)") }
      line(d, "in: \(kind(node.inputKind))")
      line(d, "out: \(kind(node.outputKind))")
      if !node.params.isEmpty {
        line(d, "params:")
        for param in node.params { self.param(param, depth: d + 1) }
      }
      if let expansion = node.expansion {
        line(d, "expands to (\(node.type?.origin ?? "?")):")
        let outer = file
        file = nil
        workflow(expansion, depth: d + 1)
        file = outer
      }
    }

    /// `model: pets (declared @18:3), concepts: cat, dog`.
    mutating func model(_ model: ResolvedModel, depth: Int) {
      var origins: [String] = []
      if let decl = model.decl { origins.append(at("declared", decl.name.range)) }
      if model.catalogEntry != nil { origins.append("in the catalog") }
      var text = "model: \(model.name) (\(origins.joined(separator: ", ")))"
      if let backend = model.backend { text += ", backend \(backend.kind.value)" }
      text +=
        ", concepts: "
        + (model.concepts.map { $0.isEmpty ? "none" : $0.joined(separator: ", ") } ?? "unknown")
      line(depth, text)
    }

    /// `concepts = {cat: 0.95}  # written @30:60`, then each entry of a list or mapping with its
    /// own source (`cat = 0.95  # $accept @30:68`).
    mutating func param(_ param: ResolvedParam, depth: Int) {
      line(depth, "\(param.name) = \(param.value)  # \(source(param.source))")
      for entry in param.entries {
        line(depth + 1, "\(entry.key ?? "-") = \(entry.value)  # \(source(entry.source))")
      }
    }

    func source(_ source: ValueSource) -> String {
      switch source {
      case .literal(let range): return at("written", range)
      case .variable(let name, let use): return at("$\(name)", use)
      case .defaultValue: return "default"
      case .model(let name): return "from model '\(name)'"
      case .override: return "set by an override"
      }
    }

    func kind(_ kind: Kind?) -> String { kind?.description ?? "unknown" }
  }
}
