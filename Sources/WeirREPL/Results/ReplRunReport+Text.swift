import WeirCore

extension ReplRunReport {
  /// The answer to `run` as the terminal shows it.
  public var text: String {
    var lines = [
      "run \(number) · \(ReplFormat.plural(inputs, "input")) · \(ReplFormat.plural(regions, "region")) · "
        + "\(ReplFormat.plural(predictions, "prediction")) · \(ReplFormat.duration(elapsed))"
    ]
    var table = ReplTextTable(
      ["writer", "status"] + concepts + ["total"], rightAligned: Set(2..<(concepts.count + 3)))
    for writer in writers {
      let cells = concepts.map {
        ReplFormat.count(
          tally.count(writer: writer.node, concept: $0),
          was: previous?.count(writer: writer.node, concept: $0))
      }
      let total = ReplFormat.count(
        tally.total(writer: writer.node), was: previous?.total(writer: writer.node))
      table.add([writer.node, writer.status.name] + cells + [total])
    }
    let dropped = concepts.map {
      ReplFormat.count(tally.count(.dropped, concept: $0), was: previous?.count(.dropped, concept: $0))
    }
    table.add(
      ["(dropped)", ""] + dropped + [ReplFormat.count(tally.total(.dropped), was: previous?.total(.dropped))])
    lines.append(table.render())
    if writers.isEmpty {
      lines.append("  the workflow has no annotation-writer: every prediction is dropped")
    }
    if let truth { lines.append(truthLine(truth)) }
    lines += notes
    return lines.joined(separator: "\n")
  }

  private func truthLine(_ t: TruthScore) -> String {
    var text =
      "  ground truth: precision \(ReplFormat.percent(t.precision)) · recall \(ReplFormat.percent(t.recall)) · "
      + "of \(ReplFormat.plural(t.objects, "true object")): \(ReplFormat.percent(t.share(t.objectsAccepted))) accepted, "
      + "\(ReplFormat.percent(t.share(t.objectsInReview))) in review, \(ReplFormat.percent(t.share(t.objectsMissed))) missed"
    if let p = previousTruth, p != t {
      text +=
        "\n  before: precision \(ReplFormat.percent(p.precision)) · recall \(ReplFormat.percent(p.recall))"
    }
    if t.inputsWithoutTruth > 0 {
      text += "\n  \(ReplFormat.plural(t.inputsWithoutTruth, "input")) not in the ground truth left out"
    }
    return text
  }
}
