extension ExecutionPlan {
  /// One line saying what a step does, as a person would explain it (`weir plan`, the REPL).
  public func summary(of step: PlanStep) -> String {
    switch step.action {
    case .model(let m):
      let model = models[m]
      var s = "calls model '\(model.name)'"
      var about: [String] = []
      if let id = model.spec.clarifaiModelId, id != model.name { about.append("Clarifai model '\(id)'") }
      about.append(
        model.spec.backend.map { "\($0.kind) \($0.value.redactingURLCredentials.plainText)" }
          ?? "no backend: it cannot run")
      s += " (" + about.joined(separator: ", ") + ")"
      return s + ", batched across inputs"
    case .reuse(let twin):
      return "reuses the output of '\(steps[twin].nodeId)' (same model, same data: one call)"
    case .operator(let op):
      if op is PassThrough {
        return "passes its input on; its own nodes ('\(step.nodeId)/…') run in its place"
      }
      return Self.describe(op, type: step.type, vars: step.params.flatMap(\.vars))
    }
  }

  static func describe(_ op: any Operator, type: String, vars: [String]) -> String {
    let from = vars.isEmpty ? "" : " (" + Set(vars).sorted().map { "$" + $0 }.joined(separator: ", ") + ")"
    switch op {
    case let t as RegionThresholder:
      return "keeps \(t.thresholds.plainText)\(from) in each region; drops regions left with no concept"
    case let t as ConceptThresholder:
      return
        "keeps image concepts \(t.thresholds.plainText)\(from); drops the input from this branch if none is left"
    case let w as AnnotationWriter:
      var s = "writes each region × concept as \(w.status.name)"
      let who = [w.userId.map { "user '\($0)'" }, w.taskId.map { "task '\($0)'" }].compactMap { $0 }
      if !who.isEmpty { s += " (" + who.joined(separator: ", ") + ")" }
      return s
    case let r as RandomSample:
      return
        "keeps \(JSONValue.number(r.keepFraction * 100).plainText)% of inputs\(from), the same ones on every run"
    case let c as ImageCrop:
      return "crops each region's box scaled ×\(JSONValue.number(c.margin).plainText) about its centre\(from)"
    case let c as ObjectCounter:
      let which = c.concepts.map { " holding " + $0.joined(separator: " or ") } ?? ""
      return "counts regions\(which) into metadata.object_count, stored per input"
    case let m as ConceptSynonymMapper:
      let pairs = m.mapping.sorted { $0.key < $1.key }.map { "\($0.key) → \($0.value)" }
      return "renames concepts: " + (pairs.isEmpty ? "none" : pairs.joined(separator: ", "))
    default:
      return "runs \(type)\(from)"
    }
  }
}

extension ConceptThresholds {
  /// `cat > 0.95, dog > 0.95`; `nothing` when no concept has a threshold.
  public var plainText: String {
    var parts = entries.map { "\($0.key) \(comparator.symbol) \(JSONValue.number($0.threshold).plainText)" }
    if let d = defaultThreshold {
      parts.append(
        (entries.isEmpty ? "every concept " : "any other concept ")
          + "\(comparator.symbol) \(JSONValue.number(d).plainText)")
    }
    return parts.isEmpty ? "nothing (no concept has a threshold)" : parts.joined(separator: ", ")
  }
}

extension JSONValue {
  /// The value as a person writes it: `0.95`, `cat`, `[a, b]`, `{a: 1}`.
  public var plainText: String {
    switch self {
    case .null: return "null"
    case .bool(let b): return String(b)
    case .number(let d): return NumberText.format(d)
    case .string(let s): return s
    case .array(let a): return "[" + a.map(\.plainText).joined(separator: ", ") + "]"
    case .object(let o):
      return "{"
        + o.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.plainText)" }.joined(separator: ", ")
        + "}"
    }
  }
}
