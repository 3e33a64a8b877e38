import Foundation

/// Where the commands write: standard output for results, standard error for failures.
enum Terminal {
  enum Stream {
    case stdout, stderr

    var fileDescriptor: Int32 { self == .stdout ? STDOUT_FILENO : STDERR_FILENO }
  }

  /// Writes text as it is (no line break added).
  static func write(_ text: String, to stream: Stream = .stdout) {
    guard !text.isEmpty else { return }
    let handle = stream == .stdout ? FileHandle.standardOutput : FileHandle.standardError
    handle.write(Data(text.utf8))
  }

  /// Writes `weir: message` and a line break to standard error.
  static func fail(_ message: String) {
    write("weir: \(message)\n", to: .stderr)
  }

  /// Whether colour suits `stream`: it is a terminal, `NO_COLOR` is unset (https://no-color.org)
  /// and `TERM` is not `dumb`.
  static func wantsColor(
    _ stream: Stream, environment: [String: String] = ProcessInfo.processInfo.environment
  )
    -> Bool
  {
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
    if environment["TERM"] == "dumb" { return false }
    return isatty(stream.fileDescriptor) == 1
  }
}
