extension BackendConfig {
  /// A backend as written (`backend: {replay: predictions.json, images: coco.json}`), its paths to
  /// be resolved against `baseDirectory` (the workflow file's folder).
  public init(_ spec: BackendSpec, baseDirectory: String) {
    var options: [String: JSONValue] = [:]
    for option in spec.options { options[option.name.value] = JSONValue(option.value) }
    self.init(
      kind: spec.kind.value, value: JSONValue(spec.value), options: options, baseDirectory: baseDirectory)
  }
}

extension JSONValue {
  /// A parameter value as written, as JSON: scalars as YAML 1.2 reads them, `$var` references as
  /// their text (backends do not take vars).
  public init(_ value: ParamValue) {
    switch value {
    case .scalar(let s): self = JSONValue(s.resolved)
    case .varRef(let name): self = .string("$" + name.value)
    case .list(let items, _): self = .array(items.map(JSONValue.init))
    case .map(let params, _):
      var o: [String: JSONValue] = [:]
      for p in params where o[p.name.value] == nil { o[p.name.value] = JSONValue(p.value) }
      self = .object(o)
    }
  }

  public init(_ scalar: ScalarValue) {
    switch scalar {
    case .null: self = .null
    case .bool(let b): self = .bool(b)
    case .int(let i): self = .number(Double(i))
    case .float(let d): self = .number(d)
    case .string(let s): self = .string(s)
    }
  }
}
