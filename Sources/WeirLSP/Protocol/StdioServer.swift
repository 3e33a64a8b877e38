import Foundation
import WeirCore

/// Runs a `LanguageServer` over two file descriptors (standard input and output for `weir lsp`):
/// reads frames, answers them, and publishes diagnostics once the client has been quiet for
/// `debounce` milliseconds after a change.
public struct StdioServer {
  public var server: LanguageServer
  public var debounce: Int
  private let input: Int32
  private let output: Int32
  private var framer = MessageFramer()

  public init(server: LanguageServer, debounce: Int = 15, input: Int32 = 0, output: Int32 = 1) {
    self.server = server
    self.debounce = debounce
    self.input = input
    self.output = output
  }

  /// Serves until `exit` or the end of the input; returns the exit status (`exit` after
  /// `shutdown`: 0; otherwise 1).
  public mutating func run() -> Int32 {
    signal(SIGPIPE, SIG_IGN)
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      while let incoming = framer.next() {
        send(server.handle(incoming))
        if let code = server.exitCode { return code }
      }
      if server.hasPendingDiagnostics, !waitForInput(milliseconds: debounce) {
        send(server.publishPending())
        continue
      }
      let n = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
      if n < 0, errno == EINTR { continue }
      guard n > 0 else { return server.exitCode ?? 1 }
      framer.append(chunk[0..<n])
    }
  }

  /// Whether input arrives within the time; `poll` on the input.
  private func waitForInput(milliseconds: Int) -> Bool {
    var fds = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
    while true {
      let r = poll(&fds, 1, Int32(milliseconds))
      if r < 0, errno == EINTR { continue }
      return r != 0
    }
  }

  private func send(_ messages: [JSONValue]) {
    for message in messages {
      let bytes = MessageFramer.frame(message)
      var written = 0
      while written < bytes.count {
        let n = bytes[written...].withUnsafeBytes { write(output, $0.baseAddress, $0.count) }
        if n < 0, errno == EINTR { continue }
        guard n > 0 else { return }
        written += n
      }
    }
  }
}
