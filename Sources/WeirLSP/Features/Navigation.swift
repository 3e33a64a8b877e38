import WeirCore

/// Go to definition, find references, highlights, rename and the outline (document symbols).
enum Navigation {
  static func definition(_ analysis: DocumentAnalysis, at offset: Int) -> JSONValue {
    guard let workflow = analysis.workflow else { return .null }
    let index = SymbolIndex(workflow, file: analysis.document.file)
    guard let occurrence = index.occurrence(at: offset),
      let definition = index.definition(of: occurrence.symbol)
    else { return .null }
    return location(analysis.document, definition.range)
  }

  static func references(_ analysis: DocumentAnalysis, at offset: Int, includeDeclaration: Bool) -> JSONValue
  {
    guard let workflow = analysis.workflow else { return .array([]) }
    let index = SymbolIndex(workflow, file: analysis.document.file)
    guard let occurrence = index.occurrence(at: offset) else { return .array([]) }
    return .array(
      index.occurrences(of: occurrence.symbol).filter { includeDeclaration || !$0.isDefinition }.map {
        location(analysis.document, $0.range)
      })
  }

  static func highlights(_ analysis: DocumentAnalysis, at offset: Int) -> JSONValue {
    guard let workflow = analysis.workflow else { return .array([]) }
    let index = SymbolIndex(workflow, file: analysis.document.file)
    guard let occurrence = index.occurrence(at: offset) else { return .array([]) }
    return .array(
      index.occurrences(of: occurrence.symbol).map {
        // 3: write (the definition), 2: read.
        .object(["range": analysis.document.range(of: $0.range).json, "kind": .int($0.isDefinition ? 3 : 2)])
      })
  }

  /// The name under the cursor when it can be renamed (a node id or a var), else `null`.
  static func prepareRename(_ analysis: DocumentAnalysis, at offset: Int) -> JSONValue {
    guard let workflow = analysis.workflow,
      let occurrence = SymbolIndex(workflow, file: analysis.document.file).occurrence(at: offset),
      renamable(occurrence.symbol)
    else { return .null }
    return .object([
      "range": analysis.document.range(of: occurrence.range).json,
      "placeholder": .string(occurrence.symbol.text),
    ])
  }

  /// Every place the node id or var under the cursor is written, renamed.
  static func rename(_ analysis: DocumentAnalysis, at offset: Int, to name: String) throws -> JSONValue {
    guard let workflow = analysis.workflow else {
      throw RPCError(.requestFailed, "the file is not a workflow weir can read")
    }
    let index = SymbolIndex(workflow, file: analysis.document.file)
    guard let occurrence = index.occurrence(at: offset), renamable(occurrence.symbol) else {
      throw RPCError(.requestFailed, "only a node id or a var can be renamed")
    }
    let symbol = occurrence.symbol
    if case .variable = symbol, !isVarName(name) {
      throw RPCError(
        .requestFailed, "'\(name)' is not a var name: letters, digits, '_' and '-', not first a digit")
    }
    if case .node = symbol, !isNodeId(name) {
      throw RPCError(
        .requestFailed, "'\(name)' is not a node id weir can write unquoted: letters, digits, '_', '-', '.'")
    }
    let taken: Bool
    switch symbol {
    case .node: taken = workflow.node(name) != nil
    case .variable: taken = workflow.variable(name) != nil
    case .model: taken = false
    }
    if taken, name != symbol.text { throw RPCError(.requestFailed, "'\(name)' is already defined") }
    let edits: [JSONValue] = index.occurrences(of: symbol).map {
      .object(["range": analysis.document.range(of: $0.range).json, "newText": .string(name)])
    }
    return .object(["changes": .object([analysis.document.uri: .array(edits)])])
  }

  /// Nodes, models and vars, each with its detail (a node's type, a var's value).
  static func symbols(_ analysis: DocumentAnalysis) -> JSONValue {
    guard let workflow = analysis.check.workflow else { return .array([]) }
    let document = analysis.document
    var symbols: [JSONValue] = []
    func symbol(_ name: String, detail: String, kind: Int, range: SourceRange, selection: SourceRange)
      -> JSONValue
    {
      .object([
        "name": .string(name), "detail": .string(detail), "kind": .int(kind),
        "range": document.range(of: range.union(selection)).json,
        "selectionRange": document.range(of: selection).json,
      ])
    }
    for variable in workflow.vars {
      let value = analysis.checked?.variable(variable.name.value)?.value.map { "\($0)" } ?? ""
      // 13: Variable.
      symbols.append(
        symbol(
          variable.name.value, detail: value, kind: 13, range: variable.value.range,
          selection: variable.name.range))
    }
    let nodeRanges = Set(workflow.nodes.map(\.id.range))
    for model in workflow.models where !nodeRanges.contains(model.name.range) {
      // 2: Module.
      symbols.append(
        symbol(
          model.name.value, detail: model.type?.value ?? "", kind: 2, range: model.range,
          selection: model.name.range))
    }
    for node in workflow.nodes {
      let type = analysis.checked?.node(node.id.value)?.type?.name ?? node.type?.value ?? ""
      // 12: Function.
      symbols.append(
        symbol(node.id.value, detail: type, kind: 12, range: node.range, selection: node.id.range))
    }
    return .array(symbols)
  }

  static func location(_ document: TextDocument, _ range: SourceRange) -> JSONValue {
    .object(["uri": .string(document.uri), "range": document.range(of: range).json])
  }

  private static func renamable(_ symbol: SymbolName) -> Bool {
    if case .model = symbol { return false }
    return true
  }

  static func isVarName(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, first == "_" || isLetter(first) else { return false }
    return name.unicodeScalars.allSatisfy { isLetter($0) || isDigit($0) || $0 == "_" || $0 == "-" }
  }

  static func isNodeId(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, isLetter(first) || isDigit(first) || first == "_" else {
      return false
    }
    return name.unicodeScalars.allSatisfy { isLetter($0) || isDigit($0) || "_-.".unicodeScalars.contains($0) }
  }

  private static func isLetter(_ c: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(c) || ("A"..."Z").contains(c)
  }
  private static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
}
