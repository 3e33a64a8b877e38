/// One detection before NMS: a box in input-tensor pixels, its class and score.
public struct Candidate: Sendable, Hashable {
  public var x0: Double
  public var y0: Double
  public var x1: Double
  public var y1: Double
  public var classIndex: Int
  public var score: Float

  public init(x0: Double, y0: Double, x1: Double, y1: Double, classIndex: Int, score: Float) {
    self.x0 = x0
    self.y0 = y0
    self.x1 = x1
    self.y1 = y1
    self.classIndex = classIndex
    self.score = score
  }

  /// From a centre and a size.
  init(cx: Double, cy: Double, w: Double, h: Double, classIndex: Int, score: Float) {
    self.init(
      x0: cx - w / 2, y0: cy - h / 2, x1: cx + w / 2, y1: cy + h / 2, classIndex: classIndex, score: score)
  }

  var area: Double { max(0, x1 - x0) * max(0, y1 - y0) }

  /// Intersection over union with `other`; 0 when either is empty.
  func iou(_ other: Candidate) -> Double {
    let w = min(x1, other.x1) - max(x0, other.x0)
    let h = min(y1, other.y1) - max(y0, other.y0)
    guard w > 0, h > 0 else { return 0 }
    let inter = w * h
    let union = area + other.area - inter
    return union > 0 ? inter / union : 0
  }
}
