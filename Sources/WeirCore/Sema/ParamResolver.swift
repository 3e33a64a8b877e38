/// A var as parameters see it: its value as written in `vars:` (or set by an override), or none
/// (a workflow type's parameter that the using node leaves unset).
struct VarBinding: Sendable {
  var name: String
  var value: ParamValue?
  /// Where the value is written in the file being checked; `nil` when it is not in that file.
  var valueRange: SourceRange?
}

/// Checks one parameter value against its declaration and turns it into a `TypedValue`:
/// vars substituted, enums normalized, numbers range-checked (Design.md §2).
struct ParamResolver {
  var vars: [String: VarBinding]

  /// `value` checked as `decl`. Messages call it "\(prefix)parameter 'NAME' of \(owner)"
  /// ("parameter 'margin' of image-crop 'crop'"); the text is built only when there is a message.
  /// Returns no parameter when the value is wrong, or is a var with no value.
  func resolve(_ value: ParamValue, decl: ParamDecl, owner: String, prefix: String = "") -> (
    ResolvedParam?, [Diagnostic]
  ) {
    var run = Run(vars: vars, decl: decl, owner: owner, prefix: prefix)
    let resolved = run.resolve(value)
    return (resolved, run.diagnostics)
  }
}

/// The var a value came through, for messages and sources.
private struct Via {
  var name: String
  var use: SourceRange
  var valueRange: SourceRange?
}

/// One resolution, collecting diagnostics.
private struct Run {
  let vars: [String: VarBinding]
  let decl: ParamDecl
  let owner: String
  let prefix: String
  var diagnostics: [Diagnostic] = []

  init(vars: [String: VarBinding], decl: ParamDecl, owner: String, prefix: String) {
    self.vars = vars
    self.decl = decl
    self.owner = owner
    self.prefix = prefix
  }

  mutating func resolve(_ written: ParamValue) -> ResolvedParam? {
    var value = written
    var via: Via?
    var source = ValueSource.literal(written.range)
    if case .varRef(let ref) = written {
      guard let bound = lookup(ref) else { return nil }
      value = bound.value
      via = bound.via
      source = .variable(ref.value, use: ref.range)
    }
    guard let (typed, entries) = typed(value, via: via) else { return nil }
    return ResolvedParam(name: decl.name, decl: decl, value: typed, source: source, entries: entries)
  }

  /// "parameter 'margin' of image-crop 'crop'".
  var subject: String { "\(prefix)parameter '\(decl.name)' of \(owner)" }

  /// The part of the value a message is about.
  enum Place {
    case whole
    /// The threshold of one concept.
    case threshold(String)
    /// The value of one key of a mapping.
    case key(String)
    /// One item of a list (0-based).
    case item(Int)
  }

  func text(_ place: Place) -> String {
    switch place {
    case .whole: return subject
    case .threshold(let concept): return "threshold for '\(concept)' in \(subject)"
    case .key(let key): return "'\(key)' in \(subject)"
    case .item(let i): return "item \(i + 1) of \(subject)"
    }
  }

  // MARK: - Vars

  /// The value of `$name`; nothing for a var with no value, or an unknown one (which the parser
  /// reports as `syntax.unknown-var`, with "did you mean").
  mutating func lookup(_ ref: Located<String>) -> (value: ParamValue, via: Via)? {
    guard let binding = vars[ref.value] else { return nil }
    guard let value = binding.value else { return nil }
    if case .varRef = value {
      diagnostics.append(
        .error(
          "check.var-type", "var '$\(ref.value)' is set to another var; a var's value must be written out",
          at: ref.range, notes: varNotes(Via(name: ref.value, use: ref.range, valueRange: binding.valueRange))
        ))
      return nil
    }
    return (value, Via(name: ref.value, use: ref.range, valueRange: binding.valueRange))
  }

  func varNotes(_ via: Via?) -> [Note] {
    guard let via, let range = via.valueRange else { return [] }
    return [Note("'\(via.name)' is set here", at: range)]
  }

