/// The bands as text a person tunes thresholds by (`weir bands FILE`, the REPL): per writer and
/// concept the band it writes, then per concept a one-line chart of the [0, 1] axis.
///
/// ```
/// concept  0         0.25      0.5       0.75       1
///          |         |         |         |          |
/// cat     [····················RRRRRRRRRRRRRRRRRRAA]  A (0.95, 1]  R (0.5, 0.95]  · [0, 0.5]
/// ```
///
/// Each cell of the chart stands for `1/width` of the axis and shows what happens to most of it;
/// `!` marks a cell where some confidence is written twice with different statuses, a lowercase
/// letter a cell where only single values are written. Plain ASCII apart from `·` and `∪`.
public struct BandChart: Sendable {
  /// Cells on the axis.
  public var width: Int
  /// Also list what reaches every node.
  public var includeNodes: Bool

  public init(width: Int = 40, includeNodes: Bool = false) {
    self.width = max(8, width)
    self.includeNodes = includeNodes
  }

  /// The whole report.
  public func render(_ analysis: BandAnalysis) -> String {
    var sections: [String] = []
    if includeNodes { sections.append(nodeTable(analysis)) }
    let coverage = analysis.coverage
    if coverage.isEmpty {
      sections.append("no annotation writer: nothing is written\n")
    } else {
      sections.append(writerTable(coverage))
      sections.append(charts(coverage))
    }
    return sections.joined(separator: "\n")
  }

  /// `writer  status  concept  band`, one row per writer and concept it writes.
  func writerTable(_ coverage: [ConceptCoverage]) -> String {
    var rows: [(order: Int, cells: [String])] = []
    for c in coverage {
      for w in c.writers {
        rows.append(
          (
            w.writer.node.id.range.start,
            [w.writer.id, w.writer.status?.name ?? "(no status)", c.label, "\(w.band)"]
          ))
      }
    }
    // Writers in source order; concepts keep coverage order within a writer (the sort is stable).
    let sorted = rows.enumerated().sorted { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }
    return Self.table(header: ["writer", "status", "concept", "band"], rows: sorted.map(\.element.cells))
  }

  /// `node  type  concept  band` for what reaches each node.
  func nodeTable(_ analysis: BandAnalysis) -> String {
    var rows: [[String]] = []
    for node in analysis.graph.nodes {
      let bands = analysis.incoming(node.id.value)
      var entries = bands.named.keys.sorted().map { ($0, "\(bands.band($0))") }
      if !bands.others.isEmpty { entries.append(("other concepts", "\(bands.others)")) }
      if entries.isEmpty { entries.append(("(none)", "")) }
      for (i, e) in entries.enumerated() {
        rows.append([i == 0 ? node.id.value : "", i == 0 ? node.type : "", e.0, e.1])
      }
    }
    return "what reaches each node\n" + Self.table(header: ["node", "type", "concept", "band"], rows: rows)
  }

  /// The axis, one chart line per concept, and the legend.
  func charts(_ coverage: [ConceptCoverage]) -> String {
    let labelWidth = max(7, coverage.map(\.label.count).max() ?? 0)
    let pad = String(repeating: " ", count: labelWidth + 1)
    var out = "concept".padded(to: labelWidth) + " " + axisLabels() + "\n" + pad + axisTicks() + "\n"
    var used = Set<Character>()
    for c in coverage {
      let cells = (0..<width).map { symbol(for: c, cell: $0) }
      used.formUnion(cells)
      out += c.label.padded(to: labelWidth) + " [" + String(cells) + "]  " + summary(c) + "\n"
    }
    return out + "\n" + legend(used) + "\n"
  }

  /// `0         0.25      0.5       0.75       1`: labels at the cells where those values start.
  func axisLabels() -> String {
    var line = [Character](repeating: " ", count: width + 2)
    for (value, label) in [(0.0, "0"), (0.25, "0.25"), (0.5, "0.5"), (0.75, "0.75"), (1.0, "1")] {
      let column = tickColumn(value)
      let start = value == 1 ? column - label.count + 1 : column
      for (i, ch) in label.enumerated() where start + i >= 0 && start + i < line.count {
        line[start + i] = ch
      }
    }
    return String(line).trailingSpacesTrimmed
  }

