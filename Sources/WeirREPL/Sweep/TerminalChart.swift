import WeirCore

/// The small charts the REPL draws with text: a stacked bar per sweep value.
public enum TerminalChart {
  /// Characters for accepted, review and dropped.
  public static let accepted: Character = "█"
  public static let review: Character = "▒"
  public static let dropped: Character = "·"

  /// A bar of `width` characters split in proportion to the counts, in the order accepted,
  /// review, dropped. Rounding keeps the total width and gives any non-zero count at least one
  /// character when there is room, so a small review share never vanishes.
  public static func stackedBar(_ counts: [Int], width: Int) -> String {
    let total = counts.reduce(0, +)
    guard total > 0, width > 0 else { return String(repeating: " ", count: width) }
    var cells = counts.map { Int((Double($0) / Double(total) * Double(width)).rounded()) }
    for i in cells.indices where counts[i] > 0 && cells[i] == 0 { cells[i] = 1 }
    while cells.reduce(0, +) > width, let i = cells.indices.max(by: { cells[$0] < cells[$1] }) {
      cells[i] -= 1
    }
    while cells.reduce(0, +) < width, let i = cells.indices.max(by: { counts[$0] < counts[$1] }) {
      cells[i] += 1
    }
    let glyphs = [accepted, review, dropped]
    return zip(cells, glyphs).map { String(repeating: $1, count: $0) }.joined()
  }

  /// The legend line under a chart.
  public static var legend: String { "\(accepted) accepted  \(review) review  \(dropped) dropped" }
}
