/// Per concept, the confidences that can reach a point of the graph (Design.md §3).
///
/// Concepts known by name (from the model's declaration, the model catalog, or a threshold that names
/// them) have their own set; every other concept shares `others`. A detector whose concepts are
/// unknown gives `others = [0, 1]`; one that declares `[cat, dog]` gives `cat = dog = [0, 1]` and
/// `others = ∅`.
public struct ConceptBands: Hashable, Sendable {
  /// Sets for concepts tracked by name. A name may map to `∅`: "this concept was removed".
  public private(set) var named: [String: IntervalSet]
  /// The set for every concept not in `named`.
  public private(set) var others: IntervalSet

  public init(named: [String: IntervalSet] = [:], others: IntervalSet = .empty) {
    self.others = others
    // Canonical form, so equal bands compare equal: a name whose set equals `others` adds nothing.
    self.named = named.filter { $0.value != others }
  }

  /// No concept at all (an image, an embedding).
  public static let none = ConceptBands()

  /// What a model gives: every confidence for each concept it predicts (`nil`: concepts unknown).
  public static func predicted(_ concepts: [String]?) -> ConceptBands {
    guard let concepts else { return ConceptBands(others: .unit) }
    return ConceptBands(
      named: Dictionary(concepts.map { ($0, IntervalSet.unit) }, uniquingKeysWith: { a, _ in a }))
  }

  /// The confidences of `concept` that can be here.
  public func band(_ concept: String) -> IntervalSet { named[concept] ?? others }

  /// True when no confidence of any concept can be here.
  public var isEmpty: Bool { others.isEmpty && named.values.allSatisfy(\.isEmpty) }

  /// Concepts tracked by name whose set is not empty, sorted.
  public var presentConcepts: [String] { named.filter { !$0.value.isEmpty }.keys.sorted() }

  /// What either of two inputs can bring (a node reading several nodes).
  public func union(_ other: ConceptBands) -> ConceptBands {
    let names = Set(named.keys).union(other.named.keys)
    return ConceptBands(
      named: Dictionary(uniqueKeysWithValues: names.map { ($0, band($0).union(other.band($0))) }),
      others: others.union(other.others))
  }

  /// What a thresholder lets through (the runtime does the same, concept by concept):
  /// a concept it names keeps the confidences its comparator accepts; a concept it does not name is
  /// removed, unless a `fallback` threshold applies to unnamed concepts.
  public func thresholded(
    by comparator: ValueComparator, thresholds: [String: Double], fallback: Double? = nil
  ) -> ConceptBands {
    let rest = fallback.map { IntervalSet(comparator, $0) } ?? .empty
    var out: [String: IntervalSet] = [:]
    for (concept, band) in named { out[concept] = band.intersection(rest) }
    for (concept, t) in thresholds { out[concept] = band(concept).intersection(IntervalSet(comparator, t)) }
    return ConceptBands(named: out, others: others.intersection(rest))
  }
}