  /// Reports a problem of a var's value once, at the value, whatever uses it: each use is a note
  /// ("used by the threshold for 'cat' in …"), and the checker merges the copies that every use
  /// makes into one diagnostic (`mergingUses`). A value that is not written in this file (an
  /// override, a workflow type's parameter) is reported at the use, with the use's own message.
  mutating func varProblem(
    _ id: String, _ message: String, via: Via, place: Place, atUse useMessage: String, notes: [Note] = [],
    fixIts: [FixIt] = []
  ) {
    guard let valueRange = via.valueRange else {
      diagnostics.append(.error(id, useMessage, at: via.use, notes: notes))
      return
    }
    diagnostics.append(
      .error(
        id, message, at: valueRange, notes: notes + [Note("used by the \(text(place))", at: via.use)],
        fixIts: fixIts))
  }

  // MARK: - Values by type

  mutating func typed(_ value: ParamValue, via: Via?) -> (TypedValue, [ResolvedEntry])? {
    switch decl.type {
    case .number, .int, .string, .bool, .enumeration:
      return element(value, via: via, what: .whole, inRange: true).map { ($0, []) }
    case .conceptThresholds:
      return thresholds(value, via: via)
    case .conceptMap, .stringMap:
      return stringMap(value, via: via)
    case .conceptList, .stringList:
      return stringList(value, via: via)
    case .any:
      return json(value).map { (.json($0), []) }
    }
  }

  /// A scalar of the declared scalar type (or `number` for threshold values), range-checked.
  mutating func element(
    _ value: ParamValue, via: Via?, what place: Place, inRange: Bool, as type: ParamType? = nil
  ) -> TypedValue? {
    let type = type ?? decl.type
    guard case .scalar(let scalar) = value else {
      mismatch(value, expected: type.expectation, via: via, what: place, type: type)
      return nil
    }
    let result: TypedValue?
    switch type {
    case .number:
      result = scalar.resolved.number.map { .number($0) }
    case .int:
      result = integer(scalar.resolved).map { .int($0) }
    case .string:
      if case .string(let s) = scalar.resolved { result = .string(s) } else { result = nil }
    case .bool:
      if case .bool(let b) = scalar.resolved { result = .bool(b) } else { result = nil }
    case .enumeration(let domain):
      return enumCase(scalar, domain: domain, via: via, what: place)
    default:
      result = nil
    }
    guard let result else {
      mismatch(value, expected: type.expectation, via: via, what: place, type: type)
      return nil
    }
    if inRange, let range = decl.range, let x = result.doubleValue, !range.contains(x) {
      let bad = "must be in \(range), not \(NumberText.format(x))"
      if let via {
        varProblem(
          "check.out-of-range", "var '$\(via.name)' \(bad)", via: via, place: place,
          atUse: "\(text(place)) \(bad) (from '$\(via.name)')")
      } else {
        diagnostics.append(.error("check.out-of-range", "\(text(place)) \(bad)", at: scalar.range))
      }
      return nil
    }
    if let needle = decl.mustContain, case .string(let s) = result, !s.contains(needle) {
      if let via {
        varProblem(
          "check.invalid-value", "var '$\(via.name)' must contain \(needle)", via: via, place: place,
          atUse: "\(text(place)) must contain \(needle) (from '$\(via.name)')")
      } else {
        diagnostics.append(
          .error("check.invalid-value", "\(text(place)) must contain \(needle)", at: scalar.range))
      }
      return nil
    }
    return result
  }

  func integer(_ value: ScalarValue) -> Int? {
    switch value {
    case .int(let i): return i
    case .float(let x) where x == x.rounded() && abs(x) < 1e15: return Int(x)
    default: return nil
    }
  }

  mutating func enumCase(_ scalar: YAMLScalar, domain: EnumDomain, via: Via?, what place: Place)
    -> TypedValue?
  {
    var found: EnumCase?
    switch scalar.resolved {
    case .string(let s):
      found = domain.named(s) ?? Int(s).flatMap(domain.numbered)
    case .int, .float:
      found = integer(scalar.resolved).flatMap(domain.numbered)
    default:
      break
    }
    if let found { return .enumCase(found) }
    var shown = scalar.value
    if case .string(let s) = scalar.resolved { shown = "'\(s)'" }
    // The names only: a number is not a typo of another.
    let names = domain.cases.map(\.name) + domain.aliases.keys
    let suggestion = NameSuggester.suggestion(for: scalar.value, at: scalar.range, in: names, affixes: true)
    let notes = [Note("valid values: \(domain.listing)")]
    guard let via else {
      diagnostics.append(
        .error(
          "check.invalid-enum", "\(text(place)) has no value \(shown)\(suggestion?.clause ?? "")",
          at: scalar.range, notes: notes, fixIts: suggestion?.fixIts ?? []))
      return nil
    }
    varProblem(
      "check.invalid-enum",
      "var '$\(via.name)' is \(shown), not a value of '\(decl.name)'\(suggestion?.clause ?? "")",
      via: via, place: place,
      atUse: "\(text(place)) has no value \(shown) (from '$\(via.name)')\(suggestion?.clause ?? "")",
      notes: notes,
      fixIts: suggestion?.fixIts ?? [])
    return nil
  }

