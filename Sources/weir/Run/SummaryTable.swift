import WeirCore

/// The table `weir run` prints at the end, on standard output: a headline, annotations per writer
/// and per concept by status, what happened to each input (``InputOutcomes``), and the inputs that
/// failed with their node and error. Writers come in plan order, concepts by name, inputs in input
/// order; the text is the same on every run of the same inputs (times go to standard error).
enum SummaryTable {
  /// Failed inputs shown with their error; the rest are counted.
  static let failuresShown = 20

  static func render(
    _ tally: RunTally, workflow: String, destination: String, outcomes: InputOutcomes = InputOutcomes(),
    resumedInputs: Int = 0, stored: Bool = true
  ) -> String {
    let failed = tally.failures.isEmpty ? "" : ", \(tally.failures.count) failed"
    var out = "ran '\(workflow)' on \(tally.inputs) input\(tally.inputs == 1 ? "" : "s")\(failed): "
    out += "\(tally.annotations) annotation\(tally.annotations == 1 ? "" : "s") \(destination)\n"
    let statuses = Array(Set(tally.writers.flatMap { $0.byStatus.keys })).sorted()
    if !tally.writers.isEmpty {
      let columns = statuses.isEmpty ? [AnnotationStatus.success.rawValue] : statuses
      out += "\n" + table("writer", tally.writers.map { ($0.nodeId, $0.byStatus) }, columns)
      let concepts = tally.concepts.sorted { $0.concept < $1.concept }
      if !concepts.isEmpty {
        out += "\n" + table("concept", concepts.map { ($0.concept, $0.byStatus) }, columns)
      }
    }
    if !tally.counters.isEmpty {
      let rows = tally.counters.map {
        [VisibleText.escaped($0.nodeId), String($0.inputs), String($0.objects)]
      }
      let all = [["counter", "inputs", "objects"]] + rows
      let widths = (0..<3).map { i in all.map { $0[i].count }.max() ?? 0 }
      out += "\n"
      for row in all {
        out +=
          row.indices.map { i in
            let pad = String(repeating: " ", count: widths[i] - row[i].count)
            return i == 0 ? row[i] + pad : pad + row[i]
          }.joined(separator: "  ") + "\n"
      }
    }
    out += outcomes.render(resumedInputs: resumedInputs)
    if !tally.failures.isEmpty {
      out += "\nfailed inputs\n"
      for f in tally.failures.prefix(failuresShown) {
        let line = "\(f.input.id)\(f.error.node.map { " at \($0)" } ?? ""): \(f.error.message)"
        out += "  \(VisibleText.escaped(line))\n"
      }
      if tally.failures.count > failuresShown {
        let all = stored ? " (the store's inputs table holds every one)" : ""
        out += "  and \(tally.failures.count - failuresShown) more\(all)\n"
      }
    }
    return out
  }

  private static func table(_ title: String, _ rows: [(String, [Int: Int])], _ statuses: [Int]) -> String {
    let header = [title] + statuses.map { AnnotationStatus(rawValue: $0)?.name ?? String($0) } + ["total"]
    let body = rows.map { key, counts in
      [VisibleText.escaped(key)] + statuses.map { String(counts[$0] ?? 0) } + [
        String(counts.values.reduce(0, +))
      ]
    }
    let all = [header] + body
    let widths = header.indices.map { i in all.map { $0[i].count }.max() ?? 0 }
    return all.map { row in
      row.indices.map { i in
        let pad = String(repeating: " ", count: widths[i] - row[i].count)
        return i == 0 ? row[i] + pad : pad + row[i]
      }.joined(separator: "  ")
    }.joined(separator: "\n") + "\n"
  }
}
