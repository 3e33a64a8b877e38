import Foundation
import WeirCore
import WeirDriver

extension ReplSession {
  /// `show NODE`: the node, what it reads and who reads it, its parameters in force, and — from the
  /// checker and the band analysis — the kind and the confidence bands that reach it.
  func show(_ name: String) -> ReplResponse {
    guard let checked else { return .error("no workflow loaded; use 'load FILE' first") }
    guard let node = checked.node(name) else {
      let hint = NameSuggester.didYouMean(name, in: checked.nodes.map(\.id))
      return .error("no node is named '\(name)'\(hint)")
    }
    let readers = checked.readers(of: .node(name))
    let inputs = node.inputs.map { ref -> String in
      if case .node(let id) = ref { return id }
      return "IN (the workflow input)"
    }
    let params = node.params.map { p -> (name: String, value: String) in
      let via = p.vars.isEmpty ? "" : "  (via " + p.vars.map { "$" + $0 }.joined(separator: ", ") + ")"
      let source = p.source == .defaultValue ? "  (default)" : ""
      return (p.name, "\(p.value)\(via)\(source)")
    }
    var lines = [
      "\(name): "
        + (node.type.map { "\($0.name) (\($0.family.rawValue), runs as \($0.role.rawValue))" }
          ?? "unknown type")
    ]
    if let model = node.syntax.model?.value { lines.append("  model: \(model)") }
    lines.append("  reads: " + inputs.joined(separator: ", "))
    lines.append("  read by: " + (readers.isEmpty ? "nothing" : readers.joined(separator: ", ")))
    lines.append("  kind in: " + (node.inputKind.map { "\($0)" } ?? "unknown"))
    lines.append("  kind out: " + (node.outputKind.map { "\($0)" } ?? "unknown"))
    if !params.isEmpty {
      var table = ReplTextTable([])
      for (k, v) in params { table.add([k, v]) }
      lines.append("  params:\n" + table.render(indent: "    "))
    }
    let bands = BandAnalysis(checked: checked, operators: operators)
    let incoming = Self.bandList(bands.incoming(name))
    lines.append(
      "  bands in: "
        + Self.bandText(
          incoming,
          empty: node.isModel ? "none (it reads the input, not confidences)" : "none: nothing can reach it"))
    if FlatWorkflow(operators: operators).descriptor(node)?.threshold != nil {
      lines.append(
        "  bands out: "
          + Self.bandText(Self.bandList(bands.outgoing(name)), empty: "none: it lets nothing through"))
    }
    let report = NodeReport(
      node: name, type: node.type?.name, inputs: inputs, readers: readers, params: params,
      kind: node.inputKind.map { "\($0)" }, bands: incoming, text: lines.joined(separator: "\n"))
    return ReplResponse(text: report.text, payload: .node(report))
  }

  /// Per concept, the band as text (`(0.5, 0.95]`); concepts not tracked by name as `others`.
  static func bandList(_ bands: ConceptBands) -> [(concept: String, band: String)] {
    var list = bands.named.keys.sorted().map { ($0, "\(bands.band($0))") }
    if !bands.others.isEmpty { list.append(("others", "\(bands.others)")) }
    return list
  }

  static func bandText(_ list: [(concept: String, band: String)], empty: String) -> String {
    list.isEmpty ? empty : list.map { "\($0.concept) \($0.band)" }.joined(separator: ", ")
  }

  /// `plan`: the execution plan of the workflow with the current settings, as `weir plan` prints it.
  func plan() -> ReplResponse {
    guard let document, let checked else { return .error("no workflow loaded; use 'load FILE' first") }
    let folder = (document.path as NSString).deletingLastPathComponent
    let (plan, diagnostics) = environment.driver.plan(checked, baseDirectory: folder.isEmpty ? "." : folder)
    guard let plan else {
      return .error(
        "no plan: \(diagnostics.first?.message ?? "the workflow did not plan")", diagnostics: diagnostics)
    }
    var text = PlanRenderer(format: .text).render(plan)
    while text.hasSuffix("\n") { text.removeLast() }
    return ReplResponse(text: text, diagnostics: diagnostics, payload: .text)
  }

  /// `check`: the checker on the workflow with the current settings.
  func check() -> ReplResponse {
    guard let document, let effective = effectiveWorkflow else {
      return .error("no workflow loaded; use 'load FILE' first")
    }
    let diagnostics = ReplToolchain.check(effective, library: library, driver: environment.driver).diagnostics
    return diagnosticsResponse(diagnostics, document.source)
  }

  /// `lint`: check plus the lint rules (with the nearest `.weir.yaml`), on the workflow with the
  /// current settings, as `weir lint` prints it.
  func lint() -> ReplResponse {
    guard let document, let effective = effectiveWorkflow else {
      return .error("no workflow loaded; use 'load FILE' first")
    }
    let (checked, diagnostics) = ReplToolchain.check(effective, library: library, driver: environment.driver)
    var all = diagnostics
    let (configuration, configurationDiagnostics) = lintConfiguration(for: document.path)
    if !diagnostics.hasErrors {
      all += Linter(configuration: configuration).lint(checked, file: document.source)
    }
    var response = diagnosticsResponse(all.sortedUnique(), document.source)
    if !configurationDiagnostics.isEmpty {
      response.text +=
        "\n"
        + configurationDiagnostics.map { "\($0.severity): \($0.message) [\($0.id)]" }.joined(separator: "\n")
    }
    return response
  }

  /// The `.weir.yaml` nearest the workflow file, found as `weir lint` finds it (the driver's lookup).
  private func lintConfiguration(for path: String) -> (LintConfiguration, [Diagnostic]) {
    let project = Driver.projectFile(forWorkflowAt: path) { candidate in
      (try? environment.readFile(candidate)).map { .success($0) }
    }
    return (project.configuration, project.diagnostics)
  }

  /// Diagnostics as `weir check` prints them, with a closing count; an error answer if any is an error.
  private func diagnosticsResponse(_ diagnostics: [Diagnostic], _ source: SourceFile) -> ReplResponse {
    guard !diagnostics.isEmpty else { return ReplResponse(text: "no problems", payload: .text) }
    let counts = Severity.allCases.compactMap { severity -> String? in
      let n = diagnostics.filter { $0.severity == severity }.count
      return n == 0 ? nil : ReplFormat.plural(n, severity.rawValue)
    }
    return ReplResponse(
      status: diagnostics.hasErrors ? .error : .ok,
      text: ReplToolchain.render(diagnostics, source) + "\n" + counts.joined(separator: ", "),
      diagnostics: diagnostics, payload: .text)
  }
}