  func axisTicks() -> String {
    var line = [Character](repeating: " ", count: width + 2)
    for value in [0.0, 0.25, 0.5, 0.75, 1.0] { line[tickColumn(value)] = "|" }
    return String(line).trailingSpacesTrimmed
  }

  /// The column (0 is the `[`) of the tick for `value`: the first cell at or after it; 1 sits on `]`.
  func tickColumn(_ value: Double) -> Int {
    value >= 1 ? width + 1 : 1 + Int((value * Double(width)).rounded())
  }

  /// What most of cell `i` becomes.
  func symbol(for c: ConceptCoverage, cell i: Int) -> Character {
    // Cells are half-open, [i/w, (i+1)/w), so a threshold on a cell boundary marks one cell only.
    let cell = IntervalSet([
      ConfidenceInterval(
        lower: Double(i) / Double(width), lowerClosed: true, upper: Double(i + 1) / Double(width),
        upperClosed: i == width - 1)
    ])
    let written = c.written.intersection(cell)
    if written.isEmpty { return "·" }
    if c.conflicting.overlaps(cell) { return "!" }
    var parts = AnnotationStatus.allCases.map { (Self.letter($0), c.band($0).intersection(cell)) }
    let withStatus = c.byStatus.values.reduce(IntervalSet.empty) { $0.union($1) }
    parts.append(("W", written.subtracting(withStatus)))
    let present = parts.filter { !$0.1.isEmpty }
    let best = present.max { $0.1.measure < $1.1.measure }!
    // Only single values are written here, such as `{0.95}`: too thin for a cell, so say so.
    if best.1.measure == 0 { return Character(best.0.lowercased()) }
    return cell.measure - written.measure > best.1.measure ? "·" : best.0
  }

  /// `A (0.95, 1]  R (0.5, 0.95]  · [0, 0.5]`.
  func summary(_ c: ConceptCoverage) -> String {
    var parts = AnnotationStatus.allCases.compactMap { s -> String? in
      let band = c.band(s)
      return band.isEmpty ? nil : "\(Self.letter(s)) \(band)"
    }
    if !c.conflicting.isEmpty { parts.append("! \(c.conflicting)") }
    if !c.dropped.isEmpty { parts.append("· \(c.dropped)") }
    return parts.joined(separator: "  ")
  }

  func legend(_ used: Set<Character>) -> String {
    var entries: [String] = []
    for s in AnnotationStatus.allCases
    where used.contains(Self.letter(s)) || used.contains(Character(Self.letter(s).lowercased())) {
      entries.append("\(Self.letter(s)) \(s.name)")
    }
    if used.contains("W") { entries.append("W written with no status") }
    if used.contains("!") { entries.append("! written twice with different statuses") }
    entries.append("· dropped")
    if used.contains(where: \.isLowercase) { entries.append("lowercase: only single values") }
    return entries.joined(separator: "   ")
  }

  static func letter(_ s: AnnotationStatus) -> Character {
    switch s {
    case .success: return "A"
    case .pending: return "P"
    case .awaitingReview: return "R"
    case .reviewDenied: return "D"
    case .awaitingConsensusReview: return "C"
    }
  }

  /// Columns separated by two spaces, padded to the widest cell; no trailing spaces.
  static func table(header: [String], rows: [[String]]) -> String {
    let all = [header] + rows
    let widths = header.indices.map { i in all.map { $0[i].count }.max() ?? 0 }
    return all.map { row in
      row.enumerated().map { i, cell in i == row.count - 1 ? cell : cell.padded(to: widths[i]) }
        .joined(separator: "  ").trailingSpacesTrimmed
    }.joined(separator: "\n") + "\n"
  }
}

extension IntervalSet {
  /// The total length of its intervals.
  var measure: Double { intervals.reduce(0) { $0 + ($1.upper - $1.lower) } }
}

extension String {
  fileprivate func padded(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }

  fileprivate var trailingSpacesTrimmed: String {
    var s = Substring(self)
    while s.last == " " { s = s.dropLast() }
    return String(s)
  }
}
