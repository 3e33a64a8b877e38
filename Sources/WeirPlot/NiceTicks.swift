import Foundation

/// Axis ticks at round values (1, 2 or 5 times a power of ten), as people draw them by hand.
struct NiceTicks {
  var lower: Double
  var upper: Double
  var step: Double

  /// Ticks covering `min...max` with about `target` intervals.
  init(min: Double, max: Double, target: Int = 5) {
    var lo = min
    var hi = max
    if hi <= lo {
      let pad = lo == 0 ? 1 : abs(lo) * 0.1
      lo -= pad
      hi += pad
    }
    let raw = (hi - lo) / Double(target)
    let magnitude = pow(10, floor(log10(raw)))
    let fraction = raw / magnitude
    let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
    step = nice * magnitude
    lower = floor(lo / step + 1e-9) * step
    upper = ceil(hi / step - 1e-9) * step
  }

  var values: [Double] {
    let n = Int(((upper - lower) / step).rounded())
    return (0...n).map { lower + Double($0) * step }
  }

  /// A tick's label, with as many decimals as the step needs.
  func label(_ value: Double) -> String {
    let decimals = max(0, Int(-floor(log10(step) + 1e-9)))
    let text = String(format: "%.\(decimals)f", value)
    return text == "-0" ? "0" : text
  }
}
