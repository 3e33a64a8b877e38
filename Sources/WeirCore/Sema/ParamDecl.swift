/// One parameter a node type takes: its type, whether it is required, its default, its range.
public struct ParamDecl: Sendable {
  public var name: String
  public var type: ParamType
  public var doc: String
  public var isRequired: Bool
  /// Applied when the node does not set the parameter.
  public var defaultValue: TypedValue?
  /// For numbers (and the values of concept thresholds): the allowed interval.
  public var range: NumberRange?
  /// For strings: text the value must contain (`{data.text.raw}` in a prompt template).
  public var mustContain: String?
  /// Where Clarifai keeps the value, for `weir convert` and the HTTP backend.
  public var clarifaiField: ClarifaiField

  public init(
    name: String, type: ParamType, doc: String = "", isRequired: Bool = false,
    defaultValue: TypedValue? = nil,
    range: NumberRange? = nil, mustContain: String? = nil, clarifaiField: ClarifaiField = .params
  ) {
    self.name = name
    self.type = type
    self.doc = doc
    self.isRequired = isRequired
    self.defaultValue = defaultValue
    self.range = range
    self.mustContain = mustContain
    self.clarifaiField = clarifaiField
  }

  /// `number in [0, 1]`, `enum`, `concept-thresholds in [0, 1]`: the type as `weir types` shows it.
  public var typeDescription: String {
    var text = type.name
    if let range { text += " in \(range)" }
    return text
  }
}

/// Where Clarifai keeps a parameter of a model (reference §3.1, `OutputInfo`).
public enum ClarifaiField: String, Sendable, CaseIterable {
  /// `output_info.params`, a free-form struct: most operator settings.
  case params = "output_info.params"
  /// `output_info.data.concepts` as `[{id, value}]`: the thresholders' per-concept thresholds.
  case dataConcepts = "output_info.data.concepts"
  /// `output_info.output_config`: legacy inference settings (`min_value`, `max_concepts`).
  case outputConfig = "output_info.output_config"
  /// weir's own extension; Clarifai has no such setting.
  case none
}

/// The type of a parameter's value.
public enum ParamType: Hashable, Sendable {
  case number
  case int
  case string
  case bool
  /// One of named values, each with Clarifai's number when it has one.
  case enumeration(EnumDomain)
  /// `{concept: threshold}`; Clarifai's `[{id, value}]` list is accepted too.
  case conceptThresholds
  /// `{concept: other-concept}` (synonyms).
  case conceptMap
  /// A list of concept ids.
  case conceptList
  case stringList
  case stringMap
  /// Anything: a scalar, a list, a mapping (free-form JSON).
  case any

  /// The name used in declarations (`concept-thresholds`).
  public var name: String {
    switch self {
    case .number: return "number"
    case .int: return "int"
    case .string: return "string"
    case .bool: return "bool"
    case .enumeration: return "enum"
    case .conceptThresholds: return "concept-thresholds"
    case .conceptMap: return "concept-map"
    case .conceptList: return "concept-list"
    case .stringList: return "string-list"
    case .stringMap: return "string-map"
    case .any: return "any"
    }
  }

  /// The names a declaration may use in `type:`.
  public static let declarableNames = [
    "number", "int", "string", "bool", "enum", "concept-thresholds", "concept-map", "concept-list",
    "string-list", "string-map", "any",
  ]

  /// "a number", "an integer", "a mapping of concept thresholds": what the value should be, for messages.
  public var expectation: String {
    switch self {
    case .number: return "a number"
    case .int: return "an integer"
    case .string: return "a string"
    case .bool: return "a boolean"
    case .enumeration: return "one of its names or numbers"
    case .conceptThresholds: return "a mapping of concepts to thresholds"
    case .conceptMap: return "a mapping of concepts to concepts"
    case .conceptList, .stringList: return "a list of strings"
    case .stringMap: return "a mapping of strings"
    case .any: return "any value"
    }
  }
}

/// The values of an enum parameter.
public struct EnumDomain: Hashable, Sendable {
  public var cases: [EnumCase]
  /// Other spellings accepted for a case name (`fastText` for `fasttext`).
  public var aliases: [String: String]

  public init(cases: [EnumCase], aliases: [String: String] = [:]) {
    self.cases = cases
    self.aliases = aliases
  }

  /// The case named `name` (or an alias of it).
  public func named(_ name: String) -> EnumCase? {
    let canonical = aliases[name] ?? name
    return cases.first { $0.name == canonical }
  }

  /// The case with Clarifai number `number`.
  public func numbered(_ number: Int) -> EnumCase? { cases.first { $0.number == number } }

  /// `GREATER_THAN (1), LESS_THAN (3)` or `langdetect, fasttext`: the valid values, for messages.
  public var listing: String { cases.map(\.description).joined(separator: ", ") }
}

/// One value of an enum: a name and, for Clarifai's enums, its number.
public struct EnumCase: Hashable, Sendable, CustomStringConvertible {
  public var name: String
  public var number: Int?

  public init(name: String, number: Int? = nil) {
    self.name = name
    self.number = number
  }

  /// `GREATER_THAN (1)` or `fasttext`.
  public var description: String { number.map { "\(name) (\($0))" } ?? name }
}

/// An interval of numbers with open or closed ends, written `[0, 1]`, `(0, 10]`, `[0, inf)`.
public struct NumberRange: Hashable, Sendable, CustomStringConvertible {
  public var lower: Double
  public var upper: Double
  public var lowerIsOpen: Bool
  public var upperIsOpen: Bool

  public init(lower: Double, upper: Double, lowerIsOpen: Bool = false, upperIsOpen: Bool = false) {
    self.lower = lower
    self.upper = upper
    self.lowerIsOpen = lowerIsOpen
    self.upperIsOpen = upperIsOpen
  }

  /// Reads `[0, 1]`, `(0, 10]`, `[1, inf)`; `nil` when malformed.
  public init?(parsing text: String) {
    let chars = Array(text.filter { $0 != " " })
    guard chars.count >= 5, let open = chars.first, let close = chars.last,
      open == "[" || open == "(", close == "]" || close == ")"
    else { return nil }
    let parts = String(chars[1..<(chars.count - 1)]).split(separator: ",", omittingEmptySubsequences: false)
    guard parts.count == 2, let lower = NumberRange.bound(parts[0]), let upper = NumberRange.bound(parts[1]),
      lower <= upper
    else { return nil }
    self.init(lower: lower, upper: upper, lowerIsOpen: open == "(", upperIsOpen: close == ")")
  }

  private static func bound(_ text: Substring) -> Double? {
    switch text {
    case "inf", "+inf": return .infinity
    case "-inf": return -.infinity
    default: return Double(text)
    }
  }

  public func contains(_ x: Double) -> Bool {
    guard !x.isNaN else { return false }
    let aboveLower = lowerIsOpen ? x > lower : x >= lower
    let belowUpper = upperIsOpen ? x < upper : x <= upper
    return aboveLower && belowUpper
  }

  public var description: String {
    "\(lowerIsOpen ? "(" : "[")\(NumberText.format(lower)), \(NumberText.format(upper))\(upperIsOpen ? ")" : "]")"
  }
}
