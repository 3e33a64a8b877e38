import Foundation

/// Prints an execution plan: `weir plan FILE --format text|json|dot|mermaid`. Every format is
/// stable: the same plan prints the same bytes.
public enum PlanFormat: String, Sendable, CaseIterable {
  case text, json, dot, mermaid
}

public struct PlanRenderer: Sendable {
  public var format: PlanFormat

  public init(format: PlanFormat = .text) {
    self.format = format
  }

  public func render(_ plan: ExecutionPlan) -> String {
    switch format {
    case .text: return Self.text(plan)
    case .json: return Self.json(plan)
    case .dot: return Self.dot(plan)
    case .mermaid: return Self.mermaid(plan)
    }
  }

  /// The name of what a step reads: `the input` or `'detect'`.
  static func inputNames(_ step: PlanStep, _ plan: ExecutionPlan) -> [String] {
    step.inputs.map {
      switch $0 {
      case .workflowInput: return "IN"
      case .step(let j): return plan.steps[j].nodeId
      }
    }
  }

  // MARK: text

  /// Reads in order, like a person explaining the workflow.
  static func text(_ plan: ExecutionPlan) -> String {
    var out = "plan for workflow '\(plan.workflowId)': \(plan.steps.count) nodes"
    out += ", \(plan.models.count) model\(plan.models.count == 1 ? "" : "s")"
    out += ", \(plan.writers.count) annotation writer\(plan.writers.count == 1 ? "" : "s")\n"
    if !plan.vars.isEmpty {
      let vars = plan.vars.map { "\($0.name) = \($0.value.plainText)" + ($0.overridden ? " (set)" : "") }
      out += "vars: " + vars.joined(separator: ", ") + "\n"
    }
    out += "\nfor each input, in this order:\n"
    var announced = Set<Int>()
    let width = String(plan.steps.count).count
    for step in plan.steps {
      if let from = step.branchFrom, announced.insert(from).inserted {
        let branches = plan.steps.filter { $0.branchFrom == from && $0.inputs == [.step(from)] }
          .map { "'\($0.nodeId)'" }
        out += "  then \(branches.count) independent branches read '\(plan.steps[from].nodeId)': "
        out += branches.joined(separator: ", ") + "\n"
      }
      let number = String(step.index + 1)
      let pad = String(repeating: " ", count: width - number.count)
      let reads = inputNames(step, plan).map { $0 == "IN" ? "the input" : "'\($0)'" }.joined(
        separator: " and ")
      out += "  \(pad)\(number). \(step.nodeId) (\(step.type)) reads \(reads)\n"
      let indent = String(repeating: " ", count: width + 4)
      out += "\(indent)\(plan.summary(of: step))\n"
      if !step.isLive {
        out += "\(indent)skipped: nothing it feeds writes annotations (runs with --output)\n"
      }
    }
    let unread = plan.steps.filter { $0.isLive && $0.readers.isEmpty }.map { "'\($0.nodeId)'" }
    if unread.count == 1 {
      out += "\nnot kept: the output of \(unread[0]) (nothing reads it; --output keeps it)\n"
    } else if !unread.isEmpty {
      out +=
        "\nnot kept: the outputs of \(unread.joined(separator: ", ")) (nothing reads them; --output keeps them)\n"
    }
    return out
  }

  // MARK: graphs

  static func label(_ step: PlanStep, _ plan: ExecutionPlan) -> String {
    var lines = [step.nodeId, step.type]
    switch step.action {
    case .model(let m): lines.append("model \(plan.models[m].name)")
    case .reuse(let twin): lines.append("= \(plan.steps[twin].nodeId)")
    case .operator(let op):
      if let t = op as? RegionThresholder { lines.append(t.thresholds.plainText) }
      if let t = op as? ConceptThresholder { lines.append(t.thresholds.plainText) }
      if let w = op as? AnnotationWriter { lines.append(w.status.name) }
    }
    return lines.joined(separator: "\n")
  }

  static func dot(_ plan: ExecutionPlan) -> String {
    func quote(_ s: String) -> String {
      "\""
        + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }
    var out =
      "digraph \(quote(plan.workflowId)) {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n"
    out += "  \"IN\" [shape=circle];\n"
    for step in plan.steps {
      var attrs = ["label=\(quote(label(step, plan)))"]
      if step.modelIndex != nil { attrs.append("shape=box3d") }
      if step.writesAnnotations { attrs.append("shape=cylinder") }
      if !step.isLive { attrs.append("style=dashed") }
      out += "  \(quote(step.nodeId)) [\(attrs.joined(separator: ", "))];\n"
    }
    for step in plan.steps {
      for name in inputNames(step, plan) { out += "  \(quote(name)) -> \(quote(step.nodeId));\n" }
    }
    return out + "}\n"
  }

  static func mermaid(_ plan: ExecutionPlan) -> String {
    // Mermaid reads `<` and `>` in labels as HTML; its entity codes keep `<= 0.95` literal.
    func text(_ s: String) -> String {
      s.replacingOccurrences(of: "\"", with: "#quot;").replacingOccurrences(of: "<", with: "#lt;")
        .replacingOccurrences(of: ">", with: "#gt;").replacingOccurrences(of: "\n", with: "<br/>")
    }
    var out = "flowchart LR\n  IN((IN))\n"
    for step in plan.steps {
      let l = "\"\(text(label(step, plan)))\""
      let shape = step.modelIndex != nil ? "[[\(l)]]" : step.writesAnnotations ? "[(\(l))]" : "[\(l)]"
      out += "  s\(step.index + 1)\(shape)\n"
    }
    for step in plan.steps {
      for input in step.inputs {
        switch input {
        case .workflowInput: out += "  IN --> s\(step.index + 1)\n"
        case .step(let j): out += "  s\(j + 1) --> s\(step.index + 1)\n"
        }
      }
    }
    return out
  }
}
