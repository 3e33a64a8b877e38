import WeirCore

/// Intersection over union and the greedy matching of predictions to true objects.
public enum BoxMatcher {
  /// Area of the intersection over area of the union; 0 when either box is empty (the one
  /// `non-max-suppression` uses).
  public static func iou(_ a: BoundingBox, _ b: BoundingBox) -> Double { NonMaxSuppression.iou(a, b) }

  /// Greedy matching as COCO's evaluation does it: predictions in descending confidence (ties in
  /// the order given) each take the still unmatched true box with the highest IoU, if that IoU is at
  /// least `threshold` (ties to the earlier true box). Returns, per prediction, the index of the true
  /// box it matched.
  public static func match(
    predictions: [(box: BoundingBox, confidence: Double)], truths: [BoundingBox], threshold: Double
  )
    -> [Int?]
  {
    let order = predictions.indices.sorted {
      predictions[$0].confidence != predictions[$1].confidence
        ? predictions[$0].confidence > predictions[$1].confidence : $0 < $1
    }
    var taken = [Bool](repeating: false, count: truths.count)
    var result = [Int?](repeating: nil, count: predictions.count)
    for p in order {
      var best: (index: Int, iou: Double)?
      for (t, truth) in truths.enumerated() where !taken[t] {
        let v = iou(predictions[p].box, truth)
        if v >= threshold, v > (best?.iou ?? -1) { best = (t, v) }
      }
      if let best {
        taken[best.index] = true
        result[p] = best.index
      }
    }
    return result
  }
}
