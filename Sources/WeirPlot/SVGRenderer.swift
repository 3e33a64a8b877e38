import Foundation

/// Writes a chart scene as SVG 1.1 text.
enum SVGRenderer {
  static func render(_ chart: SweepChart) -> String { render(chart.scene) }

  static func render(_ scene: ChartScene) -> String {
    var out = """
      <?xml version="1.0" encoding="UTF-8"?>
      <svg xmlns="http://www.w3.org/2000/svg" width="\(scene.width)" height="\(scene.height)" viewBox="0 0 \(scene.width) \(scene.height)" font-family="Helvetica, Arial, sans-serif">
      <rect width="100%" height="100%" fill="\(scene.background.hex)"/>

      """
    for shape in scene.shapes { out += element(shape) + "\n" }
    return out + "</svg>\n"
  }

  private static func element(_ shape: ChartScene.Shape) -> String {
    switch shape {
    case .line(let points, let color, let width, let dashed, let role):
      let list = points.map { "\(n($0.x)),\(n($0.y))" }.joined(separator: " ")
      let dash = dashed ? " stroke-dasharray=\"8 5\"" : ""
      return
        "<polyline class=\"\(escape(role))\" points=\"\(list)\" fill=\"none\" stroke=\"\(color.hex)\" stroke-width=\"\(n(width))\" stroke-linejoin=\"round\" stroke-linecap=\"round\"\(dash)/>"
    case .dot(let p, let radius, let color, let role):
      return
        "<circle class=\"\(escape(role))\" cx=\"\(n(p.x))\" cy=\"\(n(p.y))\" r=\"\(n(radius))\" fill=\"\(color.hex)\"/>"
    case .rect(let x, let y, let w, let h, let color, let role):
      return
        "<rect class=\"\(escape(role))\" x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(w))\" height=\"\(n(h))\" fill=\"\(color.hex)\"/>"
    case .text(let text, let p, let anchor, let size, let color, let vertical, let role):
      let rotate = vertical ? " transform=\"rotate(-90 \(n(p.x)) \(n(p.y)))\"" : ""
      return
        "<text class=\"\(escape(role))\" x=\"\(n(p.x))\" y=\"\(n(p.y))\" text-anchor=\"\(anchor.rawValue)\" font-size=\"\(size.svgPoints)\" fill=\"\(color.hex)\"\(rotate)>\(escape(text))</text>"
    }
  }

  /// A coordinate with at most two decimals.
  private static func n(_ x: Double) -> String {
    let r = (x * 100).rounded() / 100
    return r == r.rounded()
      ? String(Int(r))
      : String(format: "%.2f", r).replacingOccurrences(of: #"0$"#, with: "", options: .regularExpression)
  }

  private static func escape(_ s: String) -> String {
    s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }
}
