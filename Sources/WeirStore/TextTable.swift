import WeirCore

/// A plain-text table: a header row and left-aligned columns (numbers right-aligned), two spaces apart.
struct TextTable {
  var header: [String]
  var rows: [[String]] = []
  /// Columns whose cells are right-aligned.
  var numeric: Set<Int> = []

  /// Cells hold text from inputs, models and files: control characters are shown as escapes.
  func render() -> String {
    let all = [header] + rows.map { $0.map(VisibleText.escaped) }
    let widths = header.indices.map { i in all.map { $0.indices.contains(i) ? $0[i].count : 0 }.max() ?? 0 }
    return all.map { row in
      let cells = header.indices.map { i -> String in
        let cell = row.indices.contains(i) ? row[i] : ""
        let pad = String(repeating: " ", count: widths[i] - cell.count)
        return numeric.contains(i) ? pad + cell : cell + pad
      }
      return String(cells.joined(separator: "  ").reversed().drop(while: { $0 == " " }).reversed())
    }.joined(separator: "\n") + "\n"
  }
}
