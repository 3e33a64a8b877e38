/// A var of a checked workflow: its value now (after overrides) and where it is used.
public struct ResolvedVar: Sendable {
  public var name: String
  /// The value; `nil` for a workflow type's parameter that nothing set.
  public var value: TypedValue?
  /// The declaration in `vars:`; `nil` for a workflow type's parameter.
  public var declaration: VarDecl?
  /// Where the value is written in the file, so the REPL can save a new one in place.
  public var valueRange: SourceRange?
  /// Set by an override (`--set`, the REPL's `set`) rather than by the file.
  public var isOverridden: Bool
  /// Every parameter that takes its value from this var.
  public var uses: [VarUse]

  public init(
    name: String, value: TypedValue?, declaration: VarDecl? = nil, valueRange: SourceRange? = nil,
    isOverridden: Bool = false, uses: [VarUse] = []
  ) {
    self.name = name
    self.value = value
    self.declaration = declaration
    self.valueRange = valueRange
    self.isOverridden = isOverridden
    self.uses = uses
  }
}

/// One use of a var: `$accept` in the `concepts` of `sure`, for the concept `cat`.
public struct VarUse: Hashable, Sendable {
  public var node: String
  public var param: String
  /// The mapping key (concept) when the var sets one entry.
  public var key: String?
  /// Where `$name` is written.
  public var range: SourceRange

  public init(node: String, param: String, key: String?, range: SourceRange) {
    self.node = node
    self.param = param
    self.key = key
    self.range = range
  }
}

extension TypedValue {
  /// A var's value as written, typed by what it looks like (`0.95` a number, `bot` a string).
  init?(inferring value: ParamValue) {
    switch value {
    case .scalar(let s):
      switch s.resolved {
      case .null: return nil
      case .bool(let b): self = .bool(b)
      case .int(let i): self = .int(i)
      case .float(let x): self = .number(x)
      case .string(let t): self = .string(t)
      }
    case .varRef: return nil
    case .list(let items, _): self = .list(items.compactMap(TypedValue.init(inferring:)))
    case .map(let params, _):
      self = .map(
        params.compactMap { p in TypedValue(inferring: p.value).map { MapEntry(key: p.name.value, value: $0) }
        })
    }
  }
}
