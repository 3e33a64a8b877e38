import Foundation
import WeirCore
import WeirREPL

/// The plot of a sweep: per branch, predictions against the swept value (left axis); with ground
/// truth, precision and recall in percent (right axis); the current value marked.
struct SweepChart {
  let sweep: SweepResult
  let scene: ChartScene

  static let width = 900
  static let height = 540
  static let colors: [PredictionBranch: RGB] = [
    .accepted: RGB(46, 125, 50), .review: RGB(239, 108, 0), .dropped: RGB(117, 117, 117),
  ]
  static let precisionColor = RGB(21, 101, 192)
  static let recallColor = RGB(106, 27, 154)
  static let ink = RGB(33, 33, 33)
  static let grid = RGB(224, 224, 224)

  init(_ sweep: SweepResult) {
    self.sweep = sweep
    var layout = Layout(sweep)
    layout.draw()
    scene = layout.scene
  }

  /// Places everything: the plot area, axes with ticks, series, marker and legend.
  private struct Layout {
    let sweep: SweepResult
    var scene = ChartScene(width: SweepChart.width, height: SweepChart.height)
    let left = 80.0, right: Double, top = 60.0, bottom: Double
    let xTicks: NiceTicks
    let yTicks: NiceTicks

    init(_ sweep: SweepResult) {
      self.sweep = sweep
      right = Double(SweepChart.width) - (sweep.hasTruth ? 80 : 30)
      bottom = Double(SweepChart.height) - 110
      let values = sweep.values
      xTicks = NiceTicks(min: values.min() ?? 0, max: values.max() ?? 1)
      let highest = sweep.points.map { max($0.accepted, $0.review, $0.dropped) }.max() ?? 0
      yTicks = NiceTicks(min: 0, max: Double(max(highest, 1)))
    }

    func x(_ v: Double) -> Double {
      left + (v - xTicks.lower) / (xTicks.upper - xTicks.lower) * (right - left)
    }
    func y(_ count: Double) -> Double {
      bottom - (count - yTicks.lower) / (yTicks.upper - yTicks.lower) * (bottom - top)
    }
    func yShare(_ share: Double) -> Double { bottom - share * (bottom - top) }

    mutating func draw() {
      title()
      axes()
      if let current = sweep.currentValue, current >= xTicks.lower, current <= xTicks.upper {
        marker(current)
      }
      for branch in [PredictionBranch.dropped, .review, .accepted] {
        series(
          branch.name, SweepChart.colors[branch]!, dashed: false,
          sweep.points.map { y(Double($0.count(branch))) })
      }
      if sweep.hasTruth {
        series(
          "precision", SweepChart.precisionColor, dashed: true,
          sweep.points.map { p in p.truth?.precision.map(yShare) })
        series(
          "recall", SweepChart.recallColor, dashed: true,
          sweep.points.map { p in p.truth?.recall.map(yShare) })
      }
      legend()
    }

    mutating func title() {
      let text = "sweep \(sweep.target): \(sweep.predictions) predictions on \(sweep.inputs) inputs"
      scene.shapes.append(
        .text(
          text, at: .init(x: Double(SweepChart.width) / 2, y: 34), anchor: .middle, size: .title,
          color: SweepChart.ink, vertical: false, role: "title"))
    }

    mutating func axes() {
      for v in yTicks.values {
        let py = y(v)
        scene.shapes.append(
          .line(
            [.init(x: left, y: py), .init(x: right, y: py)], color: SweepChart.grid, width: 1, dashed: false,
            role: "grid y"))
        scene.shapes.append(
          .line(
            [.init(x: left - 6, y: py), .init(x: left, y: py)], color: SweepChart.ink, width: 1.5,
            dashed: false, role: "tick y"))
        scene.shapes.append(
          .text(
            yTicks.label(v), at: .init(x: left - 10, y: py + 5), anchor: .end, size: .label,
            color: SweepChart.ink, vertical: false, role: "tick-label y"))
      }
      for v in xTicks.values {
        let px = x(v)
        scene.shapes.append(
          .line(
            [.init(x: px, y: bottom), .init(x: px, y: bottom + 6)], color: SweepChart.ink, width: 1.5,
            dashed: false, role: "tick x"))
        scene.shapes.append(
          .text(
            xTicks.label(v), at: .init(x: px, y: bottom + 24), anchor: .middle, size: .label,
            color: SweepChart.ink, vertical: false, role: "tick-label x"))
      }
      scene.shapes.append(
        .line(
          [.init(x: left, y: top), .init(x: left, y: bottom), .init(x: right, y: bottom)],
          color: SweepChart.ink, width: 1.5, dashed: false, role: "axis"))
      scene.shapes.append(
        .text(
          sweep.target, at: .init(x: (left + right) / 2, y: bottom + 50), anchor: .middle, size: .label,
          color: SweepChart.ink, vertical: false, role: "axis-label x"))
      scene.shapes.append(
        .text(
          "predictions", at: .init(x: 24, y: (top + bottom) / 2), anchor: .middle, size: .label,
          color: SweepChart.ink, vertical: true, role: "axis-label y"))
      if sweep.hasTruth { shareAxis() }
    }

