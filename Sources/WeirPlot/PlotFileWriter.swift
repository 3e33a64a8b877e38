import Foundation
import WeirCore
import WeirREPL

/// Writes sweep plots for the REPL: SVG or PNG by the file's extension, by ``OutputTarget``'s rules.
public struct PlotFileWriter: SweepPlotWriter {
  public init() {}

  public func write(_ sweep: SweepResult, to path: String) throws {
    let chart = SweepChart(sweep)
    let bytes: [UInt8]
    if path.lowercased().hasSuffix(".png") {
      bytes = try PNGRenderer.render(chart)
    } else {
      bytes = Array(SVGRenderer.render(chart).utf8)
    }
    try OutputTarget.inspect(path).write(bytes)
  }
}
