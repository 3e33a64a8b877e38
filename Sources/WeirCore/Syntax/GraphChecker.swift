/// Checks the shape of the node graph, the same way for both dialects: duplicate node ids, inputs
/// that name no node, cycles (reported with their path), and, in the Clarifai dialect, inputs
/// that name a node defined later (clarifai-python's `create_workflow` rejects those).
///
/// Linear in nodes plus edges: ids are looked up in a dictionary and cycles are found as strongly
/// connected components (Tarjan's algorithm, without recursion so deep chains cannot overflow
/// the stack).
public enum GraphChecker {
  /// Unknown inputs beyond this many get no "did you mean" (each costs a pass over all ids).
  static let maxSuggestions = 50

  public static func check(_ workflow: Workflow) -> [Diagnostic] {
    var graph = Graph(workflow)
    graph.findCycles()
    if workflow.dialect == .clarifai { graph.checkForwardReferences() }
    return graph.diagnostics
  }
}

/// The node graph: node indices (first definitions only) and data-flow edges between them.
private struct Graph {
  /// An edge `from → to`: node `to` reads node `from`, named at `range` in `to`'s inputs.
  struct Edge {
    var from: Int
    var to: Int
    var range: SourceRange
  }

  let nodes: [WorkflowNode]
  var index: [String: Int] = [:]
  /// Outgoing edges of each node (to the nodes that read it).
  var successors: [[Edge]]
  /// Strongly connected component of each node, once `findCycles` ran.
  var component: [Int]
  var diagnostics: [Diagnostic] = []

  init(_ workflow: Workflow) {
    nodes = workflow.nodes
    successors = Array(repeating: [], count: nodes.count)
    component = Array(repeating: -1, count: nodes.count)
    indexNodes()
    connectInputs()
  }

  private mutating func indexNodes() {
    for (i, node) in nodes.enumerated() {
      if let first = index[node.id.value] {
        diagnostics.append(
          .error(
            "graph.duplicate-node", "duplicate node id '\(node.id.value)'", at: node.id.range,
            notes: [Note("'\(node.id.value)' is first defined here", at: nodes[first].id.range)]))
      } else {
        index[node.id.value] = i
      }
    }
  }

  private mutating func connectInputs() {
    var unknown = 0
    for (i, node) in nodes.enumerated() {
      // A duplicate node's inputs are checked, but only first definitions make edges.
      let isFirst = index[node.id.value] == i
      // A node reads a few inputs: an earlier one is found by comparing in place, and only a long
      // list gets a dictionary.
      let few = node.inputs.count <= 16
      var seen: [String: SourceRange] = [:]
      for (j, input) in node.inputs.enumerated() {
        let first =
          few ? node.inputs[..<j].first(where: { $0.value == input.value })?.range : seen[input.value]
        if let first {
          diagnostics.append(
            .warning(
              "graph.duplicate-input", "node '\(node.id.value)' reads '\(input.value)' twice",
              at: input.range,
              notes: [Note("first named here", at: first)]))
          continue
        }
        if !few { seen[input.value] = input.range }
        guard let from = index[input.value] else {
          unknown += 1
          reportUnknown(input, in: node, suggest: unknown <= GraphChecker.maxSuggestions)
          continue
        }
        if isFirst { successors[from].append(Edge(from: from, to: i, range: input.range)) }
      }
    }
  }

  private mutating func reportUnknown(_ input: Located<String>, in node: WorkflowNode, suggest: Bool) {
    var notes: [Note] = []
    if index.count <= 10 {
      notes.append(Note("nodes: \(nodes.map { $0.id.value }.joined(separator: ", "))"))
    }
    let message = "node '\(node.id.value)' reads '\(input.value)', which is not a node in this workflow"
    let others = nodes.lazy.map { $0.id.value }.filter { $0 != node.id.value }
    let suggestion = suggest ? DidYouMean.suggestion(for: input.value, at: input.range, in: others) : nil
    diagnostics.append(
      .error(
        "graph.unknown-input", message + (suggestion?.clause ?? ""), at: input.range, notes: notes,
        fixIts: suggestion?.fixIts ?? []))
  }

