/// A node type: what a node of this type needs, gives and takes as parameters (Design.md §3).
///
/// Node types are declared as data in `stdlib/types/*.yaml` (and in users' `--types` files), or are
/// workflows that declare an interface (`stdlib/workflows/triage.yaml`). Behaviour lives in Swift,
/// bound by ``name``.
public struct NodeType: Sendable {
  /// The canonical name (`region-thresholder`).
  public var name: String
  /// Other names that resolve to this type (`concept-threshold`).
  public var aliases: [String]
  public var family: NodeFamily
  /// Who runs a node of this type: a model backend, weir itself, or a weir workflow.
  public var role: NodeRole
  /// What the type does, for `weir types` and the generated docs.
  public var doc: String
  /// One entry per input source (reference §3.1): a node is fed when every entry is met.
  public var inputs: [KindRequirement]
  /// The fields the node adds (or, when it does not pass through, all it gives).
  public var output: Kind
  /// Gives back what it got, refined, plus `output` (a row variable: `{concepts | ρ} → {concepts | ρ}`).
  public var passesThrough: Bool
  /// May take an input entry from any node before it along the graph (image-crop's image).
  public var looksBack: Bool
  /// Needs the frames of a video in order (Clarifai's `requires_sequential_frames`: trackers).
  public var isSequential: Bool
  /// Parameters are not published, so any are accepted unchecked.
  public var acceptsAnyParams: Bool
  /// The parameters it takes, in declaration order.
  public var params: [ParamDecl]
  /// Groups of parameters of which at least one must be set (`[concepts, default_threshold]`).
  public var requiresOneOf: [[String]]
  /// The workflow that implements the type, when ``role`` is `.workflow`.
  public var workflow: Workflow?
  /// The file that declares the type (`stdlib/types/filter.yaml`), for `weir types`.
  public var origin: String
  /// Where the name is declared in `origin`.
  public var nameRange: SourceRange?

  public init(
    name: String, aliases: [String] = [], family: NodeFamily, role: NodeRole, doc: String = "",
    inputs: [KindRequirement], output: Kind = Kind(), passesThrough: Bool = false, looksBack: Bool = false,
    isSequential: Bool = false, acceptsAnyParams: Bool = false, params: [ParamDecl] = [],
    requiresOneOf: [[String]] = [], workflow: Workflow? = nil, origin: String = ""
  ) {
    self.name = name
    self.aliases = aliases
    self.family = family
    self.role = role
    self.doc = doc
    self.inputs = inputs
    self.output = output
    self.passesThrough = passesThrough
    self.looksBack = looksBack
    self.isSequential = isSequential
    self.acceptsAnyParams = acceptsAnyParams
    self.params = params
    self.requiresOneOf = requiresOneOf
    self.workflow = workflow
    self.origin = origin
  }

  /// The parameter declared with this name.
  public func param(_ name: String) -> ParamDecl? { params.first { $0.name == name } }

  /// What it needs, joined with " and " for several sources: `image and regions`.
  public var inputDescription: String {
    inputs.isEmpty ? "Any" : inputs.map(\.description).joined(separator: " and ")
  }

  /// What it gives: `its input, plus regions[...].data.concepts`, or the output kind.
  public var outputDescription: String {
    guard passesThrough else { return output.description }
    return output.isEmpty ? "its input" : "its input, with \(output)"
  }
}

/// The families of node types, as Clarifai's docs and UI group them.
public enum NodeFamily: String, CaseIterable, Sendable, Comparable {
  case predict, filter, edit, aggregate, tracker, action, workflow

  public static func < (lhs: NodeFamily, rhs: NodeFamily) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }

  /// A one-line description for `weir types`.
  public var summary: String {
    switch self {
    case .predict: return "models and predictors: data in, predictions out"
    case .filter: return "operators that let some data through and drop the rest"
    case .edit: return "operators that transform the data"
    case .aggregate: return "operators that combine many pieces of data into one"
    case .tracker: return "trackers that follow objects from frame to frame of a video"
    case .action: return "operators that do something with the data and pass it on"
    case .workflow: return "weir workflows used as node types"
    }
  }
}

/// Who runs a node.
public enum NodeRole: String, Sendable {
  /// A model, called through a backend (replay, http, command, built-in); a node needs a model.
  case model
  /// An operator that weir runs itself from its parameters.
  case `operator`
  /// A weir workflow used as a node type; its nodes run in its place.
  case workflow
}
