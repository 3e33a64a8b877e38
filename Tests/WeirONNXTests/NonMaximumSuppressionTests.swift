import Testing
import WeirONNX

/// Per-class NMS against hand-computed overlaps.
@Suite struct NonMaximumSuppressionTests {
  func box(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, _ c: Int, _ s: Float) -> Candidate {
    Candidate(x0: x0, y0: y0, x1: x1, y1: y1, classIndex: c, score: s)
  }

  @Test func overlappingBoxesOfOneClassKeepTheBest() {
    // a and b: intersection 8×10 = 80, union 100 + 100 − 80 = 120, IoU 0.667 > 0.45: b goes.
    // a and c: intersection 2×10 = 20, union 180, IoU 0.111: c stays.
    let a = box(0, 0, 10, 10, 0, 0.9)
    let b = box(2, 0, 12, 10, 0, 0.8)
    let c = box(8, 0, 18, 10, 0, 0.7)
    #expect(NonMaximumSuppression.apply([c, b, a], iou: 0.45, limit: 10) == [a, c])
    // At a threshold above 0.667 nothing overlaps enough.
    #expect(NonMaximumSuppression.apply([c, b, a], iou: 0.7, limit: 10) == [a, b, c])
  }

  @Test func otherClassesNeverSuppress() {
    let cat = box(0, 0, 10, 10, 0, 0.9)
    let dog = box(0, 0, 10, 10, 1, 0.5)
    #expect(NonMaximumSuppression.apply([dog, cat], iou: 0.45, limit: 10) == [cat, dog])
    #expect(NonMaximumSuppression.apply([dog, cat], iou: 0.45, limit: 1) == [cat])
  }
}
