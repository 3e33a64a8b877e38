/// The entry point from source text to the shared `Workflow` AST: loads the YAML, tells the two
/// dialects apart and parses with the right one (Design.md §2, §4).
///
/// Dialect: a top-level `weir:` key means native; a top-level `workflow:` mapping means Clarifai;
/// `nodes:` written as a mapping without `weir:` is read as native with an error for the missing
/// version. Anything else is an error that shows both forms.
///
/// Graph rules (unknown inputs, duplicate ids, cycles) are not checked here but by
/// `GraphChecker`; `Frontend.check` runs both.
public enum WorkflowParser {
  /// Parses `file`. The workflow is `nil` only when the file is not a workflow at all (not YAML,
  /// empty, not a mapping, no dialect); otherwise it holds everything that could be read, and
  /// the diagnostics say what could not.
  public static func parse(_ file: SourceFile) -> (workflow: Workflow?, diagnostics: [Diagnostic]) {
    parse(file, loader: YAMLLoader())
  }

  /// Parses with a loader of one's own (other limits).
  public static func parse(_ file: SourceFile, loader: YAMLLoader) -> (
    workflow: Workflow?, diagnostics: [Diagnostic]
  ) {
    let (root, yamlDiagnostics) = loader.load(file)
    guard let root, !isEmptyDocument(root) else {
      if yamlDiagnostics.isEmpty { return (nil, [emptyFile(file)]) }
      return (nil, yamlDiagnostics)
    }
    let (workflow, diagnostics) = parse(root)
    return (workflow, yamlDiagnostics + diagnostics)
  }

  /// Parses an already loaded YAML document.
  public static func parse(_ root: YAMLNode) -> (workflow: Workflow?, diagnostics: [Diagnostic]) {
    guard let mapping = root.mapping else {
      return (nil, [notAMapping(root)])
    }
    switch detectDialect(mapping) {
    case .clarifai:
      var parser = ClarifaiParser()
      let workflow = parser.parse(mapping)
      return (workflow, parser.context.diagnostics)
    case .native:
      var parser = NativeParser()
      let workflow = parser.parse(mapping)
      return (workflow, parser.context.diagnostics)
    case nil:
      return (nil, [unknownDialect(mapping)])
    }
  }

  /// Which dialect a top-level mapping is written in, or `nil` when it is neither.
  public static func detectDialect(_ root: YAMLMapping) -> Dialect? {
    if root["weir"] != nil { return .native }
    if root["workflow"]?.mapping != nil { return .clarifai }
    if root["nodes"]?.mapping != nil { return .native }
    return nil
  }

  private static let bothForms = [
    Note("a weir workflow starts with 'weir: 1' and has 'nodes' as a mapping from node id to node"),
    Note("a Clarifai workflow has 'workflow:' holding 'id' and a list of 'nodes'"),
  ]

  /// A document with nothing in it (`---` and comments): YAML reads it as an empty scalar that sits
  /// after the last line, which is no place to point at; it is an empty file.
  private static func isEmptyDocument(_ root: YAMLNode) -> Bool {
    guard let scalar = root.scalar else { return false }
    return scalar.value.isEmpty && scalar.style == .plain && scalar.tag == nil
  }

  /// Reported at line 1, where a reader starts, whatever comments or blank lines the file holds.
  private static func emptyFile(_ file: SourceFile) -> Diagnostic {
    .error("syntax.empty-file", "the file holds no workflow", at: .at(0), notes: bothForms)
  }

  private static func notAMapping(_ root: YAMLNode) -> Diagnostic {
    .error(
      "syntax.not-a-workflow",
      "a workflow file holds a mapping at the top level, not \(root.kindDescription)",
      at: root.range, notes: bothForms)
  }

  private static func unknownDialect(_ root: YAMLMapping) -> Diagnostic {
    var notes = bothForms
    if let value = root["workflow"] {
      notes.insert(Note("'workflow' here is \(value.kindDescription), not a mapping", at: value.range), at: 0)
    }
    let at = root.entries.first?.key.range ?? root.range
    return .error(
      "syntax.not-a-workflow",
      "this is not a weir workflow: there is no 'weir:' key and no 'workflow:' mapping",
      at: at, notes: notes)
  }
}
