/// One interval of confidences with an open or closed end on each side, such as `(0.5, 0.95]`.
///
/// An interval may be empty (`(0.5, 0.5)`); `IntervalSet` never keeps empty ones.
public struct ConfidenceInterval: Hashable, Sendable {
  public var lower: Double
  public var lowerClosed: Bool
  public var upper: Double
  public var upperClosed: Bool

  public init(lower: Double, lowerClosed: Bool, upper: Double, upperClosed: Bool) {
    self.lower = lower
    self.lowerClosed = lowerClosed
    self.upper = upper
    self.upperClosed = upperClosed
  }

  /// `[a, b]`.
  public static func closed(_ a: Double, _ b: Double) -> ConfidenceInterval {
    ConfidenceInterval(lower: a, lowerClosed: true, upper: b, upperClosed: true)
  }

  /// True when no number lies in it (NaN ends make it empty too).
  public var isEmpty: Bool {
    if lower.isNaN || upper.isNaN { return true }
    if lower < upper { return false }
    return !(lower == upper && lowerClosed && upperClosed)
  }

  public func contains(_ x: Double) -> Bool {
    let aboveLower = lowerClosed ? x >= lower : x > lower
    let belowUpper = upperClosed ? x <= upper : x < upper
    return aboveLower && belowUpper
  }

  /// The numbers in both.
  public func intersection(_ other: ConfidenceInterval) -> ConfidenceInterval {
    let (lo, loClosed): (Double, Bool) =
      lower > other.lower
      ? (lower, lowerClosed)
      : other.lower > lower ? (other.lower, other.lowerClosed) : (lower, lowerClosed && other.lowerClosed)
    let (hi, hiClosed): (Double, Bool) =
      upper < other.upper
      ? (upper, upperClosed)
      : other.upper < upper ? (other.upper, other.upperClosed) : (upper, upperClosed && other.upperClosed)
    return ConfidenceInterval(lower: lo, lowerClosed: loClosed, upper: hi, upperClosed: hiClosed)
  }
}

/// A set of confidences: a union of disjoint intervals within [0, 1], kept sorted and merged so that
/// two sets holding the same numbers are equal (Design.md §3, "Refinement by thresholds").
///
/// Thresholders narrow it (`> 0.95` gives `(0.95, 1]`), branches are compared by intersecting
/// it, and what no writer covers is its complement.
public struct IntervalSet: Hashable, Sendable {
  /// Disjoint, non-touching, non-empty intervals in increasing order, all within [0, 1].
  public private(set) var intervals: [ConfidenceInterval]

  /// Normalizes any intervals: clips them to [0, 1], drops empty ones, sorts and merges.
  public init(_ intervals: [ConfidenceInterval]) {
    self.intervals = Self.normalized(intervals)
  }

  /// No confidence at all.
  public static let empty = IntervalSet([])
  /// Every confidence: `[0, 1]`.
  public static let unit = IntervalSet([.closed(0, 1)])

  /// The single confidence `t` (what `EQUAL t` keeps).
  public static func point(_ t: Double) -> IntervalSet { IntervalSet([.closed(t, t)]) }

  /// The confidences a comparator keeps for threshold `t`: `> t` gives `(t, 1]`, `<= t` gives `[0, t]`.
  public init(_ comparator: ValueComparator, _ t: Double) {
    switch comparator {
    case .greaterThan:
      self.init([ConfidenceInterval(lower: t, lowerClosed: false, upper: 1, upperClosed: true)])
    case .greaterThanOrEqual: self.init([.closed(t, 1)])
    case .lessThan: self.init([ConfidenceInterval(lower: 0, lowerClosed: true, upper: t, upperClosed: false)])
    case .lessThanOrEqual: self.init([.closed(0, t)])
    case .equal: self = .point(t)
    }
  }

  public var isEmpty: Bool { intervals.isEmpty }
  /// True when it holds every confidence in [0, 1].
  public var isUnit: Bool { self == .unit }

  /// The one number it holds, when it is a single point.
  public var singlePoint: Double? {
    guard intervals.count == 1, intervals[0].lower == intervals[0].upper else { return nil }
    return intervals[0].lower
  }

