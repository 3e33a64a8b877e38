extension DeclarationReader {
  /// One parameter declaration:
  ///
  /// ```yaml
  /// concept_threshold_type:
  ///   type: enum
  ///   values: {GREATER_THAN: 1, LESS_THAN: 3}
  ///   required: true
  ///   doc: …
  /// ```
  ///
  /// A plain value instead of a mapping (`accept: 0.95`, in a workflow's `params:`) declares an
  /// optional parameter with that default; its type is `number` for any number, else the value's.
  mutating func paramDecl(name: Located<String>, _ value: ParamValue, owner: String) -> ParamDecl? {
    let what = "parameter '\(name.value)' of \(owner)"
    guard case .map(let entries, _) = value else { return shorthand(name: name, value, owner: owner) }
    checkKeys(entries, allowed: DeclarationReader.paramKeys, in: what)
    let fields = Dictionary(entries.map { ($0.name.value, $0) }, uniquingKeysWith: { a, _ in a })
    guard let type = paramType(fields, what: what, owner: name.range) else { return nil }
    var decl = ParamDecl(name: name.value, type: type)
    decl.doc = fields["doc"].flatMap { string($0.value, what: "'doc' of \(what)")?.value } ?? ""
    decl.isRequired = fields["required"].flatMap { bool($0.value, what: "'required' of \(what)") } ?? false
    decl.mustContain = fields["must_contain"].flatMap {
      string($0.value, what: "'must_contain' of \(what)")?.value
    }
    if let range = fields["range"] { decl.range = numberRange(range.value, what: what) }
    if let field = fields["clarifai"] {
      let names = ClarifaiField.allCases.map(\.rawValue)
      decl.clarifaiField =
        choice(field, among: names, what: "'clarifai' of \(what)", owner: name.range)
        .flatMap(ClarifaiField.init(rawValue:)) ?? .params
    }
    if let written = fields["default"] {
      decl.defaultValue = defaultValue(written.value, decl: decl, owner: owner)
      if decl.isRequired {
        diagnostics.append(
          .error(
            "types.bad-value", "\(what) is required, so its default is never used", at: written.name.range))
      }
    }
    return decl
  }

  private mutating func shorthand(name: Located<String>, _ value: ParamValue, owner: String) -> ParamDecl? {
    let what = "parameter '\(name.value)' of \(owner)"
    // A default written as a var is reported by the parser (syntax.var-in-var).
    if case .varRef = value { return nil }
    guard case .scalar(let scalar) = value else {
      diagnostics.append(
        .error("types.bad-value", "\(what) must be a default value or a mapping with 'type'", at: value.range)
      )
      return nil
    }
    let type: ParamType
    switch scalar.resolved {
    case .int, .float: type = .number
    case .bool: type = .bool
    case .string: type = .string
    case .null: type = .any
    }
    var decl = ParamDecl(name: name.value, type: type)
    if scalar.resolved != .null { decl.defaultValue = defaultValue(value, decl: decl, owner: owner) }
    return decl
  }

  private mutating func paramType(_ fields: [String: Param], what: String, owner: SourceRange) -> ParamType? {
    guard
      let name = choice(
        fields["type"], among: ParamType.declarableNames, what: "'type' of \(what)", owner: owner)
    else { return nil }
    switch name {
    case "number": return .number
    case "int": return .int
    case "string": return .string
    case "bool": return .bool
    case "concept-thresholds": return .conceptThresholds
    case "concept-map": return .conceptMap
    case "concept-list": return .conceptList
    case "string-list": return .stringList
    case "string-map": return .stringMap
    case "any": return .any
    default: return enumDomain(fields, what: what, owner: owner).map { .enumeration($0) }
    }
  }

  /// `values: [a, b]` (names only) or `values: {GREATER_THAN: 1, …}` (Clarifai's numbers), and
  /// `aliases: {fastText: fasttext}`.
  private mutating func enumDomain(_ fields: [String: Param], what: String, owner: SourceRange) -> EnumDomain?
  {
    guard let values = fields["values"] else {
      diagnostics.append(.error("types.missing-key", "\(what) is an enum, so it needs 'values'", at: owner))
      return nil
    }
    var cases: [EnumCase] = []
    switch values.value {
    case .list:
      cases = (strings(values.value, what: "'values' of \(what)") ?? []).map { EnumCase(name: $0.value) }
    case .map(let entries, _):
      for entry in entries {
        guard case .scalar(let s) = entry.value, case .int(let number) = s.resolved else {
          diagnostics.append(
            .error(
              "types.bad-value", "the number of '\(entry.name.value)' must be an integer",
              at: entry.value.range))
          continue
        }
        cases.append(EnumCase(name: entry.name.value, number: number))
      }
    default:
      diagnostics.append(
        .error("types.bad-value", "'values' of \(what) must be a list or a mapping", at: values.value.range))
    }
    var aliases: [String: String] = [:]
    if let written = fields["aliases"], let entries = mapping(written.value, what: "'aliases' of \(what)") {
      for entry in entries {
        guard let target = string(entry.value, what: "an alias"),
          cases.contains(where: { $0.name == target.value })
        else {
          diagnostics.append(
            .error(
              "types.bad-value", "alias '\(entry.name.value)' must name one of the values",
              at: entry.value.range))
          continue
        }
        aliases[entry.name.value] = target.value
      }
    }
    guard !cases.isEmpty else { return nil }
    return EnumDomain(cases: cases, aliases: aliases)
  }

  /// `"[0, 1]"`, `"(0, 10]"`, or `[0, 1]` (closed).
  private mutating func numberRange(_ value: ParamValue, what: String) -> NumberRange? {
    if case .scalar(let s) = value, let range = NumberRange(parsing: s.value) { return range }
    if case .list(let items, _) = value, items.count == 2,
      case .scalar(let a) = items[0], case .scalar(let b) = items[1],
      let lower = a.resolved.number, let upper = b.resolved.number, lower <= upper
    {
      return NumberRange(lower: lower, upper: upper)
    }
    diagnostics.append(
      .error(
        "types.bad-value", "'range' of \(what) must be an interval like \"[0, 1]\" or \"(0, 10]\"",
        at: value.range))
    return nil
  }

  /// The default checked against the declaration, as a node's value would be.
  private mutating func defaultValue(_ value: ParamValue, decl: ParamDecl, owner: String) -> TypedValue? {
    let (resolved, problems) = ParamResolver(vars: [:]).resolve(
      value, decl: decl, owner: owner, prefix: "the default of ")
    for problem in problems {
      var relabeled = problem
      relabeled.id = "types.bad-default"
      diagnostics.append(relabeled)
    }
    return resolved?.value
  }
}
