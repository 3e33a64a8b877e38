extension TypeChecker.Run {
  /// The vars parameters may use: `vars:`, then a workflow type's parameters (set by the node that
  /// uses it, or their defaults), then overrides.
  mutating func bindVars() {
    bindings = [:]
    vars = []
    for decl in workflow.vars where bindings[decl.name.value] == nil {
      let name = decl.name.value
      bindings[name] = VarBinding(name: name, value: decl.value, valueRange: decl.value.range)
      vars.append(
        ResolvedVar(
          name: name, value: TypedValue(inferring: decl.value), declaration: decl,
          valueRange: decl.value.range))
    }
    let (params, problems) = TypeChecker.interfaceParams(of: workflow)
    diagnostics += problems
    for decl in params where bindings[decl.name] == nil {
      let value = instance?.vars[decl.name]?.value ?? decl.defaultValue.map { ParamValue.synthetic($0) }
      bindings[decl.name] = VarBinding(name: decl.name, value: value, valueRange: nil)
      vars.append(ResolvedVar(name: decl.name, value: value.flatMap(TypedValue.init(inferring:))))
    }
    for (name, value) in overrides.vars.sorted(by: { $0.key < $1.key }) {
      guard bindings[name] != nil, let i = vars.firstIndex(where: { $0.name == name }) else {
        let suggestion = NameSuggester.didYouMean(name, in: bindings.keys)
        let known = bindings.keys.sorted().joined(separator: ", ")
        diagnostics.append(
          .error(
            "check.unknown-var", "cannot set '\(name)': the workflow has no var of that name\(suggestion)",
            at: nil,
            notes: [Note(known.isEmpty ? "the workflow declares no vars" : "vars: \(known)")]))
        continue
      }
      let written = ParamValue.synthetic(value)
      bindings[name] = VarBinding(name: name, value: written, valueRange: nil)
      vars[i].value = TypedValue(inferring: written)
      vars[i].isOverridden = true
    }
  }

  /// Records, on each var, the parameters that use it.
  mutating func collectVarUses() {
    var uses: [String: [VarUse]] = [:]
    guard !vars.isEmpty else { return }
    for i in nodes.indices {
      let id = nodes[i].id
      for param in nodes[i].params {
        if case .variable(let name, let range) = param.source {
          uses[name, default: []].append(VarUse(node: id, param: param.name, key: nil, range: range))
        }
        for entry in param.entries {
          if case .variable(let name, let range) = entry.source, param.source.variable == nil {
            uses[name, default: []].append(VarUse(node: id, param: param.name, key: entry.key, range: range))
          }
        }
      }
    }
    for i in vars.indices { vars[i].uses = uses[vars[i].name] ?? [] }
  }
}

extension TypeChecker {
  /// The parameters a workflow declares for use as a node type (`params:` beside `input:`).
  static func interfaceParams(of workflow: Workflow) -> ([ParamDecl], [Diagnostic]) {
    guard let interface = workflow.interface else { return ([], []) }
    var reader = DeclarationReader(origin: "")
    let owner = "workflow '\(workflow.id?.value ?? "")'"
    let decls = interface.params.compactMap { reader.paramDecl(name: $0.name, $0.value, owner: owner) }
    return (decls, reader.diagnostics)
  }
}

extension ParamValue {
  /// A value set from outside the file (an override, a default), as if written at `range`.
  static func synthetic(_ value: ScalarValue, at range: SourceRange = .at(0)) -> ParamValue {
    let text: String
    switch value {
    case .null: text = "null"
    case .bool(let b): text = String(b)
    case .int(let i): text = String(i)
    case .float(let x): text = String(x)
    case .string(let s): text = s
    }
    return .scalar(YAMLScalar(value: text, style: .plain, tag: nil, range: range, resolved: value))
  }

  /// A typed value written back as a parameter value (enums by name).
  static func synthetic(_ value: TypedValue, at range: SourceRange = .at(0)) -> ParamValue {
    switch value {
    case .bool(let b): return synthetic(ScalarValue.bool(b), at: range)
    case .int(let i): return synthetic(ScalarValue.int(i), at: range)
    case .number(let x): return synthetic(ScalarValue.float(x), at: range)
    case .string(let s): return synthetic(ScalarValue.string(s), at: range)
    case .enumCase(let e): return synthetic(ScalarValue.string(e.name), at: range)
    case .list(let items): return .list(items.map { synthetic($0, at: range) }, range)
    case .map(let entries):
      return .map(
        entries.map { Param(name: Located($0.key, range), value: synthetic($0.value, at: range)) }, range)
    case .json(let j): return synthetic(j, at: range)
    }
  }

  private static func synthetic(_ json: JSONValue, at range: SourceRange) -> ParamValue {
    switch json {
    case .null: return synthetic(ScalarValue.null, at: range)
    case .bool(let b): return synthetic(ScalarValue.bool(b), at: range)
    case .number(let x): return synthetic(ScalarValue.float(x), at: range)
    case .string(let s): return synthetic(ScalarValue.string(s), at: range)
    case .array(let a): return .list(a.map { synthetic($0, at: range) }, range)
    case .object(let o):
      return .map(
        o.keys.sorted().map { Param(name: Located($0, range), value: synthetic(o[$0]!, at: range)) }, range)
    }
  }
}
