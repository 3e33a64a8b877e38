import Foundation

/// The process's memory figures from `/proc/self/status` (Linux); `nil` elsewhere.
enum ProcessMemory {
  /// Peak resident set size (`VmHWM`), in bytes.
  static var peakResident: Int? { field("VmHWM") }

  /// Starts the peak over from the current size (Linux: `5` into `/proc/self/clear_refs`), so a
  /// benchmark can leave its own set-up out of the figure.
  static func resetPeak() {
    try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
  }

  private static func field(_ name: String) -> Int? {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
      let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
      if parts.count >= 2, let kb = Int(parts[1]) { return kb * 1024 }
    }
    return nil
  }
}

/// CPU time this process has used (user + system), in seconds: a figure that holds up on a busy
/// machine where wall time does not.
enum ProcessCPU {
  static var seconds: Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return s(usage.ru_utime) + s(usage.ru_stime)
  }
}