  /// `{cat: 0.95, dog: $accept}`, or Clarifai's `[{id: cat, value: 0.95}]`.
  mutating func thresholds(_ value: ParamValue, via: Via?) -> (TypedValue, [ResolvedEntry])? {
    var entries: [ResolvedEntry] = []
    var ok = true
    switch value {
    case .map(let params, _):
      for param in params {
        let key = param.name.value
        if let entry = entry(
          key: param.name, value: param.value, via: via, what: .threshold(key), as: .number)
        {
          entries.append(entry)
        } else {
          ok = false
        }
      }
    case .list(let items, _)
    where !items.allSatisfy({ if case .map = $0 { return true } else { return false } }):
      mismatch(value, expected: decl.type.expectation, via: via, what: .whole)
      return nil
    case .list(let items, _):
      for item in items {
        guard case .map(let fields, let range) = item,
          let id = fields.first(where: { $0.name.value == "id" }), case .scalar(let idScalar) = id.value,
          let number = fields.first(where: { $0.name.value == "value" })
        else {
          diagnostics.append(
            .error(
              "check.param-type", "each threshold in \(subject) must be {id: CONCEPT, value: THRESHOLD}",
              at: item.range))
          ok = false
          continue
        }
        _ = range
        let key = Located(idScalar.value, idScalar.range)
        if let entry = entry(
          key: key, value: number.value, via: via, what: .threshold(key.value), as: .number)
        {
          entries.append(entry)
        } else {
          ok = false
        }
      }
    default:
      mismatch(value, expected: decl.type.expectation, via: via, what: .whole)
      return nil
    }
    guard ok else { return nil }
    return (.map(entries.map { MapEntry(key: $0.key ?? "", value: $0.value) }), entries)
  }

  mutating func stringMap(_ value: ParamValue, via: Via?) -> (TypedValue, [ResolvedEntry])? {
    guard case .map(let params, _) = value else {
      mismatch(value, expected: decl.type.expectation, via: via, what: .whole)
      return nil
    }
    var entries: [ResolvedEntry] = []
    for param in params {
      guard
        let entry = entry(
          key: param.name, value: param.value, via: via, what: .key(param.name.value), as: .string)
      else { return nil }
      entries.append(entry)
    }
    return (.map(entries.map { MapEntry(key: $0.key ?? "", value: $0.value) }), entries)
  }

  mutating func stringList(_ value: ParamValue, via: Via?) -> (TypedValue, [ResolvedEntry])? {
    guard case .list(let items, _) = value else {
      mismatch(value, expected: decl.type.expectation, via: via, what: .whole)
      return nil
    }
    var entries: [ResolvedEntry] = []
    for (i, item) in items.enumerated() {
      guard let entry = entry(key: nil, value: item, via: via, what: .item(i), as: .string) else {
        return nil
      }
      entries.append(entry)
    }
    return (.list(entries.map(\.value)), entries)
  }

  /// One entry of a mapping or list, which may itself be a var.
  mutating func entry(
    key: Located<String>?, value: ParamValue, via: Via?, what place: Place, as type: ParamType
  ) -> ResolvedEntry? {
    if let key, key.value.isEmpty {
      diagnostics.append(.error("check.invalid-value", "empty key in \(subject)", at: key.range))
      return nil
    }
    var written = value
    var entryVia = via
    var source = via.map { ValueSource.variable($0.name, use: $0.use) } ?? .literal(value.range)
    if case .varRef(let ref) = value {
      guard via == nil else {
        diagnostics.append(
          .error("check.var-type", "a var's value cannot refer to another var", at: ref.range))
        return nil
      }
      guard let bound = lookup(ref) else { return nil }
      written = bound.value
      entryVia = bound.via
      source = .variable(ref.value, use: ref.range)
    }
    guard let typed = element(written, via: entryVia, what: place, inRange: true, as: type) else {
      return nil
    }
    return ResolvedEntry(key: key?.value, keyRange: key?.range, value: typed, source: source)
  }

