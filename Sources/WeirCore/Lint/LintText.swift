/// Small helpers that keep lint messages uniform.
enum LintText {
  /// `cat`, `cat and dog`, `cat, dog and bird`.
  static func list(_ items: [String], conjunction: String = "and") -> String {
    switch items.count {
    case 0: return ""
    case 1: return items[0]
    default: return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items.last!
    }
  }

  /// `'a'`, `'a' and 'b'`.
  static func quoted(_ items: [String], conjunction: String = "and") -> String {
    list(items.map { "'\($0)'" }, conjunction: conjunction)
  }

  /// `cat regions`, `cat and dog regions`, `regions of other concepts`.
  static func subject(_ concepts: [String?], noun: String) -> String {
    let named = concepts.compactMap { $0 }
    if named.isEmpty { return "\(noun) of other concepts" }
    let others = concepts.contains { $0 == nil } ? ["other"] : []
    return "\(list(named + others)) \(noun)"
  }

  /// `with confidence in (0.5, 0.95]`, or `with confidence exactly 0.95` for a single point.
  static func withConfidence(_ band: IntervalSet) -> String {
    if let p = band.singlePoint { return "with confidence exactly \(NumberText.format(p))" }
    return "with confidence in \(band)"
  }

  /// `> 0.95`.
  static func threshold(_ comparator: ValueComparator, _ t: Double) -> String {
    "\(comparator.symbol) \(NumberText.format(t))"
  }

  /// Groups items by a key, keeping the order in which keys first appear.
  static func grouped<T, K: Hashable>(_ items: [T], by key: (T) -> K) -> [(key: K, items: [T])] {
    var order: [K] = []
    var groups: [K: [T]] = [:]
    for item in items {
      let k = key(item)
      if groups[k] == nil { order.append(k) }
      groups[k, default: []].append(item)
    }
    return order.map { ($0, groups[$0]!) }
  }
}
