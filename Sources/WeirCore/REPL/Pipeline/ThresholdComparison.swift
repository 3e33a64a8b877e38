/// Clarifai's `ValueComparator`: how a thresholder compares a confidence with its threshold
/// (`GREATER_THAN` = 1 … `EQUAL` = 5; the reference §0.5).
public enum ThresholdComparison: Int, Sendable, CaseIterable {
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

  /// `>`, `>=`, `<`, `<=`, `==`.
  public var symbol: String {
    switch self {
    case .greaterThan: return ">"
    case .greaterThanOrEqual: return ">="
    case .lessThan: return "<"
    case .lessThanOrEqual: return "<="
    case .equal: return "=="
    }
  }

  /// From Clarifai's name, e.g. `GREATER_THAN`.
  public init?(name: String) {
    guard let c = Self.allCases.first(where: { $0.name == name }) else { return nil }
    self = c
  }

  @inline(__always)
  public func holds(_ value: Double, _ threshold: Double) -> Bool {
    switch self {
    case .greaterThan: return value > threshold
    case .greaterThanOrEqual: return value >= threshold
    case .lessThan: return value < threshold
    case .lessThanOrEqual: return value <= threshold
    case .equal: return value == threshold
    }
  }
}
