/// A parameter of a checked node: its typed value and where the value came from.
public struct ResolvedParam: Sendable {
  public var name: String
  public var decl: ParamDecl
  public var value: TypedValue
  /// Where the whole value came from (for a mapping written in place, `.literal`).
  public var source: ValueSource
  /// For mapping and list values, each entry with its own source: `concepts: {cat: $accept, dog: 0.9}`
  /// has `cat` from the var `accept` and `dog` written in place. Empty for scalars.
  public var entries: [ResolvedEntry]

  public init(
    name: String, decl: ParamDecl, value: TypedValue, source: ValueSource, entries: [ResolvedEntry] = []
  ) {
    self.name = name
    self.decl = decl
    self.value = value
    self.source = source
    self.entries = entries
  }

  /// The vars the value depends on, in order of use.
  public var vars: [String] {
    var names: [String] = []
    for source in [source] + entries.map(\.source) {
      if let name = source.variable, !names.contains(name) { names.append(name) }
    }
    return names
  }
}

/// One entry of a mapping or list parameter.
public struct ResolvedEntry: Sendable {
  /// The mapping key (a concept id); `nil` for list items.
  public var key: String?
  public var keyRange: SourceRange?
  public var value: TypedValue
  public var source: ValueSource

  public init(key: String?, keyRange: SourceRange?, value: TypedValue, source: ValueSource) {
    self.key = key
    self.keyRange = keyRange
    self.value = value
    self.source = source
  }
}

/// Where a parameter value came from, so the REPL can change it and `save` can write it back.
public enum ValueSource: Hashable, Sendable {
  /// Written in place in the workflow, at this range.
  case literal(SourceRange)
  /// Through the var `name`, referred to at `use`.
  case variable(String, use: SourceRange)
  /// The node type's default.
  case defaultValue
  /// Configured on the catalog model the node calls (`margin: 1.1` of `margin-110-image-crop`).
  case model(String)
  /// Set by an override (`set NODE.PARAM = VALUE` in the REPL).
  case override

  /// The var's name, when the value came through one.
  public var variable: String? {
    if case .variable(let name, _) = self { return name }
    return nil
  }
}
