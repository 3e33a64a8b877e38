/// Clarifai's `ValueComparator`: how a thresholder compares a confidence with its threshold.
///
/// Raw values are Clarifai's enum numbers, so `1` and `GREATER_THAN` mean the same. One type for
/// every stage: the checker's confidence intervals (`IntervalSet(_:_:)`), the lint rules and the
/// runtime's thresholders all compare with it, so they cannot disagree.
public enum ValueComparator: Int, Sendable, CaseIterable, Codable {
  case greaterThan = 1
  case greaterThanOrEqual = 2
  case lessThan = 3
  case lessThanOrEqual = 4
  case equal = 5

  /// Clarifai's name, e.g. `GREATER_THAN`.
  public var name: String {
    switch self {
    case .greaterThan: return "GREATER_THAN"
    case .greaterThanOrEqual: return "GREATER_THAN_OR_EQUAL"
    case .lessThan: return "LESS_THAN"
    case .lessThanOrEqual: return "LESS_THAN_OR_EQUAL"
    case .equal: return "EQUAL"
    }
  }

  /// The operator as people write it: `>`, `>=`, `<`, `<=`, `==`.
  public var symbol: String {
    switch self {
    case .greaterThan: return ">"
    case .greaterThanOrEqual: return ">="
    case .lessThan: return "<"
    case .lessThanOrEqual: return "<="
    case .equal: return "=="
    }
  }

  /// Accepts Clarifai's name or number (`GREATER_THAN` or `1`).
  public init?(name: String) {
    if let n = Int(name), let c = ValueComparator(rawValue: n) {
      self = c
    } else if let c = Self.allCases.first(where: { $0.name == name }) {
      self = c
    } else {
      return nil
    }
  }

  /// Whether `value` passes a threshold. `EQUAL` is exact equality of the two numbers, as Clarifai's
  /// proto defines it; confidences rarely hit a threshold exactly, so it is seldom what a user wants.
  @inline(__always)
  public func passes(_ value: Double, threshold: Double) -> Bool {
    switch self {
    case .greaterThan: return value > threshold
    case .greaterThanOrEqual: return value >= threshold
    case .lessThan: return value < threshold
    case .lessThanOrEqual: return value <= threshold
    case .equal: return value == threshold
    }
  }
}
