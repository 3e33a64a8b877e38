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

  private static func suggestion(for key: String) -> String? {
    let scored = AnnotationStatus.allCases.map { ($0.name, editDistance(key, normalized($0.name))) }
    guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, key.count / 3) else { return nil }
    return best.0
  }

  private static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    var row = Array(0...b.count)
    for i in 1...max(1, a.count) where !a.isEmpty {
      var prev = row[0]
      row[0] = i
      for j in stride(from: 1, through: b.count, by: 1) {
        let old = row[j]
        row[j] = min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1))
        prev = old
      }
    }
    return a.isEmpty ? b.count : row[b.count]
  }
}
