/// A node of a YAML document, with the byte range of source text it came from.
///
/// Aliases are expanded when loading: an alias is a copy of its anchored node, whose ranges point at
/// the anchored definition (that is where a mistake in it would be fixed).
public indirect enum YAMLNode: Sendable, Equatable {
  case scalar(YAMLScalar)
  case sequence(YAMLSequence)
  case mapping(YAMLMapping)

  public var range: SourceRange {
    switch self {
    case .scalar(let s): return s.range
    case .sequence(let s): return s.range
    case .mapping(let m): return m.range
    }
  }

  public var tag: String? {
    switch self {
    case .scalar(let s): return s.tag
    case .sequence(let s): return s.tag
    case .mapping(let m): return m.tag
    }
  }

  /// A short noun for messages: "a string", "a mapping", "a list", "a number"…
  public var kindDescription: String {
    switch self {
    case .scalar(let s): return s.resolved.kindDescription
    case .sequence: return "a list"
    case .mapping: return "a mapping"
    }
  }

  public var scalar: YAMLScalar? {
    if case .scalar(let s) = self { return s }
    return nil
  }

  public var sequence: YAMLSequence? {
    if case .sequence(let s) = self { return s }
    return nil
  }

  public var mapping: YAMLMapping? {
    if case .mapping(let m) = self { return m }
    return nil
  }
}

/// How a scalar was written.
public enum ScalarStyle: String, Sendable {
  case plain, singleQuoted, doubleQuoted, literal, folded
}

/// A scalar's value under the YAML 1.2 core schema: only plain scalars are resolved to null, bool,
/// int or float; quoted and block scalars are strings. `no`, `on`, `yes` are strings.
public enum ScalarValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case int(Int)
  case float(Double)
  case string(String)

  public var kindDescription: String {
    switch self {
    case .null: return "null"
    case .bool: return "a boolean"
    case .int: return "an integer"
    case .float: return "a number"
    case .string: return "a string"
    }
  }

  /// The value as a Double when it is a number (int or float).
  public var number: Double? {
    switch self {
    case .int(let i): return Double(i)
    case .float(let d): return d
    default: return nil
    }
  }
}

/// A scalar node.
public struct YAMLScalar: Sendable, Equatable {
  /// The scalar's text after YAML unescaping and folding.
  public var value: String
  public var style: ScalarStyle
  public var tag: String?
  public var range: SourceRange
  /// The typed value (core schema, honouring `!!str`, `!!int`, `!!float`, `!!bool`, `!!null` tags).
  public var resolved: ScalarValue

  public init(value: String, style: ScalarStyle, tag: String?, range: SourceRange, resolved: ScalarValue) {
    self.value = value
    self.style = style
    self.tag = tag
    self.range = range
    self.resolved = resolved
  }
}

/// A sequence node.
public struct YAMLSequence: Sendable, Equatable {
  public var items: [YAMLNode]
  public var tag: String?
  public var range: SourceRange
  public var isFlow: Bool

  public init(items: [YAMLNode], tag: String?, range: SourceRange, isFlow: Bool) {
    self.items = items
    self.tag = tag
    self.range = range
    self.isFlow = isFlow
  }
}

/// One key/value pair of a mapping.
public struct YAMLPair: Sendable, Equatable {
  public var key: YAMLNode
  public var value: YAMLNode

  public init(key: YAMLNode, value: YAMLNode) {
    self.key = key
    self.value = value
  }

  /// The key's text when it is a scalar.
  public var keyString: String? { key.scalar?.value }
}

/// A mapping node; entries keep their source order.
public struct YAMLMapping: Sendable, Equatable {
  public var entries: [YAMLPair]
  public var tag: String?
  public var range: SourceRange
  public var isFlow: Bool

  public init(entries: [YAMLPair], tag: String?, range: SourceRange, isFlow: Bool) {
    self.entries = entries
    self.tag = tag
    self.range = range
    self.isFlow = isFlow
  }

  /// The first entry whose key is the scalar `key`.
  public func pair(_ key: String) -> YAMLPair? {
    entries.first { $0.keyString == key }
  }

  /// The value of the first entry whose key is the scalar `key`.
  public subscript(_ key: String) -> YAMLNode? { pair(key)?.value }
}
