import Foundation

/// The node types and models a workflow may use: the standard library embedded in the binary
/// (`stdlib/`), plus the user's own declarations.
///
/// Users add declarations with `--types PATH` (a file or a folder of `.yaml` files) and by putting
/// them in `.weir/types/` beside their workflow (``typePaths(forWorkflowAt:)``). A declaration file
/// holds `types:` and `models:` in the stdlib's format; a workflow file that declares `input:` or
/// `params:` becomes a node type named after its `workflow:` id.
public struct NodeTypeLibrary: Sendable {
  /// Whether the standard library is part of this one. Its types and models are not stored here:
  /// they are looked up in ``StandardLibrary``, built when weir was built, as they are needed.
  private var includesStandard = false
  /// The node types added to this library, in the order declared.
  private var added: [NodeType] = []
  /// The models that nodes may name by id.
  public private(set) var catalog = ModelCatalog()
  /// Names and aliases → index into `added`.
  private var index: [String: Int] = [:]

  /// An empty library (tests; normally start from ``standard``).
  public init() {}

  private init(includingStandard: Bool) {
    includesStandard = includingStandard
    catalog = ModelCatalog(includingStandard: includingStandard)
  }

  /// The standard library, as decoded from `stdlib/` when weir was built.
  public static let standard = NodeTypeLibrary(includingStandard: true)

  /// Loads the embedded standard library from its YAML, with any problems in it (a test keeps this
  /// empty, and checks that ``standard`` holds what this gives).
  public static func loadStandard() -> (library: NodeTypeLibrary, problems: [FileDiagnostics]) {
    var library = NodeTypeLibrary()
    let files = EmbeddedStdlib.files.map { SourceFile(path: "stdlib/" + $0.path, text: $0.text) }
    let problems = library.load(files)
    return (library, problems)
  }

  /// Every node type, in the order declared.
  public var types: [NodeType] { includesStandard ? StandardLibrary.types + added : added }

  /// The type named `name` or having it as an alias.
  public func type(named name: String) -> NodeType? {
    if let i = index[name] { return added[i] }
    return includesStandard ? StandardLibrary.type(named: name) : nil
  }

  /// Every name and alias, for "did you mean".
  public var names: [String] { (includesStandard ? StandardLibrary.names : []) + index.keys }

  /// The node type, alias or catalog model id nearest to a mistyped `name`, if one is close.
  public func suggestion(for name: String) -> String? {
    NameSuggester.nearest(to: name, in: names + catalog.ids)
  }

  /// Node types grouped by family, each group sorted by name.
  public var typesByFamily: [(family: NodeFamily, types: [NodeType])] {
    let all = types
    return NodeFamily.allCases.compactMap { family in
      let members = all.filter { $0.family == family }.sorted { $0.name < $1.name }
      return members.isEmpty ? nil : (family, members)
    }
  }

  // MARK: - Loading

  /// Adds the declarations and workflow types of `files`. Declarations are read first, so a file
  /// may use types declared in another; models are then checked against their types, and workflow
  /// types against everything. Returns the problems of each file that has any.
  @discardableResult
  public mutating func load(_ files: [SourceFile]) -> [FileDiagnostics] {
    var problems: [String: [Diagnostic]] = [:]
    var newModels: [(CatalogModel, SourceFile)] = []
    var workflows: [(YAMLNode, SourceFile)] = []
    for file in files {
      let (node, loadProblems) = YAMLLoader().load(file)
      problems[file.path, default: []] += loadProblems
      guard let node else { continue }
      if case .mapping(let m) = node, m["nodes"] != nil || m["workflow"] != nil {
        workflows.append((node, file))
        continue
      }
      var reader = DeclarationReader(origin: file.path)
      let (declaredTypes, declaredModels) = reader.read(ParamValue(node))
      problems[file.path, default: []] += reader.diagnostics
      for type in declaredTypes {
        if let duplicate = add(type) { problems[file.path, default: []].append(duplicate) }
      }
      newModels += declaredModels.map { ($0, file) }
    }
    for (model, file) in newModels {
      problems[file.path, default: []] += addModel(model)
    }
    var parsed: [(workflow: Workflow, origin: String)] = []
    for (root, file) in workflows {
      let (workflow, parseProblems) = WorkflowParser.parse(root)
      problems[file.path, default: []] += parseProblems
      if let workflow { parsed.append((workflow, file.path)) }
    }
    for (entry, typeProblems) in zip(parsed, addWorkflowTypes(parsed)) {
      problems[entry.origin, default: []] += typeProblems
    }
    return files.compactMap { file in
      let list = problems[file.path] ?? []
      return list.isEmpty ? nil : FileDiagnostics(file: file, diagnostics: list.sortedUnique())
    }
  }

  /// Adds a node type; returns a diagnostic instead when its name or an alias is taken.
  mutating func add(_ type: NodeType) -> Diagnostic? {
    for name in [type.name] + type.aliases {
      if let existing = self.type(named: name) {
        return .error(
          "types.duplicate",
          "node type '\(name)' is already declared (as '\(existing.name)' in \(existing.origin))",
          at: type.nameRange)
      }
    }
    for name in [type.name] + type.aliases { index[name] = added.count }
    added.append(type)
    return nil
  }

