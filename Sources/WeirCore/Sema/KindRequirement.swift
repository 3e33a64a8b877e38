import Foundation

/// One entry of a node type's input: `Any`, a kind (a comma list: all its fields are needed), or
/// alternatives written `image | text` (either will do). Several entries of a node type mean several
/// sources (image-crop needs `image` and `regions`), as in Clarifai's `ModelType.input_fields`.
public enum KindRequirement: Hashable, Sendable, CustomStringConvertible {
  /// Anything, including nothing.
  case any
  /// One of these kinds (usually just one).
  case oneOf([Kind])

  /// Reads `Any`, `image, text` or `image | text`.
  public init(parsing text: String) throws(KindError) {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if trimmed == "Any" || trimmed == "any" {
      self = .any
      return
    }
    var alternatives: [Kind] = []
    for alternative in trimmed.split(separator: "|", omittingEmptySubsequences: false) {
      alternatives.append(try Kind(parsing: String(alternative)))
    }
    self = .oneOf(alternatives)
  }

  /// Whether `kind` meets this requirement.
  public func isSatisfied(by kind: Kind) -> Bool {
    switch self {
    case .any: return true
    case .oneOf(let kinds): return kinds.contains { kind.includes($0) }
    }
  }

  /// The kinds this requirement accepts; empty for `Any`.
  public var alternatives: [Kind] {
    switch self {
    case .any: return []
    case .oneOf(let kinds): return kinds
    }
  }

  /// `Any`, `image`, `image | text`.
  public var description: String {
    switch self {
    case .any: return "Any"
    case .oneOf(let kinds): return kinds.map(\.description).joined(separator: " | ")
    }
  }
}
