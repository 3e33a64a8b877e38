import Foundation
import WeirCore

/// What happened to each input of a run, grouped for the section `weir run` prints after its
/// summary table: the inputs that got accepted annotations, those with annotations awaiting
/// review, those with none, and those that failed. Each group keeps only the ``shownPerGroup``
/// first ids in name order (with the annotations that put them there), so a run of millions of
/// inputs holds a few lines of text, and the text does not depend on the order results came in
/// (a replayed recording lists its inputs in the order the model finished them).
struct InputOutcomes {
  /// Names listed per group; the rest are counted ("and 980 more").
  static let shownPerGroup = 20
  /// Annotations named beside an input ("cat 0.99"); the rest are counted ("+2").
  static let shownPerInput = 2

  enum Outcome: String, CaseIterable {
    /// Any annotation with status ANNOTATION_SUCCESS.
    case accepted
    /// Any annotation with another status (awaiting review, pending, consensus review).
    case review
    /// Went through and got no annotation.
    case nothing
    case failed
  }

  struct Group {
    var count = 0
    /// The first ids by name, each with its rendered entry.
    var shown: [(id: String, entry: String)] = []
  }

  private(set) var groups: [Outcome: Group] = [:]

  mutating func add(_ result: InputResult) {
    if result.error != nil {
      note(.failed, result.input.id)
      return
    }
    if result.annotationCount == 0 {
      note(.nothing, result.input.id)
      return
    }
    let success = AnnotationStatus.success.rawValue
    var accepted = false
    var review = false
    if let rows = result.columnAnnotations {
      rows.forEachRow { if $0.status == success { accepted = true } else { review = true } }
    } else {
      accepted = result.annotations.contains { $0.status == success }
      review = result.annotations.contains { $0.status != success }
    }
    // The records (the column evaluator keeps rows until asked) are built only for an input that
    // is listed, once for both groups.
    var built: [AnnotationRecord]?
    let annotations = { () -> [AnnotationRecord] in
      if let built { return built }
      built = result.annotations
      return built ?? []
    }
    if accepted { note(.accepted, result.input.id) { annotations().filter { $0.status == success } } }
    if review { note(.review, result.input.id) { annotations().filter { $0.status != success } } }
  }

  mutating func add(_ results: [InputResult]) {
    for r in results { add(r) }
  }

  private mutating func note(
    _ outcome: Outcome, _ input: String, _ annotations: () -> [AnnotationRecord] = { [] }
  ) {
    var group = groups[outcome] ?? Group()
    group.count += 1
    if group.shown.count < Self.shownPerGroup || input < group.shown[group.shown.count - 1].id {
      let at = group.shown.firstIndex { input < $0.id } ?? group.shown.count
      group.shown.insert((input, Self.entry(input, annotations())), at: at)
      if group.shown.count > Self.shownPerGroup { group.shown.removeLast() }
    }
    groups[outcome] = group
  }

  /// `cat_tabby.jpg (cat 0.85)`, `many.jpg (cat 0.99, dog 0.97, +3)`: the most confident
  /// annotations first.
  static func entry(_ input: String, _ annotations: [AnnotationRecord]) -> String {
    let shown = VisibleText.escaped(input)
    guard !annotations.isEmpty else { return shown }
    let sorted = annotations.sorted { ($0.confidence, $1.conceptName) > ($1.confidence, $0.conceptName) }
    var parts = sorted.prefix(shownPerInput).map {
      "\(VisibleText.escaped($0.conceptName)) \(confidence($0.confidence))"
    }
    if sorted.count > shownPerInput { parts.append("+\(sorted.count - shownPerInput)") }
    return "\(shown) (\(parts.joined(separator: ", ")))"
  }

  /// Two decimals, rounded down: a shown value is never above the real one, so 0.999 is not "1.00"
  /// and a 0.799 under an 0.80 threshold does not show as 0.80 (`weir annotations list` has more).
  static func confidence(_ value: Double) -> String {
    String(format: "%.2f", (value * 100 + 1e-9).rounded(.down) / 100)
  }

  /// The section, one line group per outcome that happened, names wrapped at `width` columns:
  ///
  ///     inputs
  ///       accepted  2  cat_kitten_gcompris.jpg (cat 0.99), cat_tabby_opencvdoc.jpg (cat 0.85)
  ///       review    1  cat_tabby_opencvdoc.jpg (cat 0.41)
  ///       nothing   8  cat_chelsea_skimage.png, cat_dogs_goat_opencvdoc.png, …
  ///
  /// - Parameter resumedInputs: inputs an earlier, interrupted session of the same run finished;
  ///   they are counted in the tables above but not listed here.
  func render(width: Int = 100, resumedInputs: Int = 0) -> String {
    let present = Outcome.allCases.compactMap { o in groups[o].map { (o, $0) } }
    guard !present.isEmpty || resumedInputs > 0 else { return "" }
    let counts = present.map { String($0.1.count) }
    let countWidth = counts.map(\.count).max() ?? 1
    var out = "\ninputs\n"
    for ((outcome, group), count) in zip(present, counts) {
      let label =
        "  " + outcome.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0) + "  "
        + String(repeating: " ", count: countWidth - count.count) + count + "  "
      var items = group.shown.map(\.entry)
      if group.count > group.shown.count {
        items[items.count - 1] += " and \(group.count - group.shown.count) more"
      }
      out += wrap(items, first: label, width: width)
    }
    if resumedInputs > 0 {
      out +=
        "  (the \(resumedInputs) input\(resumedInputs == 1 ? "" : "s") finished before this run resumed are not listed)\n"
    }
    return out
  }

  /// Joins items with ", ", breaking lines between items so no line passes `width` (an item longer
  /// than a line gets a line of its own); continuation lines are indented under the first item.
  private func wrap(_ items: [String], first prefix: String, width: Int) -> String {
    let indent = String(repeating: " ", count: prefix.count)
    var lines: [String] = []
    var line = prefix
    var lineHasItem = false
    for (i, item) in items.enumerated() {
      let text = item + (i < items.count - 1 ? "," : "")
      if lineHasItem && line.count + 1 + text.count > width {
        lines.append(line)
        line = indent + text
      } else {
        line += (lineHasItem ? " " : "") + text
      }
      lineHasItem = true
    }
    lines.append(line)
    return lines.joined(separator: "\n") + "\n"
  }
}
