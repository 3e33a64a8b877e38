/// What both dialect parsers share: the diagnostics found so far and typed readers of YAML nodes
/// that report, rather than throw, when a value has the wrong shape.
///
/// Every reader returns `nil` after reporting, and the caller carries on with the rest of the
/// file: one run reports everything it can (Design.md §9.2).
struct SyntaxContext {
  var diagnostics: [Diagnostic] = []
  /// Keys suggested for typos, per mapping (by start offset): a missing `model` is not reported
  /// again when `modle` was already flagged with "did you mean 'model'?".
  private var suggested: [Int: Set<String>] = [:]

  mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

  mutating func error(
    _ id: String, _ message: String, at range: SourceRange, notes: [Note] = [], fixIts: [FixIt] = []
  ) {
    diagnostics.append(.error(id, message, at: range, notes: notes, fixIts: fixIts))
  }

  mutating func warning(_ id: String, _ message: String, at range: SourceRange, notes: [Note] = []) {
    diagnostics.append(.warning(id, message, at: range, notes: notes))
  }

  // MARK: Keys

  /// Reports keys of `mapping` that are not in `allowed` (with a suggestion, the allowed list and a
  /// fix-it) and keys that are not strings. `place` names the mapping in the note
  /// ("a Clarifai node"). Returns the pairs whose keys are allowed.
  @discardableResult
  mutating func checkKeys(_ mapping: YAMLMapping, allowed: [String], in place: String) -> [YAMLPair] {
    var known: [YAMLPair] = []
    for pair in mapping.entries {
      guard let key = keyString(pair) else { continue }
      if allowed.contains(key.value) {
        known.append(pair)
      } else if let suggestion = unknownKey(key, allowed: allowed, in: place) {
        suggested[mapping.range.start, default: []].insert(suggestion)
      }
    }
    return known
  }

  /// "unknown key 'node_input'; did you mean 'node_inputs'?", the allowed keys, and a fix-it.
  /// Returns the suggestion, if any.
  @discardableResult
  mutating func unknownKey(_ key: Located<String>, allowed: [String], in place: String, what: String = "key")
    -> String?
  {
    var notes = [Note("allowed \(what)s in \(place): \(allowed.joined(separator: ", "))")]
    if let hint = Self.hints[key.value] { notes.append(Note(hint)) }
    let suggestion = DidYouMean.suggestion(for: key.value, at: key.range, in: allowed)
    error(
      "syntax.unknown-key", "unknown \(what) '\(key.value)'\(suggestion?.clause ?? "")", at: key.range,
      notes: notes, fixIts: suggestion?.fixIts ?? [])
    return suggestion?.name
  }

  /// Whether `key` was suggested for a misspelt key of `mapping` (so its absence is known).
  func wasSuggested(_ key: String, in mapping: YAMLMapping) -> Bool {
    suggested[mapping.range.start]?.contains(key) ?? false
  }

  /// Why a key people often write is not accepted.
  private static let hints: [String: String] = [
    "<<": "YAML merge keys ('<<') are not part of YAML 1.2; weir does not merge mappings",
    "suppress_output": "Clarifai's API has 'suppress_output', but clarifai-python's workflow YAML rejects it",
    "output_info_override":
      "Clarifai's API has 'output_info_override', but clarifai-python's workflow YAML rejects it",
  ]

  /// A mapping key as a string; reports keys that are lists, mappings or empty.
  mutating func keyString(_ pair: YAMLPair) -> Located<String>? {
    guard let s = pair.key.scalar else {
      error("syntax.bad-key", "a key must be a name, not \(pair.key.kindDescription)", at: pair.key.range)
      return nil
    }
    return Located(s.value, s.range)
  }

  /// The value of `key`, or a `syntax.missing-key` error at `anchor` naming `owner`.
  mutating func require(_ key: String, in mapping: YAMLMapping, of owner: String, at anchor: SourceRange)
    -> YAMLNode?
  {
    if let value = mapping[key] { return value }
    if wasSuggested(key, in: mapping) { return nil }
    error("syntax.missing-key", "\(owner) has no '\(key)'", at: anchor)
    return nil
  }

  // MARK: Shapes
  // `what` names the value in messages ("node 'n12'"); it is built only when there is a message.

  mutating func mapping(_ node: YAMLNode, _ what: @autoclosure () -> String) -> YAMLMapping? {
    if let m = node.mapping { return m }
    wrongType(node, what(), expected: "a mapping")
    return nil
  }

  mutating func sequence(_ node: YAMLNode, _ what: @autoclosure () -> String) -> YAMLSequence? {
    if let s = node.sequence { return s }
    wrongType(node, what(), expected: "a list")
    return nil
  }

  /// A string scalar. Other scalars are errors with a fix-it that quotes them (`id: 123` is an
  /// integer under YAML's core schema, as it is for clarifai-python's PyYAML).
  mutating func string(_ node: YAMLNode, _ what: @autoclosure () -> String) -> Located<String>? {
    guard let s = node.scalar, case .string(let value) = s.resolved else {
      if let s = node.scalar, s.resolved != .null, s.style == .plain {
        error(
          "syntax.wrong-type", "\(what()) must be a string, not \(s.resolved.kindDescription)", at: s.range,
          notes: [
            Note("YAML reads '\(s.value)' as \(s.resolved.kindDescription); quote it to make it a string")
          ],
          fixIts: [FixIt("quote it", range: s.range, replacement: "\"\(s.value)\"")])
      } else {
        wrongType(node, what(), expected: "a string")
      }
      return nil
    }
    return Located(value, s.range)
  }

  /// A string that must not be empty.
  mutating func nonEmptyString(_ node: YAMLNode, _ what: @autoclosure () -> String) -> Located<String>? {
    guard let s = string(node, what()) else { return nil }
    if s.value.isEmpty {
      error("syntax.empty-value", "\(what()) must not be empty", at: s.range)
      return nil
    }
    return s
  }

  /// A number (integer or float).
  mutating func number(_ node: YAMLNode, _ what: @autoclosure () -> String) -> Double? {
    if let n = node.scalar?.resolved.number { return n }
    wrongType(node, what(), expected: "a number")
    return nil
  }

  /// A whole number.
  mutating func integer(_ node: YAMLNode, _ what: @autoclosure () -> String) -> Int? {
    if let s = node.scalar, case .int(let i) = s.resolved { return i }
    wrongType(node, what(), expected: "an integer")
    return nil
  }

  /// Reports `what` having the wrong kind of value; a null value reads as a missing one.
  mutating func wrongType(_ node: YAMLNode, _ what: String, expected: String) {
    if let s = node.scalar, s.resolved == .null {
      error("syntax.missing-value", "\(what) has no value; expected \(expected)", at: s.range)
      return
    }
    error(
      "syntax.wrong-type", "\(what) must be \(expected), not \(node.kindDescription)", at: node.range)
  }
}
