import WeirCore

extension RunSummary {
  /// The summary as `weir run` prints it: a headline, a table per writer and per concept (one
  /// column per status present), and the failed inputs with their node and error.
  public func render() -> String {
    let failed = inputsFailed == 0 ? "" : ", \(inputsFailed) failed"
    var out =
      "run \(runId) (\(workflowId), \(status.rawValue)): \(inputs) inputs\(failed), \(annotations) annotations\n"
    let statuses = Array(Set(writers.map(\.status))).sorted()
    if !statuses.isEmpty {
      out += "\n" + table(writers, title: "writer", statuses: statuses)
      out += "\n" + table(concepts, title: "concept", statuses: statuses)
    }
    if !counters.isEmpty {
      var table = TextTable(header: ["counter", "inputs", "objects"], numeric: [1, 2])
      for c in counters { table.rows.append([c.nodeId, String(c.inputs), String(c.objects)]) }
      out += "\n" + table.render()
    }
    if !failures.isEmpty {
      out += "\nfailed inputs\n"
      for f in failures {
        out +=
          "  " + VisibleText.escaped("\(f.inputId)\(f.node.map { " at \($0)" } ?? ""): \(f.message)") + "\n"
      }
    }
    return out
  }

  private func table(_ counts: [Count], title: String, statuses: [Int]) -> String {
    let names = statuses.map { AnnotationStatus(rawValue: $0)?.name ?? String($0) }
    var table = TextTable(header: [title] + names + ["total"], numeric: Set(1...(statuses.count + 1)))
    let keys = Array(Set(counts.map(\.key))).sorted()
    for key in keys {
      let mine = counts.filter { $0.key == key }
      let cells = statuses.map { s in String(mine.first { $0.status == s }?.count ?? 0) }
      table.rows.append([key] + cells + [String(mine.reduce(0) { $0 + $1.count })])
    }
    return table.render()
  }
}
