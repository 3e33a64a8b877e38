import Foundation
import WeirCore

/// A filter value the user typed that names nothing.
public enum FilterError: Error, Equatable, Sendable, CustomStringConvertible {
  case unknownStatus(String, suggestion: String?)

  public var description: String {
    switch self {
    case .unknownStatus(let text, let suggestion):
      let known = AnnotationStatus.allCases.map { "\($0.name) (\($0.rawValue))" }.joined(separator: ", ")
      let hint = suggestion.map { "did you mean '\($0)'? " } ?? ""
      return "unknown annotation status '\(text)'; \(hint)expected one of \(known)"
    }
  }
}

extension AnnotationFilter {
  /// Parses a status as a user types it: Clarifai's name (`ANNOTATION_SUCCESS`), the name without
  /// its prefix in any case with `-` or `_` (`success`, `awaiting-review`), or the number (`24150`).
  public static func parseStatus(_ text: String) throws -> Int {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if let code = Int(trimmed), AnnotationStatus(rawValue: code) != nil { return code }
    let key = normalized(trimmed)
    if let status = AnnotationStatus.allCases.first(where: { normalized($0.name) == key }) {
      return status.rawValue
    }
    throw FilterError.unknownStatus(text, suggestion: suggestion(for: key))
  }

  /// Parses a comma-separated list of statuses, or several given one by one.
  public static func parseStatuses(_ texts: [String]) throws -> [Int] {
    try texts.flatMap { $0.split(separator: ",") }.map { try parseStatus(String($0)) }
  }

  /// `ANNOTATION_AWAITING_REVIEW`, `awaiting-review` and `Awaiting_Review` all become `awaitingreview`.
  private static func normalized(_ name: String) -> String {
    var s = name.lowercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "")
    if s.hasPrefix("annotation") { s.removeFirst("annotation".count) }
    return s
  }

  /// The status nearest to a misspelt one, by weir's usual "did you mean" (`DidYouMean`), compared
  /// in the forgiving spelling `parseStatus` reads (`sucess` → `ANNOTATION_SUCCESS`).
  private static func suggestion(for key: String) -> String? {
    let statuses = AnnotationStatus.allCases
    guard let nearest = DidYouMean.nearest(to: key, in: statuses.map { normalized($0.name) }) else {
      return nil
    }
    return statuses.first { normalized($0.name) == nearest }?.name
  }
}
