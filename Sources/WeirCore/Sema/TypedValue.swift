/// A parameter value after checking: typed, with vars substituted and enums normalized.
public indirect enum TypedValue: Hashable, Sendable, CustomStringConvertible {
  case bool(Bool)
  case int(Int)
  case number(Double)
  case string(String)
  /// An enum value, normalized to its name and Clarifai number whichever was written.
  case enumCase(EnumCase)
  case list([TypedValue])
  /// A mapping in source order (concept thresholds, synonyms, headers).
  case map([MapEntry])
  /// A free-form value (`annotation_info`).
  case json(JSONValue)

  /// The value as a Double, for `number` and `int` values.
  public var doubleValue: Double? {
    switch self {
    case .number(let x): return x
    case .int(let i): return Double(i)
    default: return nil
    }
  }

  public var intValue: Int? {
    if case .int(let i) = self { return i }
    return nil
  }

  public var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  public var boolValue: Bool? {
    if case .bool(let b) = self { return b }
    return nil
  }

  public var enumValue: EnumCase? {
    if case .enumCase(let e) = self { return e }
    return nil
  }

  /// The strings of a list value (concept lists, string lists).
  public var stringList: [String]? {
    guard case .list(let items) = self else { return nil }
    let strings = items.compactMap(\.stringValue)
    return strings.count == items.count ? strings : nil
  }

  /// A mapping of numbers as `[key: Double]` (concept thresholds).
  public var numberMap: [String: Double]? {
    guard case .map(let entries) = self else { return nil }
    var result: [String: Double] = [:]
    for entry in entries {
      guard let x = entry.value.doubleValue else { return nil }
      result[entry.key] = x
    }
    return result
  }

  /// A mapping of strings as `[key: String]` (synonyms, headers).
  public var stringMap: [String: String]? {
    guard case .map(let entries) = self else { return nil }
    var result: [String: String] = [:]
    for entry in entries {
      guard let s = entry.value.stringValue else { return nil }
      result[entry.key] = s
    }
    return result
  }

  /// The value as weir shows it (`0.95`, `GREATER_THAN (1)`, `{cat: 0.95, dog: 0.9}`).
  public var description: String {
    switch self {
    case .bool(let b): return String(b)
    case .int(let i): return String(i)
    case .number(let x): return NumberText.format(x)
    case .string(let s): return s.isEmpty ? "\"\"" : s
    case .enumCase(let e): return e.description
    case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
    case .map(let entries):
      return "{" + entries.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
    case .json(let j): return TypedValue.render(j)
    }
  }

  /// The value as JSON, as Clarifai's `output_info.params` would hold it (enums as their numbers).
  public var json: JSONValue {
    switch self {
    case .bool(let b): return .bool(b)
    case .int(let i): return .number(Double(i))
    case .number(let x): return .number(x)
    case .string(let s): return .string(s)
    case .enumCase(let e): return e.number.map { .number(Double($0)) } ?? .string(e.name)
    case .list(let items): return .array(items.map(\.json))
    case .map(let entries):
      return .object(Dictionary(entries.map { ($0.key, $0.value.json) }, uniquingKeysWith: { a, _ in a }))
    case .json(let j): return j
    }
  }

  private static func render(_ j: JSONValue) -> String {
    switch j {
    case .null: return "null"
    case .bool(let b): return String(b)
    case .number(let x): return NumberText.format(x)
    case .string(let s): return s
    case .array(let a): return "[" + a.map(render).joined(separator: ", ") + "]"
    case .object(let o):
      return "{" + o.keys.sorted().map { "\($0): \(render(o[$0]!))" }.joined(separator: ", ") + "}"
    }
  }
}

/// One entry of a mapping value.
public struct MapEntry: Hashable, Sendable {
  public var key: String
  public var value: TypedValue

  public init(key: String, value: TypedValue) {
    self.key = key
    self.value = value
  }
}
