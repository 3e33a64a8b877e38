import Foundation

/// An RGB image in memory with the few drawing operations charts need: anti-aliased thick lines
/// (dashed or not), dots, rectangles and bitmap text.
struct Raster {
  let width: Int
  let height: Int
  /// Row-major RGB bytes.
  private(set) var pixels: [UInt8]

  init(width: Int, height: Int, background: RGB) {
    self.width = width
    self.height = height
    pixels = [UInt8](repeating: 0, count: width * height * 3)
    for i in 0..<(width * height) {
      pixels[i * 3] = background.r
      pixels[i * 3 + 1] = background.g
      pixels[i * 3 + 2] = background.b
    }
  }

  /// The colour at a pixel.
  func pixel(_ x: Int, _ y: Int) -> RGB {
    let i = (y * width + x) * 3
    return RGB(pixels[i], pixels[i + 1], pixels[i + 2])
  }

  /// Mixes `color` into a pixel with coverage `alpha` in [0, 1].
  mutating func blend(_ x: Int, _ y: Int, _ color: RGB, _ alpha: Double) {
    guard x >= 0, y >= 0, x < width, y < height, alpha > 0 else { return }
    let a = min(1, alpha)
    let i = (y * width + x) * 3
    pixels[i] = UInt8((Double(pixels[i]) * (1 - a) + Double(color.r) * a).rounded())
    pixels[i + 1] = UInt8((Double(pixels[i + 1]) * (1 - a) + Double(color.g) * a).rounded())
    pixels[i + 2] = UInt8((Double(pixels[i + 2]) * (1 - a) + Double(color.b) * a).rounded())
  }

  mutating func fillRect(x: Double, y: Double, width w: Double, height h: Double, _ color: RGB) {
    for py in Int(y.rounded())..<Int((y + h).rounded()) {
      for px in Int(x.rounded())..<Int((x + w).rounded()) { blend(px, py, color, 1) }
    }
  }

  /// A filled disc, anti-aliased at its edge.
  mutating func dot(_ cx: Double, _ cy: Double, radius: Double, _ color: RGB) {
    for py in Int(floor(cy - radius - 1))...Int(ceil(cy + radius + 1)) {
      for px in Int(floor(cx - radius - 1))...Int(ceil(cx + radius + 1)) {
        let d = hypot(Double(px) + 0.5 - cx, Double(py) + 0.5 - cy)
        blend(px, py, color, radius + 0.5 - d)
      }
    }
  }

  /// A polyline of the given width; dashed lines alternate 8 pixels drawn and 5 skipped.
  mutating func polyline(_ points: [ChartScene.Point], width lineWidth: Double, dashed: Bool, _ color: RGB) {
    guard points.count >= 2 else { return }
    var pieces: [(ChartScene.Point, ChartScene.Point)] = []
    var phase = 0.0
    for (a, b) in zip(points, points.dropFirst()) {
      let length = hypot(b.x - a.x, b.y - a.y)
      guard length > 0 else { continue }
      guard dashed else {
        pieces.append((a, b))
        continue
      }
      var t = 0.0
      while t < length {
        let period = phase.truncatingRemainder(dividingBy: 13)
        let run = period < 8 ? min(8 - period, length - t) : min(13 - period, length - t)
        if period < 8 {
          let p = ChartScene.Point(x: a.x + (b.x - a.x) * t / length, y: a.y + (b.y - a.y) * t / length)
          let q = ChartScene.Point(
            x: a.x + (b.x - a.x) * (t + run) / length, y: a.y + (b.y - a.y) * (t + run) / length)
          pieces.append((p, q))
        }
        t += run
        phase += run
      }
    }
    // Coverage of the union of the pieces: the largest per pixel, so joints are not drawn twice.
    var coverage: [Int: Double] = [:]
    for (a, b) in pieces { stroke(a, b, lineWidth / 2, &coverage) }
    for (index, alpha) in coverage { blend(index % width, index / width, color, alpha) }
  }

  /// Coverage of a capsule around a segment, split into short pieces so each touches few pixels.
  private func stroke(
    _ a: ChartScene.Point, _ b: ChartScene.Point, _ half: Double, _ coverage: inout [Int: Double]
  ) {
    let length = hypot(b.x - a.x, b.y - a.y)
    let steps = max(1, Int(ceil(length / 8)))
    for s in 0..<steps {
      let t0 = Double(s) / Double(steps)
      let t1 = Double(s + 1) / Double(steps)
      let p = ChartScene.Point(x: a.x + (b.x - a.x) * t0, y: a.y + (b.y - a.y) * t0)
      let q = ChartScene.Point(x: a.x + (b.x - a.x) * t1, y: a.y + (b.y - a.y) * t1)
      let minX = Int(floor(min(p.x, q.x) - half - 1)), maxX = Int(ceil(max(p.x, q.x) + half + 1))
      let minY = Int(floor(min(p.y, q.y) - half - 1)), maxY = Int(ceil(max(p.y, q.y) + half + 1))
      for py in max(0, minY)...max(0, min(height - 1, maxY)) {
        for px in max(0, minX)...max(0, min(width - 1, maxX)) {
          let d = Self.distance(Double(px) + 0.5, Double(py) + 0.5, p, q)
          let alpha = min(1, half + 0.5 - d)
          if alpha > 0 { coverage[py * width + px] = max(coverage[py * width + px] ?? 0, alpha) }
        }
      }
    }
  }

  /// Distance from a point to a segment.
  static func distance(_ x: Double, _ y: Double, _ a: ChartScene.Point, _ b: ChartScene.Point) -> Double {
    let dx = b.x - a.x, dy = b.y - a.y
    let t = max(0, min(1, ((x - a.x) * dx + (y - a.y) * dy) / max(1e-12, dx * dx + dy * dy)))
    return hypot(x - (a.x + t * dx), y - (a.y + t * dy))
  }

  /// Text in the bitmap font, `scale` pixels per font pixel. The anchor point is on the baseline,
  /// as in SVG; vertical text reads bottom to top.
  mutating func text(
    _ string: String, at p: ChartScene.Point, anchor: ChartScene.Anchor, scale: Int, vertical: Bool,
    _ color: RGB
  ) {
    let advance = BitmapFont.advance * scale
    let total = Double(advance * string.count - scale)
    let shift = anchor == .start ? 0 : anchor == .middle ? total / 2 : total
    let baseline = BitmapFont.baseline * scale
    for (i, ch) in string.enumerated() {
      let glyph = BitmapFont.glyph(ch)
      for (row, bits) in glyph.enumerated() {
        for (col, on) in bits.enumerated() where on {
          // Offsets along the text (u) and down from its top (v), then placed.
          let u = Double(i * advance + col * scale) - shift
          let v = Double(row * scale - baseline)
          for dy in 0..<scale {
            for dx in 0..<scale {
              let (x, y) =
                vertical
                ? (p.x + v + Double(dy), p.y - u - Double(dx)) : (p.x + u + Double(dx), p.y + v + Double(dy))
              blend(Int(x.rounded(.down)), Int(y.rounded(.down)), color, 1)
            }
          }
        }
      }
    }
  }
}
