/// Reads model bindings: backends given outside the workflow, in a models file or on the command
/// line (`--backend NAME=SPEC`). A binding is a name (a node id or a model id) and a backend mapping
/// written as in a model's `backend:` (`{replay: predictions.json}`), checked by the same parser, so
/// a misspelt kind or option gets the same error with a position in the file it was written in.
///
/// ```yaml
/// # .weir/models.yaml
/// models:
///   pets: {replay: predictions.json}
///   detect: {http: https://api.clarifai.com, user_id: me, app_id: pets}
/// ```
public enum ModelBindingParser {
  /// One binding as written: the name and its backend, ranges in the file it was read from.
  public struct Entry: Sendable {
    public var name: Located<String>
    public var spec: BackendSpec
  }

  /// A models file: a mapping with one key, `models`, of names to backend mappings.
  public static func parseModelsFile(_ file: SourceFile) -> (entries: [Entry], diagnostics: [Diagnostic]) {
    let (root, yamlDiagnostics) = YAMLLoader().load(file)
    guard let root else { return ([], yamlDiagnostics) }
    var context = SyntaxContext()
    guard let top = context.mapping(root, "a models file") else {
      return ([], yamlDiagnostics + context.diagnostics)
    }
    context.checkKeys(top, allowed: ["models"], in: "a models file")
    var entries: [Entry] = []
    if let models = top["models"], let m = context.mapping(models, "'models'") {
      for pair in m.entries {
        guard let name = context.keyString(pair) else { continue }
        if let spec = BackendParser.parse(pair.value, context: &context) {
          entries.append(Entry(name: name, spec: spec))
        }
      }
    } else if top["models"] == nil, !context.wasSuggested("models", in: top) {
      context.error(
        "syntax.missing-key", "a models file needs a 'models' mapping of model ids to backends",
        at: top.range, notes: [Note("for example: models: {pets: {replay: predictions.json}}")])
    }
    return (entries, yamlDiagnostics + context.diagnostics)
  }

  /// One command-line binding, given as the text of a one-entry flow mapping
  /// (`"pets": {replay: "predictions.json"}`) that the driver builds from `NAME=SPEC`.
  public static func parseEntry(_ file: SourceFile) -> (entry: Entry?, diagnostics: [Diagnostic]) {
    let (root, yamlDiagnostics) = YAMLLoader().load(file)
    guard let root else { return (nil, yamlDiagnostics) }
    var context = SyntaxContext()
    guard let m = context.mapping(root, "a binding"), let pair = m.entries.first,
      let name = context.keyString(pair)
    else { return (nil, yamlDiagnostics + context.diagnostics) }
    let spec = BackendParser.parse(pair.value, context: &context)
    return (spec.map { Entry(name: name, spec: $0) }, yamlDiagnostics + context.diagnostics)
  }

  /// The kinds a binding may name (`replay`, `builtin`, `http`, `command`).
  public static var kinds: [String] { BackendParser.kinds }
}
