import WeirCore

extension SweepResult {
  /// Width of the chart column.
  static let barWidth = 30

  /// The table and chart `sweep` prints.
  public var text: String {
    var lines = [
      "sweep \(target) over \(ReplFormat.plural(points.count, "value")) · \(ReplFormat.plural(predictions, "prediction")) on "
        + "\(ReplFormat.plural(inputs, "input")) · \(ReplFormat.duration(elapsed))"
    ]
    var header = [target, "accepted", "review", "dropped"]
    if hasTruth { header += ["precision", "recall", "in review", "missed"] }
    header.append("")
    var table = ReplTextTable(header, rightAligned: Set(0..<(header.count - 1)))
    let current = nearestToCurrent
    for (i, p) in points.enumerated() {
      var row = [
        (i == current ? "▸ " : "") + ReplFormat.value(p.value), "\(p.accepted)", "\(p.review)",
        "\(p.dropped)",
      ]
      if hasTruth {
        let t = p.truth
        row += [
          ReplFormat.percent(t?.precision), ReplFormat.percent(t?.recall),
          ReplFormat.percent(t.flatMap { $0.share($0.objectsInReview) }),
          ReplFormat.percent(t.flatMap { $0.share($0.objectsMissed) }),
        ]
      }
      row.append(TerminalChart.stackedBar([p.accepted, p.review, p.dropped], width: Self.barWidth))
      table.add(row)
    }
    lines.append(table.render())
    var legend = "  " + TerminalChart.legend
    if current != nil, let v = currentValue { legend += "   ▸ current value (\(ReplFormat.value(v)))" }
    lines.append(legend)
    if let iou, hasTruth {
      lines.append(
        "  precision and recall of accepted predictions; true objects matched at IoU >= \(ReplFormat.value(iou))"
      )
    }
    return lines.joined(separator: "\n")
  }

  /// The row whose value equals the current one (within rounding), if any.
  var nearestToCurrent: Int? {
    guard let v = currentValue else { return nil }
    return points.firstIndex { abs($0.value - v) <= 1e-9 * max(1, abs(v)) }
  }
}
