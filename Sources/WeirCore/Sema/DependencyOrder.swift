/// Kahn's algorithm over a graph's nodes, numbered by their place in the file: each node comes
/// after the nodes it reads. Nodes on a cycle, and the nodes after them, are left out (the graph
/// rules report the cycle), as are nodes the caller leaves out.
///
/// The checker, the band analysis and the planner all order nodes with it, so they agree on what
/// "dependency order" means; they differ only in the `ties` they ask for.
enum DependencyOrder {
  /// Which of the nodes that are ready (everything they read is placed) goes next.
  enum Ties {
    /// The one that became ready first: the nodes reading nothing, in source order, then each
    /// node as soon as its last input is placed (the checker's and the band analysis's order).
    case firstReady
    /// The earliest in the file, so a plan reads the way the file does (`weir plan`).
    case sourceOrder
  }

  /// `reads[i]` holds the nodes node `i` reads (repeats are fine); `nil` leaves node `i` out.
  static func of(_ reads: [[Int]?], ties: Ties = .firstReady) -> [Int] {
    var readers = [[Int]](repeating: [], count: reads.count)
    var waiting = [Int](repeating: 0, count: reads.count)
    for (i, inputs) in reads.enumerated() {
      for j in Set(inputs ?? []) {
        readers[j].append(i)
        waiting[i] += 1
      }
    }
    let start = reads.indices.filter { reads[$0] != nil && waiting[$0] == 0 }
    switch ties {
    case .firstReady:
      var queue = start
      var head = 0
      while head < queue.count {
        let j = queue[head]
        head += 1
        for i in readers[j] {
          waiting[i] -= 1
          if waiting[i] == 0 { queue.append(i) }
        }
      }
      return queue
    case .sourceOrder:
      var ready = Set(start)
      var order: [Int] = []
      while let j = ready.min() {
        ready.remove(j)
        order.append(j)
        for i in readers[j] {
          waiting[i] -= 1
          if waiting[i] == 0 { ready.insert(i) }
        }
      }
      return order
    }
  }
}
