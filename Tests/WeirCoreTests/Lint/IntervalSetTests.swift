import Testing

@testable import WeirCore

@Suite struct IntervalSetTests {
  @Test(arguments: [
    (ValueComparator.greaterThan, 0.95, "(0.95, 1]"),
    (.greaterThanOrEqual, 0.95, "[0.95, 1]"),
    (.lessThan, 0.5, "[0, 0.5)"),
    (.lessThanOrEqual, 0.5, "[0, 0.5]"),
    (.equal, 0.5, "{0.5}"),
    (.greaterThan, 1, "∅"),
    (.greaterThanOrEqual, 1, "{1}"),
    (.greaterThanOrEqual, 0, "[0, 1]"),
    (.lessThan, 0, "∅"),
    (.lessThanOrEqual, 0, "{0}"),
    (.lessThan, 1.5, "[0, 1]"),
    (.equal, 2, "∅"),
  ])
  func comparatorBands(comparator: ValueComparator, threshold: Double, expected: String) {
    #expect(IntervalSet(comparator, threshold).description == expected)
  }

  @Test func referenceWorkflowBands() {
    let sure = IntervalSet(.greaterThan, 0.95)
    let review = IntervalSet(.lessThanOrEqual, 0.95).intersection(IntervalSet(.greaterThan, 0.5))
    #expect(review.description == "(0.5, 0.95]")
    #expect(!sure.overlaps(review))
    #expect(sure.union(review).description == "(0.5, 1]")
    #expect(sure.union(review).complement.description == "[0, 0.5]")
  }

  @Test func offByOneAtASharedThreshold() {
    let overlap = IntervalSet(.greaterThanOrEqual, 0.95).intersection(IntervalSet(.lessThanOrEqual, 0.95))
    #expect(overlap == .point(0.95))
    #expect(overlap.singlePoint == 0.95)
    let gap = IntervalSet(.greaterThan, 0.95).union(IntervalSet(.lessThan, 0.95)).complement
    #expect(gap.description == "{0.95}")
    #expect(
      IntervalSet(.greaterThan, 0.95).union(IntervalSet(.lessThan, 0.95)).description
        == "[0, 0.95) ∪ (0.95, 1]")
  }

  @Test func unionsMergeTouchingEndsOnlyWhenOneIsClosed() {
    #expect(IntervalSet(.lessThan, 0.5).union(IntervalSet(.greaterThanOrEqual, 0.5)) == .unit)
    #expect(IntervalSet(.lessThan, 0.5).union(IntervalSet(.greaterThan, 0.5)).intervals.count == 2)
    #expect(IntervalSet.point(0.5).union(IntervalSet(.lessThan, 0.5)).description == "[0, 0.5]")
    let three = IntervalSet.point(0.2).union(.point(0.8)).union(.point(0.5))
    #expect(three.description == "{0.2} ∪ {0.5} ∪ {0.8}")
  }

  @Test func emptyAndUnit() {
    #expect(IntervalSet.empty.isEmpty)
    #expect(IntervalSet.empty.complement == .unit)
    #expect(IntervalSet.unit.complement == .empty)
    #expect(IntervalSet.unit.isUnit)
    #expect(IntervalSet.empty.description == "∅")
    #expect(
      IntervalSet([ConfidenceInterval(lower: 0.5, lowerClosed: false, upper: 0.5, upperClosed: true)]).isEmpty
    )
    #expect(IntervalSet([.closed(0.7, 0.3)]).isEmpty)
    #expect(IntervalSet([.closed(-1, 2)]) == .unit)
    #expect(IntervalSet([.closed(.nan, 1)]).isEmpty)
  }

  @Test func subsetsAndBounds() {
    let band = IntervalSet(.greaterThan, 0.9)
    #expect(band.isSubset(of: IntervalSet(.greaterThan, 0.5)))
    #expect(!IntervalSet(.greaterThan, 0.5).isSubset(of: band))
    #expect(band.supremum! == (1, true))
    #expect(band.infimum! == (0.9, false))
    #expect(IntervalSet.empty.supremum == nil)
  }

  @Test func numbersFormatShortest() {
    #expect(NumberText.format(0) == "0")
    #expect(NumberText.format(1) == "1")
    #expect(NumberText.format(0.95) == "0.95")
    #expect(NumberText.format(0.1 + 0.2) == "0.30000000000000004")
  }

  /// Random comparator chains, unions and complements against brute force: for sampled confidences,
  /// including every threshold itself and its neighbours, membership in the set must equal what
  /// applying the comparators one by one says.
  @Test func agreesWithBruteForceSampling() {
    var rng = SplitMix64(seed: 0x5eed)
    let thresholds = [0, 0.1, 0.25, 0.5, 0.5, 0.75, 0.9, 0.95, 1]
    for _ in 0..<2_000 {
      let formula = Formula.random(&rng, thresholds: thresholds, depth: 3)
      let set = formula.set
      var samples = thresholds.flatMap { [$0, $0.nextUp, $0.nextDown] } + [-0.1, 1.1]
      samples += (0..<20).map { _ in Double(rng.next() % 10_001) / 10_000 }
      for x in samples {
        let expected = (0...1).contains(x) && formula.contains(x)
        #expect(set.contains(x) == expected, "\(formula) at \(x): set \(set)")
      }
      #expect(set == IntervalSet(set.intervals), "normal form is stable")
    }
  }
}

/// A random set expression and its meaning by brute force.
indirect enum Formula: CustomStringConvertible {
  case threshold(ValueComparator, Double)
  case and(Formula, Formula)
  case or(Formula, Formula)
  case not(Formula)

  static func random(_ rng: inout SplitMix64, thresholds: [Double], depth: Int) -> Formula {
    let pick = depth == 0 ? 0 : rng.next() % 5
    switch pick {
    case 0, 1:
      let c = ValueComparator.allCases[Int(rng.next() % 5)]
      return .threshold(c, thresholds[Int(rng.next() % UInt64(thresholds.count))])
    case 2:
      return .and(
        random(&rng, thresholds: thresholds, depth: depth - 1),
        random(&rng, thresholds: thresholds, depth: depth - 1))
    case 3:
      return .or(
        random(&rng, thresholds: thresholds, depth: depth - 1),
        random(&rng, thresholds: thresholds, depth: depth - 1))
    default: return .not(random(&rng, thresholds: thresholds, depth: depth - 1))
    }
  }

  var set: IntervalSet {
    switch self {
    case .threshold(let c, let t): return IntervalSet(c, t)
    case .and(let a, let b): return a.set.intersection(b.set)
    case .or(let a, let b): return a.set.union(b.set)
    case .not(let a): return a.set.complement
    }
  }

  func contains(_ x: Double) -> Bool {
    switch self {
    case .threshold(let c, let t): return c.passes(x, threshold: t)
    case .and(let a, let b): return a.contains(x) && b.contains(x)
    case .or(let a, let b): return a.contains(x) || b.contains(x)
    case .not(let a): return !a.contains(x)
    }
  }

  var description: String {
    switch self {
    case .threshold(let c, let t): return "\(c.symbol) \(t)"
    case .and(let a, let b): return "(\(a) and \(b))"
    case .or(let a, let b): return "(\(a) or \(b))"
    case .not(let a): return "not \(a)"
    }
  }
}