  public func contains(_ x: Double) -> Bool { intervals.contains { $0.contains(x) } }

  /// The confidences in both sets.
  public func intersection(_ other: IntervalSet) -> IntervalSet {
    var out: [ConfidenceInterval] = []
    for a in intervals {
      for b in other.intervals {
        let c = a.intersection(b)
        if !c.isEmpty { out.append(c) }
      }
    }
    return IntervalSet(out)
  }

  /// The confidences in either set.
  public func union(_ other: IntervalSet) -> IntervalSet { IntervalSet(intervals + other.intervals) }

  /// The confidences in [0, 1] that are not in this set.
  public var complement: IntervalSet {
    var gaps: [ConfidenceInterval] = []
    var cursor = 0.0
    var cursorClosed = true
    for i in intervals {
      gaps.append(
        ConfidenceInterval(
          lower: cursor, lowerClosed: cursorClosed, upper: i.lower, upperClosed: !i.lowerClosed))
      cursor = i.upper
      cursorClosed = !i.upperClosed
    }
    gaps.append(ConfidenceInterval(lower: cursor, lowerClosed: cursorClosed, upper: 1, upperClosed: true))
    return IntervalSet(gaps)
  }

  /// The confidences in this set and not in `other`.
  public func subtracting(_ other: IntervalSet) -> IntervalSet { intersection(other.complement) }

  public func isSubset(of other: IntervalSet) -> Bool { subtracting(other).isEmpty }

  public func overlaps(_ other: IntervalSet) -> Bool { !intersection(other).isEmpty }

  /// The smallest number it holds or approaches, and whether it holds it; `nil` when empty.
  public var infimum: (value: Double, attained: Bool)? {
    intervals.first.map { ($0.lower, $0.lowerClosed) }
  }

  /// The largest number it holds or approaches, and whether it holds it; `nil` when empty.
  public var supremum: (value: Double, attained: Bool)? {
    intervals.last.map { ($0.upper, $0.upperClosed) }
  }

  /// Clip to [0, 1], drop empties, sort by lower end (closed first), merge overlapping or touching ones.
  private static func normalized(_ raw: [ConfidenceInterval]) -> [ConfidenceInterval] {
    // Most sets are one interval (a threshold's band): no sorting or merging to do.
    if raw.count <= 1 {
      return raw.map { $0.intersection(.closed(0, 1)) }.filter { !$0.isEmpty }
    }
    let clipped = raw.map { $0.intersection(.closed(0, 1)) }.filter { !$0.isEmpty }
    let sorted = clipped.sorted { a, b in
      a.lower != b.lower ? a.lower < b.lower : (a.lowerClosed && !b.lowerClosed)
    }
    var out: [ConfidenceInterval] = []
    for next in sorted {
      guard var last = out.last else {
        out.append(next)
        continue
      }
      // Touching counts as overlapping when the shared end is held by either: [0, 0.5] ∪ (0.5, 1].
      let joins =
        last.upper > next.lower || (last.upper == next.lower && (last.upperClosed || next.lowerClosed))
      guard joins else {
        out.append(next)
        continue
      }
      if next.upper > last.upper {
        last.upper = next.upper
        last.upperClosed = next.upperClosed
      } else if next.upper == last.upper {
        last.upperClosed = last.upperClosed || next.upperClosed
      }
      out[out.count - 1] = last
    }
    return out
  }
}

extension IntervalSet: CustomStringConvertible {
  /// `(0.5, 0.95]`, `[0, 0.5) ∪ (0.5, 1]`, `{0.95}` for a point, `∅` when empty.
  public var description: String {
    guard !intervals.isEmpty else { return "∅" }
    return intervals.map(Self.format).joined(separator: " ∪ ")
  }

  static func format(_ i: ConfidenceInterval) -> String {
    if i.lower == i.upper { return "{\(NumberText.format(i.lower))}" }
    return
      "\(i.lowerClosed ? "[" : "(")\(NumberText.format(i.lower)), \(NumberText.format(i.upper))\(i.upperClosed ? "]" : ")")"
  }
}
