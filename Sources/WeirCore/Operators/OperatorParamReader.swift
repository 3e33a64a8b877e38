/// Reads a node's parameters for an operator's descriptor: the same reading code for a plan's plain
/// parameters (`OperatorParams`) and for a checked node's parameters, which know where each value
/// is written (`CheckedParams`, used by lint and the REPL).
///
/// A reader decides what an unusable value means: the plain reader throws (a plan built by hand
/// gets a clear error naming the parameter), the checked reader leaves the value out, because the
/// checker has already reported it at its position.
public protocol OperatorParamReader {
  /// A parameter's value as JSON (enums as their Clarifai numbers), with where it is written.
  func value(_ name: String) -> Sourced<JSONValue>?

  /// Per-concept thresholds: a map `{cat: 0.95}` or Clarifai's list `[{id: cat, value: 0.95}]`.
  func thresholdEntries(_ name: String) throws(OperatorConfigError) -> [(
    concept: Sourced<String>, value: Sourced<Double>
  )]

  /// Reports a value that cannot be used: throws, or returns so the caller leaves it out.
  func reject(_ problem: OperatorConfigError) throws(OperatorConfigError)
}

extension OperatorParamReader {
  public func number(_ name: String) throws(OperatorConfigError) -> Sourced<Double>? {
    guard let p = value(name) else { return nil }
    switch p.value {
    case .null: return nil
    case .number(let d): return Sourced(d, p.range)
    case .string(let s):
      if let d = Double(s) { return Sourced(d, p.range) }
      try reject(OperatorConfigError("parameter '\(name)' must be a number, not '\(s)'"))
    case let v: try reject(OperatorConfigError("parameter '\(name)' must be a number, not \(v.kindName)"))
    }
    return nil
  }

  public func string(_ name: String) throws(OperatorConfigError) -> Sourced<String>? {
    guard let p = value(name) else { return nil }
    switch p.value {
    case .null: return nil
    case .string(let s): return Sourced(s, p.range)
    case .number(let d): return Sourced(NumberText.format(d), p.range)
    case .bool(let b): return Sourced(String(b), p.range)
    case let v: try reject(OperatorConfigError("parameter '\(name)' must be a string, not \(v.kindName)"))
    }
    return nil
  }

  /// An enum written as Clarifai's name or number.
  public func enumName(_ name: String) throws(OperatorConfigError) -> Sourced<String>? {
    try string(name)
  }

  /// A list of strings (a single string counts as a list of one).
  public func strings(_ name: String) throws(OperatorConfigError) -> Sourced<[String]>? {
    guard let p = value(name) else { return nil }
    switch p.value {
    case .null: return nil
    case .string(let s): return Sourced([s], p.range)
    case .array(let items):
      let strings = items.compactMap(\.string)
      if strings.count == items.count { return Sourced(strings, p.range) }
      try reject(OperatorConfigError("parameter '\(name)' must be a list of strings"))
    case let v:
      try reject(OperatorConfigError("parameter '\(name)' must be a list of strings, not \(v.kindName)"))
    }
    return nil
  }

  /// A string-to-string map.
  public func stringMap(_ name: String) throws(OperatorConfigError) -> Sourced<[String: String]>? {
    guard let p = value(name) else { return nil }
    switch p.value {
    case .null: return nil
    case .object(let o):
      var out: [String: String] = [:]
      for (k, v) in o {
        guard let s = v.string else {
          try reject(OperatorConfigError("'\(name).\(k)' must be a concept name, not \(v.kindName)"))
          continue
        }
        out[k] = s
      }
      return Sourced(out, p.range)
    case let v:
      try reject(OperatorConfigError("parameter '\(name)' must map names to names, not \(v.kindName)"))
    }
    return nil
  }

  /// A comparator (`concept_threshold_type`), by Clarifai's name or number.
  public func comparator(_ name: String) throws(OperatorConfigError) -> Sourced<ValueComparator>? {
    guard let written = try enumName(name) else { return nil }
    if let c = ValueComparator(name: written.value) { return Sourced(c, written.range) }
    let names = ValueComparator.allCases.map(\.name).joined(separator: ", ")
    try reject(OperatorConfigError("'\(name)' must be one of \(names), not '\(written.value)'"))
    return nil
  }

  /// An annotation status (`annotation_status`), by Clarifai's name or number.
  public func annotationStatus(_ name: String) throws(OperatorConfigError) -> Sourced<AnnotationStatus>? {
    guard let written = try enumName(name) else { return nil }
    let writable = AnnotationStatus.writable
    if let n = Int(written.value), let s = AnnotationStatus(rawValue: n), writable.contains(s) {
      return Sourced(s, written.range)
    }
    if let s = AnnotationStatus(name: written.value), writable.contains(s) {
      return Sourced(s, written.range)
    }
    let names = writable.map(\.name).joined(separator: ", ")
    try reject(OperatorConfigError("'\(name)' must be one of \(names), not '\(written.value)'"))
    return nil
  }
}
