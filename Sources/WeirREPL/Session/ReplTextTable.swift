import Foundation
import WeirCore

/// A plain-text table with aligned columns, for the REPL's answers.
struct ReplTextTable {
  var header: [String]
  var rows: [[String]] = []
  /// Columns aligned to the right (numbers).
  var rightAligned: Set<Int> = []

  init(_ header: [String], rightAligned: Set<Int> = []) {
    self.header = header
    self.rightAligned = rightAligned
  }

  mutating func add(_ row: [String]) { rows.append(row) }

  /// The table, each line indented, columns two blanks apart, trailing blanks removed.
  func render(indent: String = "  ") -> String {
    let all = header.isEmpty ? rows : [header] + rows
    let columns = all.map(\.count).max() ?? 0
    var widths = [Int](repeating: 0, count: columns)
    for row in all { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
    return all.map { row in
      var line = indent
      for (i, cell) in row.enumerated() {
        let pad = String(repeating: " ", count: widths[i] - cell.count)
        line += rightAligned.contains(i) ? pad + cell : cell + pad
        if i < row.count - 1 { line += "  " }
      }
      while line.last == " " { line.removeLast() }
      return line
    }.joined(separator: "\n")
  }
}

/// Number formatting shared by the REPL's answers.
enum ReplFormat {
  /// A change: `+3`, `-2` (with a real minus sign), or "" when nothing changed.
  static func delta(_ d: Int) -> String { d > 0 ? "+\(d)" : d < 0 ? "\u{2212}\(-d)" : "" }

  /// `12 (+3)` or `12` when the count did not change or there is nothing to compare with.
  static func count(_ n: Int, was: Int?) -> String {
    guard let was, was != n else { return "\(n)" }
    return "\(n) (\(delta(n - was)))"
  }

  /// `91.7%`, or `-` when undefined.
  static func percent(_ x: Double?) -> String {
    guard let x else { return "-" }
    return String(format: "%.1f%%", x * 100)
  }

  /// A value as the user would write it: `0.95`, `0.5`, `1`.
  static func value(_ x: Double) -> String {
    if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
    return String(format: "%.10g", x)
  }

  /// A confidence or coordinate: six significant digits (`0.854247`), as many as it has if fewer.
  static func confidence(_ x: Double) -> String { String(format: "%.6g", x) }

  /// A confidence compared with a threshold: six digits, unless those would show it equal to the
  /// threshold when it is not (then all of them), so `0.95 > 0.95 is false` is never a lie.
  static func confidence(_ x: Double, against threshold: Double) -> String {
    let short = confidence(x)
    return x != threshold && short == confidence(threshold) ? "\(x)" : short
  }

  /// Milliseconds with sensible precision.
  static func duration(_ seconds: Double) -> String {
    let ms = seconds * 1000
    if ms < 10 { return String(format: "%.1f ms", ms) }
    if ms < 10_000 { return String(format: "%.0f ms", ms) }
    return String(format: "%.1f s", seconds)
  }

  /// `1 input`, `3 inputs`.
  static func plural(_ n: Int, _ noun: String, _ plural: String? = nil) -> String {
    "\(n) \(n == 1 ? noun : plural ?? noun + "s")"
  }
}
