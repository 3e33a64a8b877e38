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
}

extension OperatorParams: OperatorParamReader {
  public func value(_ name: String) -> Sourced<JSONValue>? { values[name].map { Sourced($0) } }

  /// Throws: a plan's parameters have no checker behind them to have reported the problem.
  public func reject(_ problem: OperatorConfigError) throws(OperatorConfigError) { throw problem }

  /// Sorted by key so plans print the same on every run.
  public func thresholdEntries(_ name: String) throws(OperatorConfigError) -> [(
    concept: Sourced<String>, value: Sourced<Double>
  )] {
    switch values[name] {
    case nil, .null?: return []
    case .object(let o)?:
      var out: [(concept: Sourced<String>, value: Sourced<Double>)] = []
      for (k, v) in o.sorted(by: { $0.key < $1.key }) {
        guard let d = v.number else {
          throw OperatorConfigError("threshold for concept '\(k)' must be a number, not \(v.kindName)")
        }
        out.append((Sourced(k), Sourced(d)))
      }
      return out
    case .array(let items)?:
      var out: [(concept: Sourced<String>, value: Sourced<Double>)] = []
      for item in items {
        guard let key = item["id"]?.string ?? item["name"]?.string, let d = item["value"]?.number else {
          throw OperatorConfigError("each entry of '\(name)' needs an id and a numeric value")
        }
        out.append((Sourced(key), Sourced(d)))
      }
      return out
    case let v?:
      throw OperatorConfigError("parameter '\(name)' must map concepts to thresholds, not \(v.kindName)")
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
