/// Which YAML dialect a workflow file was written in (Design.md §2).
public enum Dialect: String, Sendable, Codable {
  /// clarifai-python's workflow YAML: `workflow: {id, nodes: [...]}`.
  case clarifai
  /// weir's own form: `weir: 1`, `vars`, `models`, `nodes` as a mapping.
  case native
}

/// A workflow: the one AST both dialects parse into. Every user-visible scalar keeps its range.
public struct Workflow: Sendable {
  public var dialect: Dialect
  /// The workflow's id (`workflow:` in native, `workflow.id` in Clarifai).
  public var id: Located<String>?
  public var description: Located<String>?
  /// Named values a parameter can refer to as `$name` (native only).
  public var vars: [VarDecl]
  /// Models the nodes call. Native: the `models:` section, plus one per node whose `model:` is written
  /// inline. Clarifai: one per node, named after the node id.
  public var models: [ModelDecl]
  /// Nodes in source order.
  public var nodes: [WorkflowNode]
  /// Present when the workflow declares itself usable as a node type (`params:` / `input:`).
  public var interface: WorkflowInterface?
  /// The whole document.
  public var range: SourceRange

  public init(
    dialect: Dialect, id: Located<String>? = nil, description: Located<String>? = nil, vars: [VarDecl] = [],
    models: [ModelDecl] = [], nodes: [WorkflowNode] = [], interface: WorkflowInterface? = nil,
    range: SourceRange
  ) {
    self.dialect = dialect
    self.id = id
    self.description = description
    self.vars = vars
    self.models = models
    self.nodes = nodes
    self.interface = interface
    self.range = range
  }

  /// The node with this id (the first, if ids repeat).
  public func node(_ id: String) -> WorkflowNode? { nodes.first { $0.id.value == id } }

  /// The model declaration with this name.
  public func model(_ name: String) -> ModelDecl? { models.first { $0.name.value == name } }

  /// The var with this name.
  public func variable(_ name: String) -> VarDecl? { vars.first { $0.name.value == name } }
}

/// `name: value` under `vars:`.
public struct VarDecl: Sendable {
  public var name: Located<String>
  public var value: ParamValue

  public init(name: Located<String>, value: ParamValue) {
    self.name = name
    self.value = value
  }
}

/// A node of the graph: a model call or an operator.
public struct WorkflowNode: Sendable {
  public var id: Located<String>
  /// The node type written on the node (native `type:`). For model nodes the type usually comes from
  /// the model (`ModelDecl.type`, or the catalog by Clarifai `model_id`); the checker resolves it.
  public var type: Located<String>?
  /// The name of the `ModelDecl` this node calls, with the range where the node names it.
  public var model: Located<String>?
  /// Ids of the nodes this one reads; empty means the workflow input (`IN`).
  public var inputs: [Located<String>]
  /// Parameters: native `params:`; Clarifai `output_info.params`, with `output_info.data.concepts`
  /// turned into a `concepts` map parameter.
  public var params: [Param]
  /// The node's whole definition.
  public var range: SourceRange
  /// Whether the place that holds the parameters could not be read (a misspelt or malformed
  /// `params:` or `output_info:`, already reported): `params` may lack ones that were written, so
  /// the checker reports none of them missing.
  public var paramsUnread: Bool

  public init(
    id: Located<String>, type: Located<String>? = nil, model: Located<String>? = nil,
    inputs: [Located<String>] = [], params: [Param] = [], range: SourceRange, paramsUnread: Bool = false
  ) {
    self.id = id
    self.type = type
    self.model = model
    self.inputs = inputs
    self.params = params
    self.range = range
    self.paramsUnread = paramsUnread
  }

  /// The parameter with this name.
  public func param(_ name: String) -> Param? { params.first { $0.name.value == name } }
}

/// A model a node calls: its type, what it predicts and how it is reached.
public struct ModelDecl: Sendable {
  public var name: Located<String>
  /// Model type id (`visual-detector`; Clarifai `model_type_id`).
  public var type: Located<String>?
  /// Concepts the model predicts, when declared.
  public var concepts: [Located<String>]?
  public var backend: BackendSpec?
  /// The Clarifai identity of the model (Clarifai dialect, or a native model that names one).
  public var clarifai: ClarifaiModelRef?
  /// Model-level parameters (Clarifai `output_info.params` live on the node; this holds native extras).
  public var params: [Param]
  public var range: SourceRange

