/// One node after type checking: its resolved type and model, where its data comes from, the
/// kinds flowing in and out, and its parameters as typed values.
public struct CheckedNode: Sendable {
  public var id: String
  /// The node as parsed.
  public var syntax: WorkflowNode
  /// The resolved node type; `nil` when it is unknown (an unknown name, or a Clarifai model that the
  /// catalog does not know). Aliases are resolved: this is `concept-thresholder` for `concept-threshold`.
  public var type: NodeType?
  /// The model the node calls, when it names one.
  public var model: ResolvedModel?
  /// The nodes it reads, in order; `[.workflowInput]` for a node with no input.
  public var inputs: [NodeRef]
  /// Input entries found by looking back along the graph (image-crop's image), with their source.
  public var lookBacks: [LookBack]
  /// Where the node runs on its input: as a whole, or per region or frame (after image-crop).
  public var scope: Scope
  /// The kind flowing in (all inputs together); `nil` when not known.
  public var inputKind: Kind?
  /// The kind flowing out; `nil` when not known (an unknown type, or a type error upstream).
  public var outputKind: Kind?
  /// Every parameter with a value: written, through a var, the model's, or the type's default.
  /// Parameters whose value is wrong are left out (and reported).
  public var params: [ResolvedParam]
  /// For a node whose type is a workflow (`triage`): that workflow, checked with this node's
  /// parameters as its vars and this node's input as its input.
  public var expansion: CheckedWorkflow?

  public init(
    id: String, syntax: WorkflowNode, type: NodeType? = nil, model: ResolvedModel? = nil,
    inputs: [NodeRef] = [],
    lookBacks: [LookBack] = [], scope: Scope = .whole, inputKind: Kind? = nil, outputKind: Kind? = nil,
    params: [ResolvedParam] = [], expansion: CheckedWorkflow? = nil
  ) {
    self.id = id
    self.syntax = syntax
    self.type = type
    self.model = model
    self.inputs = inputs
    self.lookBacks = lookBacks
    self.scope = scope
    self.inputKind = inputKind
    self.outputKind = outputKind
    self.params = params
    self.expansion = expansion
  }

  /// Who runs the node; `nil` when its type is unknown.
  public var role: NodeRole? { type?.role }

  /// Whether the node calls a model backend.
  public var isModel: Bool { role == .model }

  /// `region-thresholder 'sure'`, or `node 'sure'` when the type is unknown: how messages name it.
  public var label: String { "\(type?.name ?? "node") '\(id)'" }

  // MARK: - Parameters

  public func param(_ name: String) -> ResolvedParam? { params.first { $0.name == name } }

  public func number(_ name: String) -> Double? { param(name)?.value.doubleValue }

  public func int(_ name: String) -> Int? { param(name)?.value.intValue }

  public func string(_ name: String) -> String? { param(name)?.value.stringValue }

  public func bool(_ name: String) -> Bool? { param(name)?.value.boolValue }

  /// An enum parameter, with both its name and Clarifai number.
  public func enumCase(_ name: String) -> EnumCase? { param(name)?.value.enumValue }

  /// A concept-thresholds parameter as `[concept: threshold]` (`concepts` of a thresholder).
  public func conceptThresholds(_ name: String = "concepts") -> [String: Double]? {
    param(name)?.value.numberMap
  }

  public func stringList(_ name: String) -> [String]? { param(name)?.value.stringList }

  public func stringMap(_ name: String) -> [String: String]? { param(name)?.value.stringMap }

  /// The vars this node's parameters depend on.
  public var varsUsed: [String] {
    var names: [String] = []
    for param in params {
      for name in param.vars where !names.contains(name) { names.append(name) }
    }
    return names
  }
}

/// Where a node's data comes from: the workflow input, or another node.
public enum NodeRef: Hashable, Sendable, CustomStringConvertible {
  /// `IN`: the input the workflow runs on.
  case workflowInput
  case node(String)

  public var description: String {
    switch self {
    case .workflowInput: return "IN"
    case .node(let id): return id
    }
  }
}

/// An input entry a node takes from a node before it along the graph rather than from its inputs.
public struct LookBack: Hashable, Sendable {
  public var requirement: KindRequirement
  public var source: NodeRef

  public init(requirement: KindRequirement, source: NodeRef) {
    self.requirement = requirement
    self.source = source
  }
}

/// The model a node calls.
public struct ResolvedModel: Sendable {
  /// The name the node uses: a `models:` entry, or a catalog model id.
  public var name: String
  /// The declaration in the workflow; `nil` when the node names a catalog model directly.
  public var decl: ModelDecl?
  /// The catalog's entry for it, when the catalog knows it.
  public var catalogEntry: CatalogModel?

  public init(name: String, decl: ModelDecl?, catalogEntry: CatalogModel?) {
    self.name = name
    self.decl = decl
    self.catalogEntry = catalogEntry
  }

  /// The concepts the model predicts: as declared in the workflow, else the catalog's; `nil` when not known.
  public var concepts: [String]? {
    if let declared = decl?.concepts { return declared.map(\.value) }
    return catalogEntry?.concepts?.map(\.id)
  }

  public var backend: BackendSpec? { decl?.backend }

  public var clarifai: ClarifaiModelRef? { decl?.clarifai }
}
