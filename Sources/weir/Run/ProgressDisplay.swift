import Foundation
import WeirCore

/// Shows how far a run has got, on standard error: a redrawn bar on a terminal (done/total, rate,
/// ETA), plain lines every ten seconds otherwise, so logs stay readable and short runs stay quiet.
final class ProgressDisplay {
  private let isTTY: Bool
  private let interval: Double
  private var lastDraw: Double
  private var drewBar = false

  /// - Parameter interval: seconds between plain lines (default 10); tests use 0 for a line per batch.
  init(isTTY: Bool = isatty(STDERR_FILENO) == 1, interval: Double? = nil) {
    self.isTTY = isTTY
    self.interval = interval ?? (isTTY ? 0.1 : 10)
    // Plain lines wait a whole interval, so a short run prints none.
    self.lastDraw = isTTY ? -Double.infinity : 0
  }

  func update(_ p: RunProgress) {
    guard p.done < p.total, p.elapsed - lastDraw >= interval else { return }
    lastDraw = p.elapsed
    if isTTY {
      write("\r\u{1B}[2K" + Self.bar(p))
      drewBar = true
    } else {
      write(Self.line(p) + "\n")
    }
  }

  /// Clears the bar so the summary starts on a clean line.
  func finish() {
    if drewBar { write("\r\u{1B}[2K") }
  }

  static func bar(_ p: RunProgress, width: Int = 24) -> String {
    let fraction = p.total > 0 ? Double(p.done) / Double(p.total) : 1
    let filled = Int((fraction * Double(width)).rounded(.down))
    let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    return "\(bar) " + details(p)
  }

  static func line(_ p: RunProgress) -> String {
    let percent = p.total > 0 ? p.done * 100 / p.total : 100
    return "progress: " + details(p).replacingOccurrences(of: " inputs", with: " inputs (\(percent)%)")
  }

  private static func details(_ p: RunProgress) -> String {
    var parts = ["\(p.done)/\(p.total) inputs", String(format: "%.0f/s", p.rate)]
    if let eta = p.eta { parts.append("ETA " + duration(eta)) }
    if p.failed > 0 { parts.append("\(p.failed) failed") }
    return parts.joined(separator: " · ")
  }

  static func duration(_ seconds: Double) -> String {
    let s = Int(seconds.rounded(.up))
    if s < 60 { return "\(s)s" }
    if s < 3600 { return "\(s / 60)m\(String(format: "%02d", s % 60))s" }
    return "\(s / 3600)h\(String(format: "%02d", s % 3600 / 60))m"
  }

  private func write(_ s: String) {
    FileHandle.standardError.write(Data(s.utf8))
  }
}
