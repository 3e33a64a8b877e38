/// "Did you mean" for the checker's messages, over `DidYouMean` (so every stage suggests alike).
package enum NameSuggester {
  /// The candidate closest to `name`, when it is close enough to be a plausible typo. Candidates
  /// are tried in sorted order, so the answer does not depend on the order of a dictionary.
  static func nearest<S: Sequence>(to name: String, in candidates: S) -> String? where S.Element == String {
    DidYouMean.nearest(to: name, in: candidates.sorted())
  }

  /// `"; did you mean 'x'?"`, or nothing.
  package static func didYouMean<S: Sequence>(_ name: String, in candidates: S, prefix: String = "") -> String
  where S.Element == String {
    nearest(to: name, in: candidates).map { "; did you mean '\(prefix)\($0)'?" } ?? ""
  }
}
