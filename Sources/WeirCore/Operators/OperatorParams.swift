/// A node's resolved parameters (vars substituted, overrides applied), read by operator factories.
///
/// The checker has already validated types, ranges and enums against the stdlib declarations, so the
/// errors here are a backstop for plans built by hand (tests, the REPL) and name the parameter.
public struct OperatorParams: Sendable, Hashable {
  public var values: [String: JSONValue]

  public init(_ values: [String: JSONValue] = [:]) {
    self.values = values
  }

  public subscript(_ name: String) -> JSONValue? { values[name] }

  public func number(_ name: String) throws(OperatorConfigError) -> Double? {
    switch values[name] {
    case nil, .null?: return nil
    case .number(let d)?: return d
    case .string(let s)?:
      if let d = Double(s) { return d }
      throw OperatorConfigError("parameter '\(name)' must be a number, not '\(s)'")
    case let v?: throw OperatorConfigError("parameter '\(name)' must be a number, not \(v.kindName)")
    }
  }

  public func string(_ name: String) throws(OperatorConfigError) -> String? {
    switch values[name] {
    case nil, .null?: return nil
    case .string(let s)?: return s
    case .number(let d)?: return NumberText.format(d)
    case .bool(let b)?: return String(b)
    case let v?: throw OperatorConfigError("parameter '\(name)' must be a string, not \(v.kindName)")
    }
  }

  /// An enum written as Clarifai's name or number.
  public func enumName(_ name: String) throws(OperatorConfigError) -> String? {
    try string(name)
  }

  /// Per-concept thresholds: a map `{cat: 0.95}` or Clarifai's list `[{id: cat, value: 0.95}]`.
  /// Sorted by key so plans print the same on every run.
  public func thresholds(_ name: String) throws(OperatorConfigError) -> [(key: String, threshold: Double)] {
    switch values[name] {
    case nil, .null?: return []
    case .object(let o)?:
      var out: [(key: String, threshold: Double)] = []
      for (k, v) in o.sorted(by: { $0.key < $1.key }) {
        guard let d = v.number else {
          throw OperatorConfigError("threshold for concept '\(k)' must be a number, not \(v.kindName)")
        }
        out.append((k, d))
      }
      return out
    case .array(let items)?:
      var out: [(key: String, threshold: Double)] = []
      for item in items {
        guard let key = item["id"]?.string ?? item["name"]?.string, let d = item["value"]?.number else {
          throw OperatorConfigError("each entry of '\(name)' needs an id and a numeric value")
        }
        out.append((key, d))
      }
      return out
    case let v?:
      throw OperatorConfigError("parameter '\(name)' must map concepts to thresholds, not \(v.kindName)")
    }
  }

  /// A list of strings (a single string counts as a list of one).
  public func strings(_ name: String) throws(OperatorConfigError) -> [String]? {
    switch values[name] {
    case nil, .null?: return nil
    case .string(let s)?: return [s]
    case .array(let items)?:
      var out: [String] = []
      for item in items {
        guard let s = item.string else {
          throw OperatorConfigError("parameter '\(name)' must be a list of strings")
        }
        out.append(s)
      }
      return out
    case let v?: throw OperatorConfigError("parameter '\(name)' must be a list of strings, not \(v.kindName)")
    }
  }

  /// A string-to-string map.
  public func stringMap(_ name: String) throws(OperatorConfigError) -> [String: String]? {
    switch values[name] {
    case nil, .null?: return nil
    case .object(let o)?:
      var out: [String: String] = [:]
      for (k, v) in o {
        guard let s = v.string else {
          throw OperatorConfigError("'\(name).\(k)' must be a concept name, not \(v.kindName)")
        }
        out[k] = s
      }
      return out
    case let v?: throw OperatorConfigError("parameter '\(name)' must map names to names, not \(v.kindName)")
    }
  }
}

/// An operator configuration that cannot be built; reported at plan time with the node.
public struct OperatorConfigError: Error, Sendable, Hashable, CustomStringConvertible {
  public var message: String

  public init(_ message: String) { self.message = message }

  public var description: String { message }
}

extension JSONValue {
  /// How a value is named in messages: `a number`, `a list`…
  public var kindName: String {
    switch self {
    case .null: return "null"
    case .bool: return "a boolean"
    case .number: return "a number"
    case .string: return "a string"
    case .array: return "a list"
    case .object: return "a mapping"
    }
  }
}
