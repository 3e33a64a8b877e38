/// "Did you mean": the known name nearest to a mistyped one (STYLE.md, "Diagnostics are the product").
enum NameSuggester {
  /// The candidate closest to `name` by edit distance, if close enough to be a plausible typo:
  /// at most a third of the longer name's length (and at least 1) edits, ties going to the first.
  static func suggest(_ name: String, from candidates: [String]) -> String? {
    let lowered = name.lowercased()
    var best: (name: String, distance: Int)?
    for candidate in candidates {
      let d = distance(lowered, candidate.lowercased())
      if d < (best?.distance ?? Int.max) { best = (candidate, d) }
    }
    guard let best else { return nil }
    let limit = max(1, max(name.count, best.name.count) / 3)
    return best.distance <= limit ? best.name : nil
  }

  /// Levenshtein distance over characters (optimal string alignment: a swap counts as one edit).
  static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
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

  /// "; did you mean 'x'?" or "" when nothing is close.
  static func didYouMean(_ name: String, from candidates: [String]) -> String {
    suggest(name, from: candidates).map { "; did you mean '\($0)'?" } ?? ""
  }
}
