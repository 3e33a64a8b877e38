import Foundation
import WeirCore

/// Backends bound to a workflow's models from outside the workflow (Documentation/Backends.md,
/// "Binding models to backends"): `--backend NAME=SPEC` on the command line, and a models file
/// (`--models FILE`, else `.weir/models.yaml` beside the workflow). NAME is a node id or a model id.
/// A command-line binding wins over the models file, and both over a `backend:` in the workflow.
///
/// A model with a Clarifai identity (`user_id`, `app_id` and `model_id`) and no backend calls
/// Clarifai's API through the `http` backend, with the key from `CLARIFAI_PAT`;
/// `WEIR_CLARIFAI_API` points it at another base URL (a test server, a private deployment).
public struct ModelBindings: Sendable {
  /// One binding: the name it binds and the backend, ranges in `spec.binding.file`.
  public struct Binding: Sendable {
    public var name: Located<String>
    public var spec: BackendSpec
    /// From `--backend` (an unknown name is an error) rather than a models file (a warning: one
    /// file serves every workflow of its folder).
    public var fromCommandLine: Bool
    public var file: SourceFile { spec.binding?.file ?? SourceFile(path: "", bytes: []) }
  }

  /// `--backend NAME=SPEC`, in order.
  public var commandLine: [Binding] = []
  /// Problems with `--backend` values, each in its own `--backend` file.
  public var commandLineProblems: [FileDiagnostics] = []
  /// `--models FILE`; `nil` reads `.weir/models.yaml` beside each workflow.
  public var modelsFile: String?
  /// The base URL of Clarifai's API for models bound to it by their identity.
  public var clarifaiAPI: String = "https://api.clarifai.com"

  /// The environment variable that overrides `clarifaiAPI`.
  public static let clarifaiAPIVariable = "WEIR_CLARIFAI_API"
  /// Where a workflow's own models file lives, relative to its folder.
  public static let localModelsFile = ".weir/models.yaml"
  /// The name a `--backend` value is shown under in diagnostics.
  public static let commandLineName = "--backend"

  public init() {}

  /// Bindings from the command line: `backends` are `NAME=SPEC` values, relative paths in them
  /// start from `currentDirectory`.
  ///
  /// - Throws: `DriverError.badBinding` for a `WEIR_CLARIFAI_API` that is not an http(s) URL.
  public init(
    backends: [String], modelsFile: String?, environment: [String: String],
    currentDirectory: String = FileManager.default.currentDirectoryPath
  ) throws(DriverError) {
    self.modelsFile = modelsFile
    if let api = environment[Self.clarifaiAPIVariable], !api.isEmpty {
      guard let url = URL(string: api), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
        url.host != nil
      else {
        throw .badBinding("\(Self.clarifaiAPIVariable) must be an http:// or https:// URL, not '\(api)'")
      }
      clarifaiAPI = api
    }
    for argument in backends {
      switch Self.parse(argument, currentDirectory: currentDirectory) {
      case .binding(let binding): commandLine.append(binding)
      case .problem(let problem): commandLineProblems.append(problem)
      }
    }
  }

  /// A `--backend` value read: a binding, or what is wrong with it.
  enum Parsed {
    case binding(Binding)
    case problem(FileDiagnostics)
  }

