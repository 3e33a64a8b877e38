/// Evaluates the cascade on single windows of one pyramid level: the hot loop of detection.
///
/// Holds raw pointers into a ``CompiledCascade`` and an ``IntegralImages``; both must outlive it.
/// The arithmetic mirrors OpenCV's `HaarEvaluator` and `predictOrderedStump` exactly, type for
/// type (ALGORITHM.md §2.3 step 6): `Double` variance, `Float` feature sums and stump thresholds,
/// `Double` stage sums compared with `Float` stage thresholds.
struct WindowEvaluator {
  let stumps: UnsafePointer<CompiledCascade.Stump>
  let stageEnds: UnsafePointer<Int>
  let stageThresholds: UnsafePointer<Float>
  let stageCount: Int
  let sums: UnsafePointer<Int32>
  let squares: UnsafePointer<Int32>
  let norm: (Int, Int, Int, Int)
  let normArea: Double

  /// Evaluates the window whose top-left integral index is `offset`.
  ///
  /// Returns `1` if it passes every stage, `-1` if its variance is too low, and `-s` if stage `s`
  /// rejects it (so `0` means "rejected by the first stage", which makes the scan skip a
  /// position). `weight` receives the last evaluated stage's sum (OpenCV's `levelWeight`).
  @inline(__always)
  func evaluate(at offset: Int, weight: inout Double) -> Int {
    let p = sums + offset
    let q = squares + offset
    let sum = p[norm.0] &- p[norm.1] &- p[norm.2] &+ p[norm.3]
    let squareSum = UInt32(bitPattern: q[norm.0] &- q[norm.1] &- q[norm.2] &+ q[norm.3])
    let nf = normArea * Double(squareSum) - Double(sum) * Double(sum)
    guard nf > 0 else { return -1 }
    let inverse = Float(1 / nf.squareRoot())
    // Flat windows (grey-level standard deviation ≤ 10) are skipped, as in OpenCV.
    guard normArea * Double(inverse) < 0.1 else { return -1 }

    var stump = stumps
    var stage = 0
    var stageSum = 0.0
    while stage < stageCount {
      let end = stumps + stageEnds[stage]
      stageSum = 0
      while stump < end {
        let s = stump.pointee
        var value = s.weight0 * Float(p[s.a0] &- p[s.b0] &- p[s.c0] &+ p[s.d0])
        value += s.weight1 * Float(p[s.a1] &- p[s.b1] &- p[s.c1] &+ p[s.d1])
        if s.weight2 != 0 {
          value += s.weight2 * Float(p[s.a2] &- p[s.b2] &- p[s.c2] &+ p[s.d2])
        }
        stageSum += Double(value * inverse < s.threshold ? s.left : s.right)
        stump += 1
      }
      if stageSum < Double(stageThresholds[stage]) {
        weight = stageSum
        return -stage
      }
      stage &+= 1
    }
    weight = stageSum
    return 1
  }
}
