/// The pairs of sibling thresholders (same inputs) that may leave exactly one confidence of some
/// concept to neither branch: what `non-complementary-split` checks, found without trying every pair.
///
/// For a concept arriving in `band`, thresholder `s` keeps `band ∩ H(s)` (a half-line `> t`, `>= t`,
/// `< t`, `<= t`, or the point `= t`) and lets `band ∩ G(s)` through to neither of its outputs, `G` the
/// complement of `H`. A pair loses `band ∩ G(a) ∩ G(b)`, and the rule looks for pairs where that is a
/// single point. The `G`s of two `>`/`>=` thresholders are nested, so their pair loses what the smaller
/// one loses alone: the pairs are those of a thresholder that alone loses one point with every wider one.
/// The same holds for two `<`/`<=`. For a `>`/`>=` thresholder and the `<`/`<=` ones sorted by how much
/// they let through, what the pair loses only shrinks along the order, so the pairs losing exactly one
/// point are a run found by binary search. `=` thresholders are paired with every other. A fan-out of
/// thousands of thresholders costs `n log n` interval operations, plus one check per pair found.
struct SplitPairs {
  /// One thresholder's threshold for the concept, with what it lets through to neither branch.
  private struct Side {
    var index: Int
    var comparator: ValueComparator
    var value: Double
    var gap: IntervalSet
  }

  /// Pairs `(i, j)`, `i < j`, of positions in `splitters`, sorted.
  static func candidates(_ splitters: [BandNode], _ context: LintContext) -> [(Int, Int)] {
    guard splitters.count > 1, let first = splitters.first else { return [] }
    let arriving = context.bands.incoming(first.id.value)
    var perConcept: [String?: [Side]] = [:]
    var order: [String?] = []
    for (i, node) in splitters.enumerated() {
      guard let comparator = node.thresholder?.comparator?.value else { continue }
      for entry in context.appliedThresholds(node) {
        let band = context.band(arriving, entry.concept)
        let kept = IntervalSet(comparator, entry.value.value)
        guard !band.intersection(kept).isEmpty else { continue }
        if perConcept[entry.concept] == nil { order.append(entry.concept) }
        perConcept[entry.concept, default: []].append(
          Side(index: i, comparator: comparator, value: entry.value.value, gap: band.subtracting(kept)))
      }
    }
    var pairs = Set<Pair>()
    for concept in order { pairs.formUnion(Self.pairs(perConcept[concept] ?? [])) }
    return pairs.map { ($0.a, $0.b) }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
  }

  private struct Pair: Hashable {
    var a: Int
    var b: Int
    init(_ x: Int, _ y: Int) { (a, b) = x < y ? (x, y) : (y, x) }
  }

  private static func pairs(_ sides: [Side]) -> Set<Pair> {
    // Above: `>`/`>=`, losing [0, t] or [0, t); sorted so each loses no more than the next.
    let above = sides.filter { $0.comparator == .greaterThan || $0.comparator == .greaterThanOrEqual }
      .sorted {
        ($0.value, $0.comparator == .greaterThan ? 1 : 0) < ($1.value, $1.comparator == .greaterThan ? 1 : 0)
      }
    // Below: `<`/`<=`, losing [t, 1] or (t, 1]; sorted so each loses no more than the next.
    let below = sides.filter { $0.comparator == .lessThan || $0.comparator == .lessThanOrEqual }
      .sorted {
        ($0.value, $0.comparator == .lessThanOrEqual ? 1 : 0) > (
          $1.value, $1.comparator == .lessThanOrEqual ? 1 : 0
        )
      }
    var out = Set<Pair>()
    for run in [above, below] {
      for (k, side) in run.enumerated() where side.gap.singlePoint != nil {
        for wider in run[(k + 1)...] { out.insert(Pair(side.index, wider.index)) }
      }
    }
    // `below` from most to least let through, the order in which what a pair loses shrinks.
    let shrinking = Array(below.reversed())
    for a in above {
      let lost = { (k: Int) -> Int in Self.size(a.gap.intersection(shrinking[k].gap)) }
      let start = firstIndex(in: shrinking.count) { lost($0) <= 1 }
      let end = firstIndex(in: shrinking.count) { lost($0) == 0 }
      for k in start..<max(start, end) where lost(k) == 1 { out.insert(Pair(a.index, shrinking[k].index)) }
    }
    for e in sides where e.comparator == .equal {
      for other in sides where other.index != e.index { out.insert(Pair(e.index, other.index)) }
    }
    return out
  }

  /// 0 for empty, 1 for a single point, 2 for more.
  private static func size(_ set: IntervalSet) -> Int {
    set.isEmpty ? 0 : set.singlePoint != nil ? 1 : 2
  }

  /// The first `k` in `0..<count` for which `holds` is true, `holds` being false then true along it.
  private static func firstIndex(in count: Int, where holds: (Int) -> Bool) -> Int {
    var lo = 0
    var hi = count
    while lo < hi {
      let mid = (lo + hi) / 2
      if holds(mid) { hi = mid } else { lo = mid + 1 }
    }
    return lo
  }
}
