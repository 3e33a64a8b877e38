/// `non-max-suppression` (weir's extension): removes boxes that overlap a more confident one.
///
/// Regions are taken from the most confident down (a region's confidence is its top concept's;
/// equal confidences keep their order in the data); a box is dropped when its intersection over
/// union with a box already kept is above `iou_threshold` — exactly at the threshold it stays, as
/// in torchvision's `nms`. Per class (the default), only boxes whose top concepts agree suppress
/// each other; `class_agnostic: true` lets any box suppress any other. Regions without a box are
/// kept, the kept regions keep their order, and nothing else changes: confidences pass through.
public struct NonMaxSuppression: Operator, Hashable {
  public var iouThreshold: Double
  public var classAgnostic: Bool

  public init(iouThreshold: Double = 0.5, classAgnostic: Bool = false) {
    self.iouThreshold = iouThreshold
    self.classAgnostic = classAgnostic
  }

  /// `iou_threshold` in [0, 1] (0.5 when not given) and `class_agnostic` (false).
  public init(params p: OperatorParams) throws(OperatorConfigError) {
    let iou = try p.number("iou_threshold")?.value ?? 0.5
    guard (0...1).contains(iou) else {
      throw OperatorConfigError("'iou_threshold' must be between 0 and 1, not \(iou)")
    }
    self.init(iouThreshold: iou, classAgnostic: try p.flag("class_agnostic")?.value ?? false)
  }

  public func apply(_ data: DataRecord, _ context: OperatorContext, _ annotations: inout [AnnotationRecord])
    -> DataRecord?
  {
    var out = data
    out.regions = kept(data.regions)
    return out
  }

  /// The regions that survive, in their original order.
  public func kept(_ regions: [Region]) -> [Region] {
    var keep = [Bool](repeating: true, count: regions.count)
    var winners: [(box: BoundingBox, concept: String?)] = []
    for i in RegionScore.ranked(regions) {
      guard let box = regions[i].boundingBox else { continue }
      let concept = RegionScore.top(regions[i]).concept
      if winners.contains(where: {
        (classAgnostic || $0.concept == concept) && Self.iou($0.box, box) > iouThreshold
      }) {
        keep[i] = false
      } else {
        winners.append((box, concept))
      }
    }
    return regions.indices.filter { keep[$0] }.map { regions[$0] }
  }

  /// Intersection over union of two boxes (0 when either has no area).
  public static func iou(_ a: BoundingBox, _ b: BoundingBox) -> Double {
    let w = min(a.rightCol, b.rightCol) - max(a.leftCol, b.leftCol)
    let h = min(a.bottomRow, b.bottomRow) - max(a.topRow, b.topRow)
    guard w > 0, h > 0 else { return 0 }
    let intersection = w * h
    let union = area(a) + area(b) - intersection
    return union > 0 ? intersection / union : 0
  }

  static func area(_ b: BoundingBox) -> Double {
    max(0, b.rightCol - b.leftCol) * max(0, b.bottomRow - b.topRow)
  }
}