  /// One `NAME=SPEC`: SPEC is `KIND:VALUE` (`replay:predictions.json`, `http:https://…`) or a YAML
  /// flow mapping with options (`{replay: predictions.json, format: coco}`).
  static func parse(_ argument: String, currentDirectory: String) -> Parsed {
    func malformed(_ message: String, at offset: Int) -> Parsed {
      let file = SourceFile(path: commandLineName, text: argument)
      let diagnostic = Diagnostic.error(
        "binding.malformed", message, at: SourceRange(start: offset, end: argument.utf8.count),
        notes: [
          Note(
            "write NAME=KIND:VALUE (--backend detect=replay:predictions.json) or "
              + "NAME={KIND: VALUE, option: value}; kinds: \(ModelBindingParser.kinds.joined(separator: ", "))"
          )
        ])
      return .problem(FileDiagnostics(file: file, diagnostics: [diagnostic]))
    }
    guard let equals = argument.firstIndex(of: "=") else {
      return malformed("--backend takes NAME=SPEC, and '\(argument)' has no '='", at: 0)
    }
    let name = String(argument[..<equals])
    let spec = String(argument[argument.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
    let specOffset = argument[...equals].utf8.count
    guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
      return malformed("--backend needs a node or model id before '='", at: 0)
    }
    let text: String
    if spec.hasPrefix("{") {
      text = "\(quoted(name)): \(spec)"
    } else {
      guard let colon = spec.firstIndex(of: ":"), colon != spec.startIndex else {
        return malformed(
          "the backend of '\(name)' must be KIND:VALUE or a {…} mapping, not '\(spec)'", at: specOffset)
      }
      let kind = String(spec[..<colon])
      let value = String(spec[spec.index(after: colon)...])
      text = "\(quoted(name)): {\(quoted(kind)): \(value.isEmpty ? "null" : quoted(value))}"
    }
    let file = SourceFile(path: commandLineName, text: text)
    let (entry, diagnostics) = ModelBindingParser.parseEntry(file)
    guard let entry, !diagnostics.hasErrors else {
      return .problem(FileDiagnostics(file: file, diagnostics: diagnostics))
    }
    var bound = entry.spec
    bound.binding = (file, currentDirectory)
    return .binding(Binding(name: entry.name, spec: bound, fromCommandLine: true))
  }

  /// `s` as YAML that reads back as the string `s`: plain when it is a simple name or path (so
  /// diagnostics show it as typed), double-quoted otherwise.
  static func quoted(_ s: String) -> String {
    let simple = s.unicodeScalars.allSatisfy { c in
      CharacterSet.alphanumerics.contains(c) && c.isASCII || "_-./".unicodeScalars.contains(c)
    }
    if simple, let first = s.unicodeScalars.first, CharacterSet.letters.contains(first),
      !["true", "false", "null"].contains(s.lowercased())
    {
      return s
    }
    return YAMLText.quoted(s)
  }

  /// The models file for the workflow at `path`: `--models`, else `.weir/models.yaml` in its folder
  /// when there is one; with the folder its relative paths start from (the workflow's for the
  /// local file, the file's own for `--models`).
  func modelsFile(forWorkflowAt path: String) -> (path: String, baseDirectory: String)? {
    if let modelsFile {
      let folder = (modelsFile as NSString).deletingLastPathComponent
      return (modelsFile, folder.isEmpty ? "." : folder)
    }
    guard path != SourceReader.stdinPath, path != SourceReader.stdinName else { return nil }
    let folder = (path as NSString).deletingLastPathComponent
    let local = folder.isEmpty ? Self.localModelsFile : folder + "/" + Self.localModelsFile
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: local, isDirectory: &isDirectory), !isDirectory.boolValue
    else { return nil }
    return (local, folder.isEmpty ? "." : folder)
  }

  /// Every binding for the workflow at `path`, the models file's first (so the command line's win),
  /// and the problems found reading them.
  func bindings(forWorkflowAt path: String) -> (bindings: [Binding], problems: [FileDiagnostics]) {
    var bindings: [Binding] = []
    var problems = commandLineProblems
    if let (file, base) = modelsFile(forWorkflowAt: path) {
      switch SourceReader.read(file) {
      case .failure(let failure):
        problems.append(
          FileDiagnostics(
            file: SourceFile(path: file, bytes: []),
            diagnostics: [
              .error("binding.unreadable", "cannot read the models file: \(failure.reason)", at: nil)
            ]
          ))
      case .success(let source):
        let (entries, diagnostics) = ModelBindingParser.parseModelsFile(source)
        if !diagnostics.isEmpty { problems.append(FileDiagnostics(file: source, diagnostics: diagnostics)) }
        for entry in entries {
          var spec = entry.spec
          spec.binding = (source, base)
          bindings.append(Binding(name: entry.name, spec: spec, fromCommandLine: false))
        }
      }
    }
    return (bindings + commandLine, problems)
  }
}

extension Driver {
  /// The workflow at `path` with its models bound (`ModelBindings`), and the problems of the
  /// bindings, each in the file it was written in: unknown names, bad kinds and options.
  /// With `library`, a declaration whose type is an operator (a Clarifai thresholder or writer,
  /// which weir runs itself) is not a model to bind.
  public func bind(_ workflow: Workflow, at path: String, library: NodeTypeLibrary? = nil) -> (
    workflow: Workflow, reports: [FileDiagnostics]
  ) {
    var bound = workflow
    let (all, problems) = bindings.bindings(forWorkflowAt: path)
    var reports = problems
    func report(_ diagnostics: [Diagnostic], in file: SourceFile) {
      guard !diagnostics.isEmpty else { return }
      if let i = reports.firstIndex(where: { $0.file.path == file.path && $0.file.bytes == file.bytes }) {
        reports[i].diagnostics = (reports[i].diagnostics + diagnostics).sortedUnique()
      } else {
        reports.append(FileDiagnostics(file: file, diagnostics: diagnostics))
      }
    }
    let shownPath = path == SourceReader.stdinPath ? SourceReader.stdinName : path
    for binding in all {
      let targets = Self.targets(binding.name.value, in: bound, library: library)
      guard !targets.isEmpty else {
        report([unknownName(binding, in: bound, path: shownPath, library: library)], in: binding.file)
        continue
      }
      for i in targets {
        bound.models[i].backend = binding.spec
        if let kind = backendKinds.kind(binding.spec.kind.value) {
          report(kind.diagnose(spec: binding.spec, model: bound.models[i]), in: binding.file)
        }
      }
    }
    for i in bound.models.indices
    where bound.models[i].backend == nil && Self.isModel(bound.models[i], library) {
      guard let ref = bound.models[i].clarifai, ref.userId != nil, ref.appId != nil else { continue }
      let range = ref.modelId.range
      let url = YAMLScalar(
        value: bindings.clarifaiAPI, style: .plain, tag: nil, range: range,
        resolved: .string(bindings.clarifaiAPI))
      var implicit = BackendSpec(kind: Located("http", range), value: .scalar(url), options: [], range: range)
      implicit.isImplicit = true
      bound.models[i].backend = implicit
    }
    return (bound, reports)
  }

