/// "Did you mean" for unknown names: the nearest candidate by edit distance (STYLE.md, "Diagnostics").
enum NameSuggester {
  /// The candidate closest to `name`, when it is close enough to be a plausible typo: within a third
  /// of the name's length in edits (at least one), or equal ignoring case and `-`/`_`.
  static func nearest<S: Sequence>(to name: String, in candidates: S) -> String? where S.Element == String {
    let folded = fold(name)
    var best: (candidate: String, distance: Int)?
    for candidate in candidates where candidate != name {
      let d = fold(candidate) == folded ? 0 : distance(Array(name.utf8), Array(candidate.utf8))
      if best == nil || d < best!.distance || (d == best!.distance && candidate < best!.candidate) {
        best = (candidate, d)
      }
    }
    guard let best, best.distance <= max(1, name.count / 3) else { return nil }
    return best.candidate
  }

  /// `"; did you mean 'x'?"`, or nothing.
  static func didYouMean<S: Sequence>(_ name: String, in candidates: S, prefix: String = "") -> String
  where S.Element == String {
    nearest(to: name, in: candidates).map { "; did you mean '\(prefix)\($0)'?" } ?? ""
  }

  private static func fold(_ s: String) -> String {
    String(s.lowercased().map { $0 == "-" ? "_" : $0 })
  }

  /// Levenshtein distance with adjacent transpositions counted as one edit.
  static func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = min(current[j], previous2[j - 2] + 1)
        }
      }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
  }
}
