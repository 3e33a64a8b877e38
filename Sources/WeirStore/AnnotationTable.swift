import Foundation
import WeirCore

/// The table `weir annotations list` prints: one row per annotation, then a count line.
public enum AnnotationTable {
  /// `total` is how many the filter takes without its limit; when more than shown, the last line says so.
  public static func render(_ annotations: [StoredAnnotation], total: Int) -> String {
    var table = TextTable(
      header: [
        "input", "region", "concept", "confidence", "status", "box (top,left,bottom,right)", "node", "task",
        "run",
      ],
      numeric: [3])
    for a in annotations {
      let r = a.record
      let box = r.box.map { b in
        [b.topRow, b.leftCol, b.bottomRow, b.rightCol].map { String(format: "%.3f", $0) }.joined(
          separator: ",")
      }
      table.rows.append([
        r.inputId, r.regionId.isEmpty ? "-" : r.regionId, r.conceptName, String(format: "%.3f", r.confidence),
        AnnotationStatus(rawValue: r.status)?.name ?? String(r.status), box ?? "-", r.nodeId, r.taskId ?? "-",
        a.runId,
      ])
    }
    let noun = total == 1 ? "annotation" : "annotations"
    let footer =
      annotations.count < total
      ? "\(annotations.count) of \(total) \(noun) shown; --limit 0 shows all\n" : "\(total) \(noun)\n"
    return (annotations.isEmpty ? "" : table.render()) + footer
  }

  /// The table of runs `weir annotations runs` prints, oldest first.
  /// The counts object-counters stored, one row per input and counter node.
  public static func render(counts: [StoredCount]) -> String {
    var table = TextTable(header: ["input", "counter", "count", "workflow", "run"], numeric: [2])
    for c in counts {
      table.rows.append([c.inputId, c.nodeId, String(c.count), c.workflowId, c.runId])
    }
    return table.render() + "\(counts.count) count\(counts.count == 1 ? "" : "s")\n"
  }

  public static func render(runs: [StoredRun]) -> String {
    var table = TextTable(header: ["run", "workflow", "status", "started", "ended", "file"])
    let dates = ISO8601DateFormatter()
    for run in runs {
      table.rows.append([
        run.info.id, run.info.workflowId, run.status.rawValue, dates.string(from: run.info.startedAt),
        run.endedAt.map { dates.string(from: $0) } ?? "-", run.info.workflowPath,
      ])
    }
    return runs.isEmpty ? "no runs\n" : table.render()
  }
}
