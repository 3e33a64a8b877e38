import Testing

@testable import WeirCore

/// Issue 12, item 13: lint on big graphs (figures: scripts/bench-scaling.sh lint). The new code paths
/// must find exactly what the old ones found.
@Suite struct LintScalingTests {
  /// A small deterministic generator (xorshift), so a failure can be replayed.
  struct Random {
    var state: UInt64
    mutating func next(_ n: Int) -> Int {
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      return Int(state % UInt64(n))
    }
  }

  /// Every pair that loses exactly one confidence of some concept, by trying all pairs.
  func bruteForcePairs(_ splitters: [BandNode], _ context: LintContext) -> [(Int, Int)] {
    let arriving = context.bands.incoming(splitters[0].id.value)
    var out: [(Int, Int)] = []
    for i in splitters.indices {
      for j in splitters.indices where j > i {
        let (a, b) = (splitters[i], splitters[j])
        let ca = a.thresholder!.comparator!.value
        let cb = b.thresholder!.comparator!.value
        let entriesA = context.appliedThresholds(a)
        let loses = context.appliedThresholds(b).contains { entry in
          guard let ta = entriesA.first(where: { $0.concept == entry.concept })?.value.value else {
            return false
          }
          let band = context.band(arriving, entry.concept)
          let keptA = band.intersection(IntervalSet(ca, ta))
          let keptB = band.intersection(IntervalSet(cb, entry.value.value))
          return !keptA.isEmpty && !keptB.isEmpty && band.subtracting(keptA.union(keptB)).singlePoint != nil
        }
        if loses { out.append((i, j)) }
      }
    }
    return out
  }

  @Test(arguments: 1...300)
  func splitPairsFindEveryPairThatTryingAllPairsFinds(seed: Int) {
    var random = Random(state: UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 | 1)
    let comparators = ValueComparator.allCases
    let values = [0.2, 0.3, 0.5, 0.7, 0.9]
    var b = GraphBuilder()
    b.model("detect")
    // A first thresholder shapes what reaches the siblings (a half-line, a point, or everything).
    let shaping = random.next(3)
    if shaping < 2 {
      b.threshold(
        "pre", ["detect"], comparators[random.next(5)], ["cat": values[random.next(5)], "dog": 0.5])
    }
    let input = shaping < 2 ? "pre" : "detect"
    let count = 2 + random.next(7)
    for i in 0..<count {
      let cmp = comparators[random.next(5)]
      let (v1, v2) = (values[random.next(5)], values[random.next(5)])
      switch random.next(3) {
      case 0: b.threshold("t\(i)", [input], cmp, ["cat": v1])
      case 1: b.threshold("t\(i)", [input], cmp, ["cat": v1, "dog": v2])
      default: b.threshold("t\(i)", [input], cmp, ["dog": v2], fallback: v1)
      }
    }
    let context = LintContext(graph: b.graph)
    let splitters = b.graph.nodes.filter { $0.inputs.map(\.value) == [input] }
    let found = SplitPairs.candidates(splitters, context)
    let expected = bruteForcePairs(splitters, context)
    let missing = expected.filter { e in !found.contains { $0 == e } }
    #expect(missing.isEmpty, "seed \(seed): pairs \(missing) lose one point but were not found")
  }

  @Test func aThousandWayFanOutReportsEachNonComplementaryPairOnce() {
    var b = GraphBuilder()
    b.model("detect")
    for i in 0..<500 {
      b.threshold("up\(i)", ["detect"], .greaterThan, ["cat": 0.1 + Double(i % 9) / 10])
      b.threshold("down\(i)", ["detect"], .lessThan, ["cat": 0.1 + Double((i + 4) % 9) / 10])
    }
    let findings = NonComplementarySplitRule().check(LintContext(graph: b.graph))
    // For each of the 9 thresholds, 55-56 '>' and 55-56 '<' siblings split at it.
    var expected = 0
    for t in 0..<9 {
      let up = (0..<500).filter { $0 % 9 == t }.count
      let down = (0..<500).filter { ($0 + 4) % 9 == t }.count
      expected += up * down
    }
    #expect(findings.count == expected)
    #expect(findings.allSatisfy { $0.message.contains("with confidence exactly") })
  }

  @Test func nodeLookupsAndReadersFollowChangesToTheNodes() {
    var b = GraphBuilder()
    b.model("detect")
    b.threshold("a", ["detect"], .greaterThan, ["cat": 0.5])
    b.threshold("b", ["detect", "a", "detect"], .greaterThan, ["cat": 0.5])
    var graph = b.graph
    #expect(graph.node("b")?.inputs.count == 3)
    #expect(graph.consumers(of: "detect").map(\.id.value) == ["a", "b"])
    #expect(graph.consumers(of: "a").map(\.id.value) == ["b"])
    #expect(graph.node("nope") == nil)
    graph.nodes.removeFirst()
    #expect(graph.node("detect") == nil)
    #expect(graph.consumers(of: "detect").map(\.id.value) == ["a", "b"])
    #expect(graph.position(of: "b") == 1)
  }
}