  /// In the Clarifai dialect, an input must name an earlier node; later is a warning when the
  /// edge is not part of a cycle (cycles are errors already).
  mutating func checkForwardReferences() {
    for edges in successors {
      for edge in edges where edge.from > edge.to && component[edge.from] != component[edge.to] {
        let reader = nodes[edge.to].id.value
        let later = nodes[edge.from].id.value
        diagnostics.append(
          .warning(
            "graph.forward-reference",
            "node '\(reader)' reads '\(later)', which is defined after it; clarifai-python's create_workflow rejects that",
            at: edge.range,
            notes: [
              Note("move '\(later)' above '\(reader)' to stay compatible", at: nodes[edge.from].id.range)
            ]))
      }
    }
  }
}

extension Graph {
  /// Marks strongly connected components and reports one cycle for each that has one.
  mutating func findCycles() {
    let components = stronglyConnectedComponents()
    for (c, members) in components.enumerated() {
      for m in members { component[m] = c }
    }
    for members in components {
      let start = members.min()!
      let isCycle = members.count > 1 || successors[start].contains { $0.to == start }
      if isCycle { reportCycle(from: start) }
    }
  }

  /// Tarjan's algorithm with an explicit stack.
  private func stronglyConnectedComponents() -> [[Int]] {
    let n = nodes.count
    var order = Array(repeating: -1, count: n)
    var low = Array(repeating: 0, count: n)
    var onStack = Array(repeating: false, count: n)
    var stack: [Int] = []
    var components: [[Int]] = []
    var counter = 0
    for root in 0..<n where order[root] == -1 {
      var work: [(node: Int, edge: Int)] = [(root, 0)]
      order[root] = counter; low[root] = counter; counter += 1
      stack.append(root); onStack[root] = true
      while let (v, e) = work.last {
        if e < successors[v].count {
          work[work.count - 1].edge += 1
          let w = successors[v][e].to
          if order[w] == -1 {
            order[w] = counter; low[w] = counter; counter += 1
            stack.append(w); onStack[w] = true
            work.append((w, 0))
          } else if onStack[w] {
            low[v] = min(low[v], order[w])
          }
          continue
        }
        work.removeLast()
        if let parent = work.last?.node { low[parent] = min(low[parent], low[v]) }
        if low[v] == order[v] {
          var members: [Int] = []
          while let w = stack.popLast() {
            onStack[w] = false
            members.append(w)
            if w == v { break }
          }
          components.append(members)
        }
      }
    }
    return components
  }

  /// Finds the shortest path from `start` back to itself inside its component (breadth first)
  /// and reports it as `'a' -> 'b' -> 'a'`, at the input of `start` that closes it.
  private mutating func reportCycle(from start: Int) {
    let c = component[start]
    var via: [Int: Edge] = [:]
    var queue = [start]
    var head = 0
    var closing: Edge?
    search: while head < queue.count {
      let v = queue[head]
      head += 1
      for edge in successors[v] where component[edge.to] == c {
        if edge.to == start {
          closing = edge
          break search
        }
        if via[edge.to] == nil {
          via[edge.to] = edge
          queue.append(edge.to)
        }
      }
    }
    guard let closing else { return }
    var path = [closing]
    var v = closing.from
    while v != start, let edge = via[v] {
      path.append(edge)
      v = edge.from
    }
    path.reverse()
    let names = [start] + path.map(\.to)
    let shown = names.map { "'\(nodes[$0].id.value)'" }.joined(separator: " -> ")
    let notes = path.dropLast().map {
      Note("'\(nodes[$0.to].id.value)' reads '\(nodes[$0.from].id.value)' here", at: $0.range)
    }
    let message =
      path.count == 1
      ? "node '\(nodes[start].id.value)' reads its own output: \(shown)"
      : "the graph has a cycle: \(shown)"
    diagnostics.append(.error("graph.cycle", message, at: closing.range, notes: notes))
  }
}
