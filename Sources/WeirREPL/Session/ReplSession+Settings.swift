import WeirCore
import WeirDriver

extension ReplSession {
  /// `set NAME = VALUE`: the value is parsed as YAML, applied, and the workflow checked with it; a
  /// value that makes the workflow wrong is refused and changes nothing.
  func set(_ name: String, _ text: String) -> ReplResponse {
    let usage = ReplCommandInfo.named("set")?.usage
    guard let document else { return .error("no workflow loaded; use 'load FILE' first") }
    let workflow = document.workflow
    let target: SettingTarget
    switch SettingTarget.resolve(name, in: workflow) {
    case .success(let t): target = t
    case .failure(let error): return .error(error.message, usage: usage)
    }
    let node: YAMLNode
    switch Self.parseValue(text) {
    case .success(let n): node = n
    case .failure(let error): return .error(error.message, usage: usage)
    }
    let home = workflow.value(of: target)?.range ?? anchor(of: target, in: workflow)
    let value = ParamValue(node).relocated(to: home)
    if case .varRef(let ref) = value, workflow.variable(ref.value) == nil {
      let hint = NameSuggester.didYouMean(ref.value, in: workflow.vars.map(\.name.value))
      return .error("'$\(ref.value)' names no var\(hint)")
    }
    if case .variable(let v) = target, case .varRef(let ref) = value, ref.value == v {
      return .error("'\(v)' cannot be set to itself")
    }
    let candidate = merged(settings, target, value, file: workflow)
    let checked: CheckedWorkflow
    switch validate(candidate, changing: target) {
    case .success(let c): checked = c
    case .failure(let problem): return problem.response
    }
    let before = currentText(of: target)
    let warningsBefore = self.checked.map { lintWarnings($0) } ?? []
    settings = candidate
    self.checked = checked
    let change = SettingChange(
      target: target, fileValue: workflow.value(of: target)?.flowText, before: before, after: value.flowText)
    // Lint warnings the change brings (a dead branch, overlapping writers) are worth saying now.
    let known = Set(warningsBefore.map(\.message))
    let fresh = lintWarnings(checked).filter { !known.contains($0.message) }
    let text = ([describe(change)] + fresh.map { "  warning: \($0.message) [\($0.id)]" }).joined(
      separator: "\n")
    return ReplResponse(text: text, diagnostics: fresh, payload: .setting(change))
  }

  /// `unset NAME`: back to the file's value.
  func unset(_ name: String) -> ReplResponse {
    guard let document else { return .error("no workflow loaded; use 'load FILE' first") }
    let target: SettingTarget
    switch SettingTarget.resolve(name, in: document.workflow) {
    case .success(let t): target = t
    case .failure(let error): return .error(error.message, usage: ReplCommandInfo.named("unset")?.usage)
    }
    let affected = settings.keys.filter { $0 == target || Self.isKey(of: target, $0) }
    guard !affected.isEmpty else { return .error("'\(target)' is not set; 'vars' lists what is") }
    let before = currentText(of: target)
    var candidate = settings
    for key in affected { candidate[key] = nil }
    switch validate(candidate, changing: target) {
    case .success(let c): checked = c
    case .failure(let problem): return problem.response
    }
    settings = candidate
    let change = SettingChange(
      target: target, fileValue: document.workflow.value(of: target)?.flowText, before: before,
      after: document.workflow.value(of: target)?.flowText)
    return ReplResponse(
      text: "\(target) is back to \(change.after ?? "its default (not written in the file)")",
      payload: .setting(change))
  }

  /// `vars`: every var, then every parameter changed with `set`.
  func vars() -> ReplResponse {
    guard let document, let effective = effectiveWorkflow else {
      return .error("no workflow loaded; use 'load FILE' first")
    }
    var states: [SettingState] = []
    for v in document.workflow.vars {
      let target = SettingTarget.variable(v.name.value)
      states.append(
        SettingState(
          target: target, value: effective.value(of: target)?.flowText ?? "", fileValue: v.value.flowText,
          usedBy: users(of: v.name.value, in: effective)))
    }
    for target in settings.keys.sorted() {
      guard case .parameter = target else { continue }
      states.append(
        SettingState(
          target: target, value: effective.value(of: target)?.flowText ?? "",
          fileValue: document.workflow.value(of: target)?.flowText,
          usedBy: []))
    }
    guard !states.isEmpty else {
      return ReplResponse(text: "the workflow has no vars and nothing is set", payload: .vars([]))
    }
    var table = ReplTextTable(["name", "value", "in the file", "used by"])
    for s in states {
      table.add([
        s.target.description, s.value + (s.isChanged ? " *" : ""), s.fileValue ?? "(not written)",
        s.usedBy.joined(separator: ", "),
      ])
    }
    var text = table.render()
    if states.contains(where: \.isChanged) {
      text += "\n  * changed in this session; 'save' writes it to the file"
    }
    return ReplResponse(text: text, payload: .vars(states))
  }

  // MARK: - helpers

