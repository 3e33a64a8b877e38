/// Finds the nearest known name to a mistyped one, for "did you mean 'node_inputs'?" (Design.md §9.2).
public enum DidYouMean {
  /// The candidate closest to `name`, if one is close enough to be a plausible typo.
  ///
  /// Close enough: an edit distance (with transpositions) of at most a third of the longer name,
  /// and at least 1, but never a replacement of every character; ties go to the earlier candidate, so callers list the likeliest names first.
  /// Case and the `-`/`_` spelling are forgiven entirely (`node-inputs` → `node_inputs`).
  /// With `affixes`, a name that is a whole-word prefix or suffix of candidates (`affixMatches`)
  /// is suggested the one it fits, or nothing when it fits several; enum values use this.
  public static func nearest<S: Sequence>(to name: String, in candidates: S, affixes: Bool = false) -> String?
  where S.Element == String {
    guard affixes else { return nearestTypo(to: name, in: candidates) }
    // A whole word left out is likelier than a typo: `ANNOTATION_AWAITING` is not `ANNOTATION_PENDING`.
    let words = affixMatches(of: name, in: candidates)
    if words.isEmpty { return nearestTypo(to: name, in: candidates) }
    return words.count == 1 ? words[0] : nil
  }

  /// The candidates of which `name` is a whole-word prefix or suffix (`AWAITING_REVIEW` →
  /// `ANNOTATION_AWAITING_REVIEW`; `ANNOTATION_SUCCES` is a typo, not this), or which are one of
  /// `name`: enum values are often written without, or with an extra, common prefix. Words are
  /// separated by `_` or `-`, and the shorter name has at least 3 characters. Several matches
  /// (`ANNOTATION_AWAITING`) mean that the name is ambiguous: no suggestion.
  static func affixMatches<S: Sequence>(of name: String, in candidates: S) -> [String]
  where S.Element == String {
    let wanted = normalized(name)
    guard wanted.count >= 3 else { return [] }
    var found: [String] = []
    for candidate in candidates where candidate != name {
      let other = normalized(candidate)
      let (short, long) = wanted.count < other.count ? (wanted, other) : (other, wanted)
      guard short.count >= 3, short != long else { continue }
      if long.hasSuffix("_" + short) || long.hasPrefix(short + "_") { found.append(candidate) }
    }
    return found
  }

  /// A suggestion for the name written at `range`, with the fix-it that applies it, so that no
  /// "did you mean" comes without one. `shown` spells the fix-it's text (`$accept` for a var);
  /// without a range (a command-line option) there is no fix-it.
  public static func suggestion<S: Sequence>(
    for name: String, at range: SourceRange?, in candidates: S, affixes: Bool = false,
    shown: (String) -> String = { $0 }
  ) -> Suggestion? where S.Element == String {
    guard let found = nearest(to: name, in: candidates, affixes: affixes) else { return nil }
    return Suggestion(name: found, shown: shown(found), range: range)
  }

  /// A suggested name: the clause that ends a message and the fix-it that applies it.
  public struct Suggestion: Hashable, Sendable {
    /// The suggested candidate.
    public var name: String
    /// It as the fix-it writes it in the file (`$accept` for the var `accept`).
    public var shown: String
    /// What the fix-it replaces: the misspelt name.
    public var range: SourceRange?

    /// `; did you mean 'x'?`, to end a message (with the bare name: 'accept', not '$accept').
    public var clause: String { "; did you mean '\(name)'?" }

    /// `use 'x'` in place of the misspelt name, when it has a place in the file.
    public var fixIts: [FixIt] {
      range.map { [FixIt("use '\(shown)'", range: $0, replacement: shown)] } ?? []
    }
  }

  private static func nearestTypo<S: Sequence>(to name: String, in candidates: S) -> String?
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
