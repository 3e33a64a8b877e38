/// The standard library as weir was built with it: the node types and catalog models declared in
/// `stdlib/`, decoded when weir was built rather than each time it starts.
///
/// Decoding `stdlib/`'s YAML costs a process about as much as everything else a small `weir check`
/// does, so `make stdlib` writes what that decoding gives as Swift values
/// (`StandardLibrary+Prebuilt.swift`, generated): one lazily built constant per type and per model,
/// and tables of names. A process builds only the types and models it looks up. A workflow used as
/// a node type (`stdlib/workflows/`) holds a whole syntax tree, so it is parsed from the embedded
/// text (``EmbeddedStdlib``) on first use instead. `PrebuiltStdlibTests` fails while the generated
/// file differs from what decoding `stdlib/` gives, and checks that its values are the decoded ones.
enum StandardLibrary {
  /// The node type named `name` or having it as an alias.
  static func type(named name: String) -> NodeType? {
    typeIndex[name].flatMap(type(at:))
  }

  /// Every node type name and alias.
  static var names: [String] { Array(typeIndex.keys) }

  /// Every node type, in the order declared: `stdlib/types/` file by file, then the workflows.
  static let types: [NodeType] = (0..<(declaredTypeCount + workflowTypeFiles.count)).compactMap(type(at:))

  /// The catalog model `id`.
  static func model(id: String) -> CatalogModel? {
    modelIndex[id].flatMap(model(at:))
  }

  /// Every catalog model, in the order declared.
  static let models: [CatalogModel] = (0..<modelCount).compactMap(model(at:))

  /// The type at `index` of ``types``: a declared type, or a workflow type past them.
  private static func type(at index: Int) -> NodeType? {
    guard index >= declaredTypeCount else { return declaredType(at: index) }
    let workflow = index - declaredTypeCount
    return workflow < workflowTypes.count ? workflowTypes[workflow] : nil
  }

  /// The workflow types of `stdlib/workflows/`, parsed from the embedded text on first use. One that
  /// does not parse is left out (`StdlibTests` keeps the standard library free of problems).
  private static let workflowTypes: [NodeType?] = workflowTypeFiles.map { path in
    guard let text = EmbeddedStdlib.files.first(where: { $0.path == path })?.text else { return nil }
    let file = SourceFile(path: "stdlib/" + path, text: text)
    guard let root = YAMLLoader().load(file).node, let workflow = WorkflowParser.parse(root).0 else {
      return nil
    }
    return NodeTypeLibrary.nodeType(of: workflow, origin: file.path).0
  }
}
