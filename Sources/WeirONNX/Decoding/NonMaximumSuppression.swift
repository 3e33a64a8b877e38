/// Greedy non-maximum suppression per class: within one class, a box is dropped when it overlaps a
/// higher-scoring kept box by more than `iou`. Boxes of different classes never suppress each other.
public enum NonMaximumSuppression {
  /// The kept candidates, highest score first (ties keep their input order), at most `limit`.
  public static func apply(_ candidates: [Candidate], iou: Double, limit: Int) -> [Candidate] {
    let order = candidates.indices.sorted { a, b in
      candidates[a].score != candidates[b].score ? candidates[a].score > candidates[b].score : a < b
    }
    var kept: [Candidate] = []
    var keptByClass: [Int: [Candidate]] = [:]
    for index in order {
      let candidate = candidates[index]
      let rivals = keptByClass[candidate.classIndex, default: []]
      if rivals.contains(where: { $0.iou(candidate) > iou }) { continue }
      kept.append(candidate)
      keptByClass[candidate.classIndex, default: []].append(candidate)
      if kept.count == limit { break }
    }
    return kept
  }
}
