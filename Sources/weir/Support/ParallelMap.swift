/// Runs work for many inputs concurrently and gives the results back in input order, so output
/// is the same however the work was scheduled.
enum ParallelMap {
  static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @escaping @Sendable (T) -> R) async
    -> [R]
  {
    await withTaskGroup(of: (Int, R).self) { group in
      for (i, item) in items.enumerated() {
        group.addTask { (i, transform(item)) }
      }
      var results = [R?](repeating: nil, count: items.count)
      for await (i, r) in group { results[i] = r }
      return results.map { $0! }
    }
  }
}