  /// A free-form value as JSON, vars substituted.
  mutating func json(_ value: ParamValue) -> JSONValue? {
    switch value {
    case .scalar(let s):
      switch s.resolved {
      case .null: return .null
      case .bool(let b): return .bool(b)
      case .int(let i): return .number(Double(i))
      case .float(let x): return .number(x)
      case .string(let t): return .string(t)
      }
    case .varRef(let ref):
      guard let bound = lookup(ref) else { return nil }
      if case .varRef = bound.value { return nil }
      return json(bound.value)
    case .list(let items, _):
      var result: [JSONValue] = []
      for item in items {
        guard let j = json(item) else { return nil }
        result.append(j)
      }
      return .array(result)
    case .map(let params, _):
      var result: [String: JSONValue] = [:]
      for param in params {
        guard let j = json(param.value) else { return nil }
        result[param.name.value] = j
      }
      return .object(result)
    }
  }

  // MARK: - Messages

  /// Reports a value of the wrong type, phrased after the var when it came through one.
  mutating func mismatch(
    _ value: ParamValue, expected: String, via: Via?, what place: Place, type: ParamType? = nil
  ) {
    let type = type ?? decl.type
    let got = Run.describe(value)
    var notes: [Note] = []
    var fixIts: [FixIt] = []
    if case .scalar(let s) = value, s.style != .plain, case .string(let text) = s.resolved,
      let plain = ScalarResolver.resolve(text, style: .plain, tag: nil), plain != s.resolved,
      Run.fits(plain, type)
    {
      notes.append(Note("'\(text)' is quoted, so it is a string; write it without quotes"))
      fixIts.append(FixIt("remove the quotes", range: s.range, replacement: text))
    } else if case .scalar(let s) = value, case .string(let text) = s.resolved, type == .bool,
      ["yes", "no", "on", "off", "y", "n"].contains(text.lowercased())
    {
      notes.append(Note("YAML 1.2 reads '\(text)' as a string; write true or false"))
    } else if case .scalar(let s) = value, type == .string, s.resolved != .null {
      notes.append(Note("quote it to make it a string: '\(s.value)'"))
    } else if case .list = value, type == .conceptThresholds {
      notes.append(Note("write {cat: 0.9, dog: 0.8}, or Clarifai's [{id: cat, value: 0.9}]"))
    }
    if let via {
      // The value is the var's, so a fix-it to it is at the var.
      varProblem(
        "check.var-type", "var '$\(via.name)' is \(got), but its uses take \(expected)", via: via,
        place: place,
        atUse: "var '$\(via.name)' is \(got), but \(text(place)) takes \(expected)", notes: notes,
        fixIts: fixIts)
    } else {
      diagnostics.append(
        .error(
          "check.param-type", "\(text(place)) takes \(expected), not \(got)", at: value.range, notes: notes,
          fixIts: fixIts))
    }
  }

  /// Whether an unquoted reading of a string would have been right.
  static func fits(_ value: ScalarValue, _ type: ParamType) -> Bool {
    switch (value, type) {
    case (.int, .number), (.float, .number), (.int, .int), (.bool, .bool), (.int, .enumeration): return true
    default: return false
    }
  }

  /// "a string ('high')", "a number (1.5)", "a list".
  static func describe(_ value: ParamValue) -> String {
    switch value {
    case .scalar(let s):
      switch s.resolved {
      case .null: return "null"
      case .bool(let b): return "a boolean (\(b))"
      case .int(let i): return "an integer (\(i))"
      case .float: return "a number (\(s.value))"
      case .string(let t): return "a string ('\(t)')"
      }
    case .varRef(let ref): return "the var '$\(ref.value)'"
    case .list: return "a list"
    case .map: return "a mapping"
    }
  }
}