  public init(
    name: Located<String>, type: Located<String>? = nil, concepts: [Located<String>]? = nil,
    backend: BackendSpec? = nil, clarifai: ClarifaiModelRef? = nil, params: [Param] = [], range: SourceRange
  ) {
    self.name = name
    self.type = type
    self.concepts = concepts
    self.backend = backend
    self.clarifai = clarifai
    self.params = params
    self.range = range
  }
}

/// The `model:` block of a Clarifai node.
public struct ClarifaiModelRef: Sendable {
  public var modelId: Located<String>
  public var modelVersionId: Located<String>?
  public var userId: Located<String>?
  public var appId: Located<String>?
  public var description: Located<String>?

  public init(
    modelId: Located<String>, modelVersionId: Located<String>? = nil, userId: Located<String>? = nil,
    appId: Located<String>? = nil, description: Located<String>? = nil
  ) {
    self.modelId = modelId
    self.modelVersionId = modelVersionId
    self.userId = userId
    self.appId = appId
    self.description = description
  }
}

/// How a model is reached: `backend: {replay: FILE}`, `{builtin: cat-face}`, `{http: …}`, `{command: …}`.
public struct BackendSpec: Sendable {
  /// `replay`, `builtin`, `http` or `command` (the first key of the mapping), with its range.
  public var kind: Located<String>
  /// The value under the kind key (a file name, a model name, a mapping of options).
  public var value: ParamValue
  /// The other keys of the backend mapping (`images:`, `scale_factor:`, …).
  public var options: [Param]
  public var range: SourceRange
  /// For a backend bound from outside the workflow (a models file, `--backend`): the file it was
  /// written in (its ranges point there) and the folder its relative paths start from. `nil` for a
  /// `backend:` written in the workflow.
  public var binding: (file: SourceFile, baseDirectory: String)?

  public init(kind: Located<String>, value: ParamValue, options: [Param] = [], range: SourceRange) {
    self.kind = kind
    self.value = value
    self.options = options
    self.range = range
  }

  public func option(_ name: String) -> Param? { options.first { $0.name.value == name } }
}

/// A `name: value` parameter.
public struct Param: Sendable {
  public var name: Located<String>
  public var value: ParamValue

  public init(name: Located<String>, value: ParamValue) {
    self.name = name
    self.value = value
  }
}

/// A parameter value as written: a scalar, a `$var` reference, a list or a mapping.
public indirect enum ParamValue: Sendable {
  case scalar(YAMLScalar)
  /// `$accept`: the var's name (without `$`) and the range of the whole scalar.
  case varRef(Located<String>)
  case list([ParamValue], SourceRange)
  case map([Param], SourceRange)

  public var range: SourceRange {
    switch self {
    case .scalar(let s): return s.range
    case .varRef(let v): return v.range
    case .list(_, let r): return r
    case .map(_, let r): return r
    }
  }

  /// Converts a YAML node; plain scalars starting with `$` followed by an identifier are var references.
  public init(_ node: YAMLNode) {
    switch node {
    case .scalar(let s):
      if s.style == .plain, s.value.hasPrefix("$"), s.value.count > 1 {
        self = .varRef(Located(String(s.value.dropFirst()), s.range))
      } else {
        self = .scalar(s)
      }
    case .sequence(let seq):
      self = .list(seq.items.map(ParamValue.init), seq.range)
    case .mapping(let m):
      self = .map(
        m.entries.map { Param(name: Located($0.keyString ?? "", $0.key.range), value: ParamValue($0.value)) },
        m.range)
    }
  }
}

/// What a workflow declares when it can be used as a node type by other workflows (Design.md §2).
public struct WorkflowInterface: Sendable {
  /// Input kind requirements as written (`image`, `regions[...].data.concepts`).
  public var input: [Located<String>]
  /// Parameters the using node may set; each becomes a var inside the workflow.
  public var params: [Param]

  public init(input: [Located<String>], params: [Param]) {
    self.input = input
    self.params = params
  }
}
