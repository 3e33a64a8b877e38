/// How the box post-processing operators (`non-max-suppression`, `top-k-regions`) rank a region:
/// by its most confident concept (the region's own `value` when it holds none), and which class
/// that concept makes it for per-class suppression.
enum RegionScore {
  /// The highest concept confidence; a tie keeps the concept listed first.
  static func top(_ region: Region) -> (score: Double, concept: String?) {
    var best: Concept?
    for c in region.concepts where best == nil || c.value > (best?.value ?? 0) { best = c }
    guard let best else { return (region.value ?? 0, nil) }
    return (best.value, best.id)
  }

  /// Indices of `regions` from the highest score down; equal scores keep their order in the data.
  static func ranked(_ regions: [Region]) -> [Int] {
    let scores = regions.map { top($0).score }
    return regions.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
  }
}

extension OperatorParamReader {
  /// A yes/no parameter (`true`, `false`, or those words as text).
  func flag(_ name: String) throws(OperatorConfigError) -> Sourced<Bool>? {
    guard let p = value(name) else { return nil }
    switch p.value {
    case .null: return nil
    case .bool(let b): return Sourced(b, p.range)
    case .string("true"): return Sourced(true, p.range)
    case .string("false"): return Sourced(false, p.range)
    case let v:
      try reject(OperatorConfigError("parameter '\(name)' must be true or false, not \(v.kindName)"))
    }
    return nil
  }
}
