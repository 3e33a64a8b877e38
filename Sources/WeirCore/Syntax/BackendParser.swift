/// Reads a model's `backend:` mapping (Design.md §5): one kind key (`replay`, `builtin`, `http`,
/// `command`) whose value says what to call, and that kind's options beside it.
///
/// ```yaml
/// backend: {replay: predictions.json, format: coco}
/// backend: {builtin: cat-face, scale_factor: 1.1}
/// backend: {http: https://api.clarifai.com, model_id: general-image-recognition, key_env: CLARIFAI_PAT}
/// backend: {command: [python3, model.py], timeout: 30}
/// ```
///
/// The parser owns the structure (one kind, no second kind) and, for `replay` and `builtin`,
/// the options and their values. `http` and `command` options have richer rules (durations like
/// `500ms`, `null` meaning a default, `$var` refused) that their kinds own (`BackendKind.diagnose`,
/// `Sources/WeirModels/Kinds/`), which the driver runs after the language's check
/// (Documentation/Backends.md). The kind names here are the registry's (`BackendKinds.standard`,
/// which WeirCore cannot see), kept in step by `BackendKindsTests`. Backends take no `$var`s (how a
/// model is reached is not something `--set` or the REPL changes), so a `$var` is refused here as
/// WeirModels refuses it.
enum BackendParser {
  /// The kinds, and the options of those whose options the parser checks (`nil`: WeirModels does).
  static let options: KeyValuePairs<String, [String]?> = [
    "replay": ["images", "format"],
    "builtin": ["scale_factor", "min_neighbors", "min_size", "max_size", "max_pixels"],
    "http": nil,
    "command": nil,
    "onnx": nil,
  ]
  static var kinds: [String] { options.map(\.key) }
  /// The detectors built into weir (WeirVision's cascades, as `BuiltinBackendKind.models` names them).
  static let builtinModels = ["cat-face", "cat-face-extended", "human-face"]

  static func parse(_ node: YAMLNode, context: inout SyntaxContext) -> BackendSpec? {
    guard let m = node.mapping else {
      context.error(
        "syntax.wrong-type",
        "'backend' must be a mapping such as {replay: predictions.json}, not \(node.kindDescription)",
        at: node.range, notes: [Note("backend kinds: \(kinds.joined(separator: ", "))")])
      return nil
    }
    guard let kindPair = findKind(m, context: &context), let kind = kindPair.keyString else { return nil }
    let allowed = options.first { $0.key == kind }?.value ?? nil
    var specOptions: [Param] = []
    for pair in m.entries where pair.key != kindPair.key {
      guard let key = context.keyString(pair) else { continue }
      if kinds.contains(key.value) {
        context.error(
          "syntax.conflicting-keys", "a backend has one kind; this one is already '\(kind)'", at: key.range,
          notes: [Note("the kind is given here", at: kindPair.key.range)])
      } else if let allowed, !allowed.contains(key.value) {
        context.unknownKey(key, allowed: allowed, in: "the \(kind) backend", what: "option")
      } else {
        if allowed != nil { checkOption(key.value, pair.value, context: &context) }
        specOptions.append(Param(name: key, value: ParamValue(pair.value)))
      }
    }
    guard checkValue(kind, pair: kindPair, context: &context) else { return nil }
    return BackendSpec(
      kind: Located(kind, kindPair.key.range), value: ParamValue(kindPair.value), options: specOptions,
      range: m.range)
  }

  /// The first key that is a kind; when none is, the likeliest typo is reported.
  private static func findKind(_ m: YAMLMapping, context: inout SyntaxContext) -> YAMLPair? {
    if let pair = m.entries.first(where: { kinds.contains($0.keyString ?? "") }) { return pair }
    let notes = [Note("backend kinds: \(kinds.joined(separator: ", "))")]
    for pair in m.entries {
      guard let key = pair.keyString, let suggestion = DidYouMean.nearest(to: key, in: kinds) else {
        continue
      }
      context.error(
        "syntax.unknown-backend", "unknown backend kind '\(key)'; did you mean '\(suggestion)'?",
        at: pair.key.range,
        notes: notes, fixIts: [FixIt("use '\(suggestion)'", range: pair.key.range, replacement: suggestion)])
      return nil
    }
    context.error("syntax.unknown-backend", "the backend names no kind", at: m.range, notes: notes)
    return nil
  }

  /// The value under the kind key: a file, a built-in model, a URL, or a command line.
  private static func checkValue(_ kind: String, pair: YAMLPair, context: inout SyntaxContext) -> Bool {
    let node = pair.value
    if kind == "replay" || kind == "builtin", refuseVar(node, what: "the \(kind) backend", context: &context)
    {
      return false
    }
    switch kind {
    case "replay":
      return context.nonEmptyString(node, "the replay file") != nil
    case "builtin":
      guard let name = context.nonEmptyString(node, "the built-in model") else { return false }
      return checkBuiltin(name, context: &context)
    default:
      // http and command values are their kinds' (BackendKind.diagnose, WeirModels).
      return true
    }
  }

  /// Reports a `$var` where a backend needs a written value; true when it was one.
  static func refuseVar(_ node: YAMLNode, what: String, context: inout SyntaxContext) -> Bool {
    guard case .varRef(let v) = ParamValue(node) else { return false }
    context.error(
      "syntax.var-in-backend", "\(what) cannot use a var ('$\(v.value)'); write the value", at: v.range,
      notes: [Note("vars change thresholds and parameters, not how a model is reached")])
    return true
  }

  private static func checkBuiltin(_ name: Located<String>, context: inout SyntaxContext) -> Bool {
    guard !builtinModels.contains(name.value) else { return true }
    let notes = [Note("built-in models: \(builtinModels.joined(separator: ", "))")]
    if let suggestion = DidYouMean.nearest(to: name.value, in: builtinModels) {
      context.error(
        "syntax.unknown-builtin", "no built-in model named '\(name.value)'; did you mean '\(suggestion)'?",
        at: name.range, notes: notes,
        fixIts: [FixIt("use '\(suggestion)'", range: name.range, replacement: suggestion)])
    } else {
      context.error(
        "syntax.unknown-builtin", "no built-in model named '\(name.value)'", at: name.range, notes: notes)
    }
    return false
  }
}
