import Foundation
import WeirCore
import WeirStore

/// Accepted versus rejected review items, per concept and per confidence band: what tells whether a
/// threshold is right ("at accept = 0.9, reviewers accepted 97% of (0.9, 0.95]").
public struct ReviewStatistics: Sendable {
  /// One concept in one band.
  public struct Row: Codable, Sendable, Hashable {
    public var concept: String
    /// The band as `WorkflowBands.label` names it, or `-` without the workflow file.
    public var band: String
    public var accepted = 0
    /// Accepted with a corrected box.
    public var corrected = 0
    /// The concept was wrong: relabelled to another.
    public var relabelled = 0
    public var rejected = 0

    public var decided: Int { accepted + corrected + relabelled + rejected }
    /// Accepted or corrected (the concept was right), as a share of the decided.
    public var acceptRate: Double { decided == 0 ? 0 : Double(accepted + corrected) / Double(decided) }
  }

  public private(set) var rows: [Row] = []

  public init(outcomes: [ReviewOutcome], bands: WorkflowBands) {
    var index: [String: Int] = [:]
    for o in outcomes {
      let band = bands.label(key: o.key, conceptName: o.conceptName, confidence: o.confidence) ?? "-"
      let id = o.conceptName + "\u{0}" + band
      let at: Int
      if let known = index[id] {
        at = known
      } else {
        at = rows.count
        index[id] = at
        rows.append(Row(concept: o.conceptName, band: band))
      }
      switch o.action {
      case .accept: rows[at].accepted += 1
      case .correct: rows[at].corrected += 1
      case .relabel: rows[at].relabelled += 1
      case .reject: rows[at].rejected += 1
      case .undo: break
      }
    }
    rows.sort { ($0.concept, $0.band) < ($1.concept, $1.band) }
  }

  /// The table `weir annotations stats` prints.
  public func text() -> String {
    guard !rows.isEmpty else { return "no review decisions yet\n" }
    let header = ["concept", "band", "accepted", "corrected", "relabelled", "rejected", "accept rate"]
    let body = rows.map { r in
      [
        r.concept, r.band, String(r.accepted), String(r.corrected), String(r.relabelled), String(r.rejected),
        String(format: "%.0f%%", r.acceptRate * 100),
      ]
    }
    let all = [header] + body
    let widths = header.indices.map { i in all.map { $0[i].count }.max() ?? 0 }
    return all.map { row in
      row.enumerated().map { i, cell in
        i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count)
      }.joined(separator: "  ")
    }.joined(separator: "\n") + "\n"
  }
}
