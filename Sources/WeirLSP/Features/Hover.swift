import WeirCore

/// What the server shows on hover: on a node type, what `weir types NAME` prints; on a node id,
/// the kinds in and out and, for thresholders and writers, the confidence bands per concept; on a
/// `$var`, its value and uses; on a model, its catalog entry and backend; on a parameter, its
/// declaration.
enum Hover {
  static func hover(_ analysis: DocumentAnalysis, at offset: Int) -> JSONValue? {
    guard let workflow = analysis.workflow, let (text, range) = markdown(analysis, workflow, at: offset)
    else {
      return nil
    }
    return .object([
      "contents": .object(["kind": .string("markdown"), "value": .string(text)]),
      "range": analysis.document.range(of: range).json,
    ])
  }

  static func markdown(_ analysis: DocumentAnalysis, _ workflow: Workflow, at offset: Int) -> (
    String, SourceRange
  )? {
    let file = analysis.document.file
    func contains(_ range: SourceRange) -> Bool { range.start <= offset && offset <= range.end }
    // Node types, on nodes and on models (a model's type is a node type of the predict family).
    for located in workflow.nodes.compactMap(\.type) + workflow.models.compactMap(\.type)
    where contains(located.range) {
      guard let type = analysis.library.type(named: located.value) else { return nil }
      return (block(NodeTypeDocs.describe(type, runs: analysis.runs)), located.range)
    }
    // Catalog models named by Clarifai's model_id.
    for model in workflow.models {
      if let ref = model.clarifai?.modelId, contains(ref.range),
        let entry = analysis.library.catalog.model(id: ref.value)
      {
        return (block(NodeTypeDocs.describe(entry)), ref.range)
      }
    }
    // Parameter names.
    for node in workflow.nodes {
      for param in node.params where contains(param.name.range) {
        guard let type = analysis.checked?.node(node.id.value)?.type, let decl = type.param(param.name.value)
        else {
          continue
        }
        return (paramText(decl, of: type), param.name.range)
      }
    }
    let index = SymbolIndex(workflow, file: file)
    guard let occurrence = index.occurrence(at: offset) else { return nil }
    switch occurrence.symbol {
    case .node(let id): return nodeText(id, analysis).map { ($0, occurrence.range) }
    case .variable(let name): return varText(name, analysis, index).map { ($0, occurrence.range) }
    case .model(let name): return modelText(name, analysis, workflow).map { ($0, occurrence.range) }
    }
  }

  static func block(_ text: String) -> String { "```text\n\(text.hasSuffix("\n") ? text : text + "\n")```" }

  static func paramText(_ decl: ParamDecl, of type: NodeType) -> String {
    var out =
      "**\(decl.name)** (\(decl.typeDescription)\(decl.isRequired ? ", required" : "")) of \(type.name)"
    if let value = decl.defaultValue { out += "\n\ndefault: `\(value)`" }
    if case .enumeration(let domain) = decl.type { out += "\n\nvalues: " + domain.listing }
    if !decl.doc.isEmpty { out += "\n\n" + decl.doc }
    return out
  }

  /// A node: its type, kinds in and out, who it reads and who reads it, and its bands.
  static func nodeText(_ id: String, _ analysis: DocumentAnalysis) -> String? {
    guard let checked = analysis.checked, let node = checked.node(id) else { return nil }
    var lines = ["**\(node.label)**"]
    if let type = node.type {
      lines.append("runs: \(analysis.runs(type).rawValue)")
    }
    lines.append("in: \(node.inputKind.map { "`\($0)`" } ?? "not known")")
    lines.append("out: \(node.outputKind.map { "`\($0)`" } ?? "not known")")
    lines.append("reads: " + node.inputs.map(\.description).joined(separator: ", "))
    let readers = checked.readers(of: .node(id))
    lines.append("read by: " + (readers.isEmpty ? "nothing" : readers.joined(separator: ", ")))
    if let model = node.model {
      var text = "model: \(model.name)"
      if let backend = model.backend { text += " (backend \(backend.kind.value))" }
      lines.append(text)
    }
    var out = lines.joined(separator: "  \n")
    if let bands = analysis.bands, let bandNode = bands.graph.node(id),
      bandNode.thresholder != nil || bandNode.writer != nil
    {
      out += "\n\n" + block(bandTable(bands, id: id, writer: bandNode.writer != nil))
    }
    return out
  }

  /// `concept  in  out` per concept (a writer: the band it writes, with its status).
  static func bandTable(_ bands: BandAnalysis, id: String, writer: Bool) -> String {
    let incoming = bands.incoming(id)
    let outgoing = bands.outgoing[id] ?? .none
    var concepts = Set(incoming.named.keys).union(outgoing.named.keys).sorted()
    if concepts.isEmpty, !incoming.others.isEmpty { concepts = [] }
    var rows: [[String]] = []
    if writer {
      let status = bands.writers.first { $0.id == id }?.status?.name ?? "(no status)"
      rows = concepts.map { [$0, "\(incoming.band($0))"] }
      if !incoming.others.isEmpty { rows.append(["other concepts", "\(incoming.others)"]) }
      return "writes \(status)\n" + table(["concept", "band"], rows)
    }
    rows = concepts.map { [$0, "\(incoming.band($0))", "\(outgoing.band($0))"] }
    if !incoming.others.isEmpty || !outgoing.others.isEmpty {
      rows.append(["other concepts", "\(incoming.others)", "\(outgoing.others)"])
    }
    return "confidences per concept\n" + table(["concept", "in", "out"], rows)
  }

  static func table(_ header: [String], _ rows: [[String]]) -> String {
    let all = [header] + rows
    let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
    return all.map { row in
      row.enumerated().map { i, cell in
        i == row.count - 1 ? cell : cell.padding(toLength: widths[i] + 2, withPad: " ", startingAt: 0)
      }.joined()
    }.joined(separator: "\n") + "\n"
  }

  static func varText(_ name: String, _ analysis: DocumentAnalysis, _ index: SymbolIndex) -> String? {
    guard let variable = analysis.checked?.variable(name) else {
      return index.definition(of: .variable(name)) == nil ? "**$\(name)**: no such var" : nil
    }
    var out = "**$\(name)** = `\(variable.value.map { "\($0)" } ?? "not set")`"
    if variable.uses.isEmpty {
      out += "\n\nnot used"
    } else {
      let uses = variable.uses.map { "\($0.node).\($0.param)" + ($0.key.map { "[\($0)]" } ?? "") }
      out += "\n\nused by: " + uses.joined(separator: ", ")
    }
    return out
  }

  static func modelText(_ name: String, _ analysis: DocumentAnalysis, _ workflow: Workflow) -> String? {
    let decl = workflow.model(name)
    let entry =
      analysis.library.catalog.model(id: name)
      ?? decl?.clarifai.flatMap { analysis.library.catalog.model(id: $0.modelId.value) }
    var parts: [String] = []
    if let decl {
      var text = "**model '\(name)'**"
      if let type = decl.type { text += " of type `\(type.value)`" }
      if let concepts = decl.concepts {
        text += "  \nconcepts: " + concepts.map(\.value).joined(separator: ", ")
      }
      if let backend = decl.backend {
        text += "  \nbackend: \(backend.kind.value) " + analysis.document.file.slice(backend.value.range)
      } else {
        text += "  \nbackend: none written (bound with --backend or a models file, or replayed)"
      }
      parts.append(text)
    }
    if let entry { parts.append(block(NodeTypeDocs.describe(entry))) }
    return parts.isEmpty ? nil : parts.joined(separator: "\n\n")
  }
}
