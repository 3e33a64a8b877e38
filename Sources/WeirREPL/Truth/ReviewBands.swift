import Foundation

/// What reviewers decided between consecutive values of a sweep, when the ground truth is a store
/// with review decisions: lowering the threshold from one swept value to the previous one would
/// accept the predictions in between without review, and this says how many of those reviewers
/// kept (accepted, or accepted with a corrected box) when they did see them.
enum ReviewBands {
  /// The lines after a sweep's table, or nothing when there are no decisions. A threshold of one
  /// concept (`sure.concepts.cat`) counts only that concept's decisions.
  static func text(target: SettingTarget, values: [Double], truth: GroundTruth) -> String {
    guard !truth.reviews.isEmpty else { return "" }
    var reviews = truth.reviews
    var about = ""
    if case .parameter(_, _, let key?) = target, reviews.contains(where: { $0.concept == key }) {
      reviews = reviews.filter { $0.concept == key }
      about = " on \(key)"
    }
    let points = Array(Set(values)).sorted()
    var lines: [String] = []
    for (low, high) in zip(points, points.dropFirst()) {
      let band = reviews.filter { $0.confidence > low && $0.confidence <= high }
      guard !band.isEmpty else { continue }
      let kept = band.filter(\.kept).count
      lines.append(
        "  at \(target) = \(ReplFormat.value(low)), reviewers accepted "
          + String(format: "%.0f%%", Double(kept) / Double(band.count) * 100)
          + " of (\(ReplFormat.value(low)), \(ReplFormat.value(high))] (\(kept) of \(band.count) decided)")
    }
    let header = "reviewers' decisions in \(truth.path)\(about), per band between swept values:"
    guard !lines.isEmpty else {
      return
        "\n\(header)\n  none of the \(ReplFormat.plural(reviews.count, "decided prediction")) falls between "
        + "\(ReplFormat.value(points.first ?? 0)) and \(ReplFormat.value(points.last ?? 0))"
    }
    return "\n" + ([header] + lines).joined(separator: "\n")
  }
}