  /// A value typed at the REPL, read as a YAML flow value.
  static func parseValue(_ text: String) -> Result<YAMLNode, ReplCommandError> {
    let (node, diagnostics) = YAMLLoader().load(SourceFile(path: "<value>", text: text))
    if let error = diagnostics.first(where: { $0.severity == .error }) {
      return .failure(ReplCommandError("'\(text)' is not a value: \(error.message)"))
    }
    guard let node else { return .failure(ReplCommandError("'\(text)' is not a value")) }
    return .success(node)
  }

  /// Where a setting not written in the file would live: its node (for diagnostics).
  func anchor(of target: SettingTarget, in workflow: Workflow) -> SourceRange {
    switch target {
    case .variable(let name): return workflow.variable(name)?.name.range ?? workflow.range
    case .parameter(let node, let name, _):
      return workflow.node(node)?.param(name)?.value.range ?? workflow.node(node)?.id.range ?? workflow.range
    }
  }

  /// Settings with one more: a key of a parameter set as a whole goes into that whole value; a
  /// whole parameter replaces the keys set before. A value equal to the file's is no setting.
  func merged(
    _ settings: [SettingTarget: ParamValue], _ target: SettingTarget, _ value: ParamValue, file: Workflow
  )
    -> [SettingTarget: ParamValue]
  {
    var result = settings
    if case .parameter(let node, let name, _?) = target {
      let whole = SettingTarget.parameter(node: node, name: name, key: nil)
      if let existing = result[whole] {
        var w = file
        w.nodes = w.nodes.map { n in
          guard n.id.value == node else { return n }
          var copy = n
          copy.params =
            copy.params.filter { $0.name.value != name } + [
              Param(name: Located(name, existing.range), value: existing)
            ]
          return copy
        }
        let updated = w.applying([target: value])
        result[whole] = updated.value(of: whole)
        return result
      }
    } else if case .parameter = target {
      for k in result.keys where Self.isKey(of: target, k) { result[k] = nil }
    }
    if let original = file.value(of: target), SettingsWriter.same(original, value) {
      result[target] = nil
    } else {
      result[target] = value
    }
    return result
  }

  /// Whether `key` sets one key of the parameter `whole`.
  static func isKey(of whole: SettingTarget, _ key: SettingTarget) -> Bool {
    guard case .parameter(let n, let p, nil) = whole, case .parameter(let n2, let p2, _?) = key else {
      return false
    }
    return n == n2 && p == p2
  }

  /// Refuses settings that make the workflow wrong: new checker errors (a threshold out of
  /// range, an unknown comparator, a var that does not exist), or a workflow the column evaluator
  /// could run before and cannot after. Returns the workflow checked with them.
  func validate(_ candidate: [SettingTarget: ParamValue], changing target: SettingTarget)
    -> Result<CheckedWorkflow, ReplResponseError>
  {
    guard let document else { return .failure(ReplResponseError("no workflow loaded")) }
    let (before, beforeDiagnostics) = ReplToolchain.check(
      document.workflow.applying(settings), library: library, driver: environment.driver)
    let (after, afterDiagnostics) = ReplToolchain.check(
      document.workflow.applying(candidate), library: library, driver: environment.driver)
    let known = Set(beforeDiagnostics.filter { $0.severity == .error }.map(\.message))
    let errors = afterDiagnostics.filter { $0.severity == .error && !known.contains($0.message) }
    if !errors.isEmpty {
      let lines = errors.map { "  \($0.message) [\($0.id)]" }.joined(separator: "\n")
      return .failure(
        ReplResponseError(
          "'\(target)' not changed: the workflow would not check\n\(lines)", diagnostics: errors))
    }
    if case .columns = engine(before), case .interpreter(let reason) = engine(after) {
      return .failure(ReplResponseError("'\(target)' not changed: \(reason)"))
    }
    return .success(after)
  }

  /// The lint rules' warnings (not notes) on a checked workflow.
  func lintWarnings(_ checked: CheckedWorkflow) -> [Diagnostic] {
    guard let document else { return [] }
    return Linter().lint(checked, file: document.source).filter { $0.severity == .warning }
  }

  /// The value in force now, as flow text.
  func currentText(of target: SettingTarget) -> String? {
    effectiveWorkflow?.value(of: target)?.flowText
  }

  /// Nodes whose parameters refer to a var.
  func users(of name: String, in workflow: Workflow) -> [String] {
    func refers(_ v: ParamValue) -> Bool {
      switch v {
      case .varRef(let r): return r.value == name
      case .scalar: return false
      case .list(let items, _): return items.contains(where: refers)
      case .map(let entries, _): return entries.contains { refers($0.value) }
      }
    }
    return workflow.nodes.filter { $0.params.contains { refers($0.value) } }.map(\.id.value)
  }

  private func describe(_ change: SettingChange) -> String {
    var text = "\(change.target) = \(change.after ?? "")"
    if let file = change.fileValue, file != change.after { text += "  (in the file: \(file))" }
    if change.fileValue == change.after { text += "  (as in the file)" }
    return text
  }
}