  /// The models a binding named `name` binds: a model of that name or Clarifai model id, or the
  /// model of the node with that id.
  static func targets(_ name: String, in workflow: Workflow, library: NodeTypeLibrary?) -> [Int] {
    var found = Set<Int>()
    for (i, model) in workflow.models.enumerated()
    where model.name.value == name || model.clarifai?.modelId.value == name {
      found.insert(i)
    }
    for node in workflow.nodes where node.id.value == name {
      if let model = node.model?.value, let i = workflow.models.firstIndex(where: { $0.name.value == model })
      {
        found.insert(i)
      }
    }
    return found.sorted().filter { isModel(workflow.models[$0], library) }
  }

  /// Whether a declaration is a model weir calls: not one whose type the library knows as an
  /// operator (in Clarifai's dialect every node declares a model, thresholders included).
  static func isModel(_ decl: ModelDecl, _ library: NodeTypeLibrary?) -> Bool {
    guard let library, let name = decl.type?.value, let type = library.type(named: name) else { return true }
    return type.role == .model
  }

  /// The names a binding may use in `workflow`: models, Clarifai model ids, nodes that call a
  /// declared model.
  static func bindableNames(in workflow: Workflow, library: NodeTypeLibrary?) -> [String] {
    var names: [String] = []
    let models = workflow.models.filter { isModel($0, library) }
    for model in models {
      names.append(model.name.value)
      if let id = model.clarifai?.modelId.value { names.append(id) }
    }
    for node in workflow.nodes
    where node.model.map({ m in models.contains { $0.name.value == m.value } }) ?? false {
      names.append(node.id.value)
    }
    var seen = Set<String>()
    return names.filter { seen.insert($0).inserted }
  }

  private func unknownName(
    _ binding: ModelBindings.Binding, in workflow: Workflow, path: String, library: NodeTypeLibrary?
  ) -> Diagnostic {
    let name = binding.name.value
    let names = Self.bindableNames(in: workflow, library: library)
    let isNode = workflow.nodes.contains { $0.id.value == name }
    var message =
      isNode
      ? "node '\(name)' of \(path) calls no model (weir runs it itself); only models can be bound"
      : "\(path) has no node or model '\(name)' to bind"
    var fixIts: [FixIt] = []
    if !isNode, let suggestion = DidYouMean.nearest(to: name, in: names) {
      message += "; did you mean '\(suggestion)'?"
      fixIts = [FixIt("use '\(suggestion)'", range: binding.name.range, replacement: suggestion)]
    }
    let notes = [
      Note(names.isEmpty ? "it has no models" : "models and model nodes: " + names.joined(separator: ", "))
    ]
    return binding.fromCommandLine
      ? .error("binding.unknown-model", message, at: binding.name.range, notes: notes, fixIts: fixIts)
      : .warning("binding.unknown-model", message, at: binding.name.range, notes: notes)
  }

  /// What to say when a planned model has no backend: the flag and the file that bind one.
  func missingBinding(_ model: ModelSpec) -> String {
    let name = model.name
    let file = bindings.modelsFile ?? "\(ModelBindings.localModelsFile) beside the workflow"
    var text =
      "model '\(name)' has no backend; bind one with --backend \(name)=KIND:VALUE "
      + "(e.g. --backend \(name)=replay:predictions.json) or in \(file) "
      + "(models: {\(name): {replay: predictions.json}})"
    if model.declaration?.clarifai != nil {
      text += ", or give its model a user_id and app_id to call Clarifai's API with the key in CLARIFAI_PAT"
    }
    return text
  }
}