  /// Checks a catalog model's type and parameters and adds it.
  mutating func addModel(_ written: CatalogModel) -> [Diagnostic] {
    var model = written
    guard let type = type(named: model.type) else {
      let suggestion = NameSuggester.suggestion(for: model.type, at: model.typeRange, in: names)
      return [
        .error(
          "types.unknown-type",
          "model '\(model.id)' has unknown type '\(model.type)'\(suggestion?.clause ?? "")",
          at: model.typeRange, fixIts: suggestion?.fixIts ?? [])
      ]
    }
    model.type = type.name
    var problems: [Diagnostic] = []
    for param in model.writtenParams {
      guard let decl = type.param(param.name.value) else {
        let suggestion = NameSuggester.suggestion(
          for: param.name.value, at: param.name.range, in: type.params.map(\.name))
        problems.append(
          .error(
            "types.unknown-param",
            "\(type.name) takes no parameter '\(param.name.value)'\(suggestion?.clause ?? "")",
            at: param.name.range, fixIts: suggestion?.fixIts ?? []))
        continue
      }
      let owner = "model '\(model.id)'"
      let (resolved, paramProblems) = ParamResolver(vars: [:]).resolve(param.value, decl: decl, owner: owner)
      problems += paramProblems
      if let resolved { model.params.append(MapEntry(key: decl.name, value: resolved.value)) }
    }
    model.writtenParams = []  // read; the catalog keeps the typed values
    catalog.add(model)
    return problems
  }

  // MARK: - Workflow types

  /// Adds workflows that declare an interface (`input:`, `params:`) as node types named after their
  /// ids, then checks each one's nodes against the library (so they may use each other). Returns
  /// the problems of each, by index into `workflows`.
  public mutating func addWorkflowTypes(_ workflows: [(workflow: Workflow, origin: String)]) -> [[Diagnostic]]
  {
    var problems = [[Diagnostic]](repeating: [], count: workflows.count)
    var added: [Int] = []
    for (i, entry) in workflows.enumerated() {
      let (type, typeProblems) = NodeTypeLibrary.nodeType(of: entry.workflow, origin: entry.origin)
      problems[i] += typeProblems
      guard let type else { continue }
      if let duplicate = add(type) {
        problems[i].append(duplicate)
      } else {
        added.append(i)
      }
    }
    let checker = TypeChecker(library: self)
    for i in added {
      problems[i] += checker.check(workflows[i].workflow).1
    }
    return problems
  }

  /// The node type a workflow with an interface declares.
  static func nodeType(of workflow: Workflow, origin: String) -> (NodeType?, [Diagnostic]) {
    guard let id = workflow.id else {
      return (
        nil,
        [
          .error(
            "types.missing-key", "a workflow used as a node type needs an id ('workflow: NAME')", at: .at(0))
        ]
      )
    }
    guard let interface = workflow.interface else {
      return (
        nil,
        [
          .error(
            "types.missing-key",
            "workflow '\(id.value)' declares no 'input:' or 'params:', so it is not a node type",
            at: id.range)
        ]
      )
    }
    var inputs: [KindRequirement] = []
    for text in interface.input {
      // A malformed kind is reported when the workflow itself is checked.
      if let requirement = try? KindRequirement(parsing: text.value) { inputs.append(requirement) }
    }
    let (params, problems) = TypeChecker.interfaceParams(of: workflow)
    var type = NodeType(
      name: id.value, family: .workflow, role: .workflow, doc: workflow.description?.value ?? "",
      inputs: inputs.isEmpty ? [.any] : inputs, passesThrough: true, params: params, workflow: workflow,
      origin: origin)
    type.nameRange = id.range
    // The interface's own problems are reported when the workflow is checked (bindVars).
    _ = problems
    return (type, [])
  }

  // MARK: - Files on disk

  /// The `.yaml` files of `.weir/types/` in the folder of the workflow at `path`, sorted; none when
  /// there is no such folder.
  public static func typePaths(forWorkflowAt path: String) -> [String] {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(".weir/types")
    return (try? yamlFiles(in: folder.path)) ?? []
  }

  /// The library a workflow file is checked against: this one, plus the declarations in
  /// `.weir/types/` beside the workflow, plus `extraPaths` (the command line's `--types`).
  /// Returns `self` unchanged when there are none.
  public func forWorkflow(at path: String, extraPaths: [String] = []) throws -> (
    library: NodeTypeLibrary, problems: [FileDiagnostics]
  ) {
    let paths = NodeTypeLibrary.typePaths(forWorkflowAt: path) + extraPaths
    return paths.isEmpty ? (self, []) : try adding(paths: paths)
  }

  /// The library with the declarations at `paths` (files, or folders of `.yaml` files) added.
  /// Throws when a path cannot be read; problems in the files are returned, not thrown.
  public func adding(paths: [String]) throws -> (library: NodeTypeLibrary, problems: [FileDiagnostics]) {
    var files: [SourceFile] = []
    for path in paths {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: path])
      }
      for file in isFolder.boolValue ? try NodeTypeLibrary.yamlFiles(in: path) : [path] {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        files.append(SourceFile(path: file, bytes: bytes))
      }
    }
    var library = self
    let problems = library.load(files)
    return (library, problems)
  }

  private static func yamlFiles(in folder: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder)
      .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
      .sorted()
      .map { folder + "/" + $0 }
  }
}