    mutating func shareAxis() {
      scene.shapes.append(
        .line(
          [.init(x: right, y: top), .init(x: right, y: bottom)], color: SweepChart.ink, width: 1.5,
          dashed: false, role: "axis right"))
      for share in stride(from: 0.0, through: 1.0, by: 0.25) {
        let py = yShare(share)
        scene.shapes.append(
          .line(
            [.init(x: right, y: py), .init(x: right + 6, y: py)], color: SweepChart.ink, width: 1.5,
            dashed: false, role: "tick right"))
        scene.shapes.append(
          .text(
            "\(Int(share * 100))%", at: .init(x: right + 10, y: py + 5), anchor: .start, size: .label,
            color: SweepChart.ink, vertical: false, role: "tick-label right"))
      }
      scene.shapes.append(
        .text(
          "precision, recall", at: .init(x: Double(SweepChart.width) - 16, y: (top + bottom) / 2),
          anchor: .middle, size: .label, color: SweepChart.ink, vertical: true, role: "axis-label right"))
    }

    mutating func marker(_ value: Double) {
      let px = x(value)
      scene.shapes.append(
        .line(
          [.init(x: px, y: top), .init(x: px, y: bottom)], color: SweepChart.ink, width: 1, dashed: true,
          role: "current"))
      // The label goes on the side of the line with room for it.
      let onLeft = px > (left + right) / 2
      scene.shapes.append(
        .text(
          "current", at: .init(x: onLeft ? px - 6 : px + 6, y: top + 14), anchor: onLeft ? .end : .start,
          size: .label,
          color: SweepChart.ink, vertical: false, role: "current-label"))
    }

    /// A polyline through the points that have a value (a share is undefined where nothing is accepted).
    mutating func series(_ name: String, _ color: RGB, dashed: Bool, _ ys: [Double?]) {
      let points = zip(sweep.values, ys).compactMap { v, py in py.map { ChartScene.Point(x: x(v), y: $0) } }
      guard !points.isEmpty else { return }
      scene.shapes.append(.line(points, color: color, width: 2.5, dashed: dashed, role: "series \(name)"))
      for p in points { scene.shapes.append(.dot(p, radius: 3.5, color: color, role: "point \(name)")) }
    }

    mutating func legend() {
      var entries: [(String, RGB, Bool)] = [PredictionBranch.accepted, .review, .dropped].map {
        ($0.name, SweepChart.colors[$0]!, false)
      }
      if sweep.hasTruth {
        entries += [("precision", SweepChart.precisionColor, true), ("recall", SweepChart.recallColor, true)]
      }
      let widths = entries.map { 30 + Double($0.0.count) * 12 + 32 }
      var px = (Double(SweepChart.width) - widths.reduce(0, +)) / 2
      let py = Double(SweepChart.height) - 30
      for ((name, color, dashed), w) in zip(entries, widths) {
        scene.shapes.append(
          .line(
            [.init(x: px, y: py), .init(x: px + 24, y: py)], color: color, width: 2.5, dashed: dashed,
            role: "legend \(name)"))
        scene.shapes.append(
          .text(
            name, at: .init(x: px + 30, y: py + 5), anchor: .start, size: .label, color: SweepChart.ink,
            vertical: false, role: "legend-label"))
        px += w
      }
    }
  }
}
