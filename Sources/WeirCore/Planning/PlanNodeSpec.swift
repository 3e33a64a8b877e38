/// What the planner needs to know about one node, however it was produced: from a checked
/// workflow, by a test, by the REPL after a change.
public struct PlanNodeSpec: Sendable {
  public enum Kind: Sendable {
    /// A model call, with the model's resolved declaration.
    case model(ModelSpec)
    /// An operator, bound to Swift behaviour by its type name (`OperatorRegistry`).
    case `operator`
    /// A node that gives its input on unchanged: a workflow-typed node (`triage`), whose own nodes
    /// are planned in its place.
    case passThrough
  }

  public var id: String
  /// The node type (`region-thresholder`, `visual-detector`).
  public var type: String
  public var kind: Kind
  /// Ids of the nodes it reads; empty means the workflow input.
  public var inputs: [String]
  /// Parameters with vars substituted and enums normalized, in source order.
  public var params: [PlanParam]
  /// Where the node's type is written, for plan diagnostics.
  public var range: SourceRange?

  public init(
    id: String, type: String, kind: Kind, inputs: [String] = [], params: [PlanParam] = [],
    range: SourceRange? = nil
  ) {
    self.id = id
    self.type = type
    self.kind = kind
    self.inputs = inputs
    self.params = params
    self.range = range
  }
}

/// A resolved parameter: its name and value, and the var it came from (`$accept`), if any.
public struct PlanParam: Sendable, Hashable {
  public var name: String
  public var value: JSONValue
  /// Vars this value was written with, so the plan can say "0.95 ($accept)".
  public var vars: [String]

  public init(_ name: String, _ value: JSONValue, vars: [String] = []) {
    self.name = name
    self.value = value
    self.vars = vars
  }
}

/// A model as declared (`models:` in native, a node's `model:` in Clarifai), resolved.
public struct ModelSpec: Sendable, Hashable {
  public var name: String
  /// The model type (`visual-detector`).
  public var type: String
  /// Concepts it predicts, when declared.
  public var concepts: [String]?
  public var backend: BackendConfig?
  /// Clarifai identity (`model_id`), used to pick outputs out of recorded workflow responses.
  public var clarifaiModelId: String?
  /// The declaration as parsed, for backends that read their options with source ranges
  /// (WeirModels). Not part of the model's identity: equality and hashing ignore it.
  public var declaration: ModelDecl?

  public init(
    name: String, type: String, concepts: [String]? = nil, backend: BackendConfig? = nil,
    clarifaiModelId: String? = nil, declaration: ModelDecl? = nil
  ) {
    self.name = name
    self.type = type
    self.concepts = concepts
    self.backend = backend
    self.clarifaiModelId = clarifaiModelId
    self.declaration = declaration
  }

  public static func == (a: ModelSpec, b: ModelSpec) -> Bool {
    a.name == b.name && a.type == b.type && a.concepts == b.concepts && a.backend == b.backend
      && a.clarifaiModelId == b.clarifaiModelId
  }

  public func hash(into h: inout Hasher) {
    h.combine(name)
    h.combine(type)
    h.combine(concepts)
    h.combine(backend)
    h.combine(clarifaiModelId)
  }
}

/// How a model is reached, resolved: `{replay: predictions.json, images: coco.json}`.
public struct BackendConfig: Sendable, Hashable {
  /// `replay`, `builtin`, `http` or `command`.
  public var kind: String
  /// The value under the kind key (a file, a model name, a mapping).
  public var value: JSONValue
  /// The other keys.
  public var options: [String: JSONValue]
  /// The folder relative paths start from (the workflow file's folder).
  public var baseDirectory: String

  public init(kind: String, value: JSONValue, options: [String: JSONValue] = [:], baseDirectory: String = ".")
  {
    self.kind = kind
    self.value = value
    self.options = options
    self.baseDirectory = baseDirectory
  }

  /// A path written in the backend, resolved against the workflow's folder.
  public func path(_ written: String) -> String {
    if written.hasPrefix("/") || baseDirectory.isEmpty || baseDirectory == "." { return written }
    return baseDirectory.hasSuffix("/") ? baseDirectory + written : baseDirectory + "/" + written
  }
}
