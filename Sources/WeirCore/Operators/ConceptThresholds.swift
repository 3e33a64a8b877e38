/// Per-concept thresholds of a thresholder, with the comparator that applies them.
///
/// A concept is matched by id first, then by name: Clarifai keys thresholds by concept id, but a
/// workflow usually names concepts (`cat`) while a public model reports ids (`ai_b1b1b1b1`) with
/// the name beside them. A concept with no threshold of its own takes `defaultThreshold` (weir's
/// `default_threshold`); with neither it does not pass (Documentation/Runtime.md, "Thresholds"): a
/// thresholder lets through only what it was told about.
public struct ConceptThresholds: Sendable, Hashable {
  public var comparator: ValueComparator
  /// Concept keys and thresholds in the order written.
  public private(set) var entries: [(key: String, threshold: Double)]
  /// The threshold of concepts `entries` does not name; `nil` removes them.
  public var defaultThreshold: Double?

  public init(
    comparator: ValueComparator, thresholds: [(key: String, threshold: Double)],
    defaultThreshold: Double? = nil
  ) {
    self.comparator = comparator
    self.entries = thresholds
    self.defaultThreshold = defaultThreshold
  }

  /// The threshold that applies to a concept, if any. A linear scan: workflows set a handful of
  /// concepts, and comparing short strings beats hashing them.
  @inline(__always)
  public func threshold(for concept: Concept) -> Double? {
    for e in entries where e.key == concept.id { return e.threshold }
    for e in entries where e.key == concept.name { return e.threshold }
    return defaultThreshold
  }

  /// Whether a concept passes: it has a threshold and its value compares true against it.
  @inline(__always)
  public func passes(_ concept: Concept) -> Bool {
    guard let t = threshold(for: concept) else { return false }
    return comparator.passes(concept.value, threshold: t)
  }

  /// Filters a concept list. Returns `nil` when every concept passes, so the caller can keep the
  /// original array (no allocation on the common path).
  @inline(__always)
  func filter(_ concepts: [Concept]) -> [Concept]? {
    // Detectors mostly give one concept per region: keep or drop, no array work.
    if concepts.count == 1 { return passes(concepts[0]) ? nil : [] }
    var firstFail = -1
    for i in concepts.indices where !passes(concepts[i]) {
      firstFail = i
      break
    }
    if firstFail < 0 { return nil }
    var kept = [Concept]()
    kept.reserveCapacity(concepts.count - 1)
    kept.append(contentsOf: concepts[..<firstFail])
    for c in concepts[(firstFail + 1)...] where passes(c) { kept.append(c) }
    return kept
  }

  public static func == (a: Self, b: Self) -> Bool {
    a.comparator == b.comparator && a.defaultThreshold == b.defaultThreshold
      && a.entries.elementsEqual(b.entries) { $0 == $1 }
  }

  public func hash(into h: inout Hasher) {
    h.combine(comparator)
    h.combine(defaultThreshold)
    for e in entries {
      h.combine(e.key)
      h.combine(e.threshold)
    }
  }
}

extension ThresholdDescriptor {
  /// A thresholder's parameters: `concept_threshold_type`, `concepts` and `default_threshold`.
  public init(reading p: some OperatorParamReader, scope: Scope) throws(OperatorConfigError) {
    self.init(
      scope: scope, comparator: try p.comparator("concept_threshold_type"),
      thresholds: try p.thresholdEntries("concepts"), defaultThreshold: try p.number("default_threshold"))
  }
}
