/// A chart as shapes in pixel coordinates (origin top left), drawn the same way by the SVG and
/// the PNG renderer, so both files show the same picture.
struct ChartScene {
  var width: Int
  var height: Int
  var background = RGB(255, 255, 255)
  var shapes: [Shape] = []

  struct Point: Equatable {
    var x: Double
    var y: Double
  }

  /// What can be drawn. `role` names what a shape stands for (`series accepted`, `axis x`,
  /// `tick y 40`), written into the SVG so tests and people can find it.
  enum Shape {
    case line([Point], color: RGB, width: Double, dashed: Bool, role: String)
    case dot(Point, radius: Double, color: RGB, role: String)
    case rect(x: Double, y: Double, width: Double, height: Double, color: RGB, role: String)
    case text(String, at: Point, anchor: Anchor, size: TextSize, color: RGB, vertical: Bool, role: String)
  }

  enum Anchor: String {
    case start, middle, end
  }

  /// Text sizes: labels and ticks, and the title.
  enum TextSize {
    case label, title

    /// Height in pixels of a capital letter; the PNG font is drawn at this scale.
    var pixelScale: Int { self == .title ? 3 : 2 }
    /// Font size in the SVG, chosen so the SVG's text takes about the PNG's room.
    var svgPoints: Int { self == .title ? 20 : 13 }
  }
}

/// A colour.
struct RGB: Equatable {
  var r: UInt8
  var g: UInt8
  var b: UInt8

  init(_ r: UInt8, _ g: UInt8, _ b: UInt8) {
    self.r = r
    self.g = g
    self.b = b
  }

  var hex: String {
    "#" + [r, g, b].map { String($0, radix: 16).leftPadded(to: 2) }.joined()
  }
}

extension String {
  fileprivate func leftPadded(to n: Int) -> String { String(repeating: "0", count: max(0, n - count)) + self }
}
