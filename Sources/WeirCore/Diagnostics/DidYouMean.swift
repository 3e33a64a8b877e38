/// Finds the nearest known name to a mistyped one, for "did you mean 'node_inputs'?" (Design.md §9.2).
public enum DidYouMean {
  /// The candidate closest to `name`, if one is close enough to be a plausible typo.
  ///
  /// Close enough: an edit distance (with transpositions) of at most a third of the longer name,
  /// and at least 1, but never a replacement of every character; ties go to the earlier candidate, so callers list the likeliest names first.
  /// Case and the `-`/`_` spelling are forgiven entirely (`node-inputs` → `node_inputs`).
  public static func nearest<S: Sequence>(to name: String, in candidates: S) -> String?
  where S.Element == String {
    let wanted = Array(normalized(name))
    var best: (name: String, distance: Int)?
    for candidate in candidates where candidate != name {
      let other = Array(normalized(candidate))
      let limit = max(1, max(wanted.count, other.count) / 3)
      if abs(wanted.count - other.count) > limit { continue }
      let d = distance(wanted, other, limit: limit)
      // A full replacement ('b' for 'a') shares nothing with the name: no suggestion.
      guard d <= limit, d < max(wanted.count, other.count) else { continue }
      if best == nil || d < best!.distance { best = (candidate, d) }
    }
    return best?.name
  }

  /// The optimal-string-alignment distance between two names (edits and adjacent swaps).
  public static func distance(_ a: String, _ b: String) -> Int {
    distance(Array(a), Array(b), limit: Int.max)
  }

  private static func normalized(_ s: String) -> String {
    String(s.lowercased().map { $0 == "-" ? "_" : $0 })
  }

  /// Dynamic programming over three rows; stops early once every cell exceeds `limit`.
  private static func distance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var before = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      var rowMin = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d = min(d, before[j - 2] + 1) }
        current[j] = d
        rowMin = min(rowMin, d)
      }
      if rowMin > limit { return rowMin }
      (before, previous, current) = (previous, current, before)
    }
    return previous[b.count]
  }
}
