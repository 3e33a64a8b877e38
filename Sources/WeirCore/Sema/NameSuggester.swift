/// "Did you mean" for the checker's messages, over `DidYouMean` (so every stage suggests alike).
package enum NameSuggester {
  /// The candidate closest to `name`, when it is close enough to be a plausible typo. Candidates
  /// are tried in sorted order, so the answer does not depend on the order of a dictionary.
  package static func nearest<S: Sequence>(to name: String, in candidates: S, affixes: Bool = false)
    -> String?
  where S.Element == String {
    DidYouMean.nearest(to: name, in: candidates.sorted(), affixes: affixes)
  }

  /// The suggestion for the name written at `range`, with its fix-it (`DidYouMean.suggestion`).
  package static func suggestion<S: Sequence>(
    for name: String, at range: SourceRange?, in candidates: S, affixes: Bool = false
  ) -> DidYouMean.Suggestion? where S.Element == String {
    DidYouMean.suggestion(for: name, at: range, in: candidates.sorted(), affixes: affixes)
  }

  /// `"; did you mean 'x'?"`, or nothing: for messages that point at no place in a file.
  package static func didYouMean<S: Sequence>(_ name: String, in candidates: S, prefix: String = "") -> String
  where S.Element == String {
    nearest(to: name, in: candidates).map { "; did you mean '\(prefix)\($0)'?" } ?? ""
  }
}
