import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One running instance of a model program: its stdin for requests, its stdout as lines, the tail of
/// its stderr. Reader threads drain both output pipes so the program never blocks on them.
final class CommandProcess: @unchecked Sendable {
  /// How a program ended.
  enum Termination: Sendable, Equatable, CustomStringConvertible {
    case exited(Int32)
    case signalled(Int32)

    var description: String {
      switch self {
      case .exited(let status): return "exited with status \(status)"
      case .signalled(let signal): return "was killed by signal \(signal)"
      }
    }
  }

  let stdout = LineChannel()
  let stderr = StderrTail()
  private let process: Process
  private let stdinPipe: Pipe
  private let lock = NSLock()
  private var inputClosed = false

  private init(process: Process, stdinPipe: Pipe) {
    self.process = process
    self.stdinPipe = stdinPipe
  }

  /// Starts the program. Throws when it cannot be started at all (not executable, no such directory).
  static func launch(executable: URL, arguments: [String], environment: [String: String], directory: URL) throws
    -> CommandProcess
  {
    ignoreSIGPIPE
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.environment = environment
    process.currentDirectoryURL = directory
    let stdinPipe = Pipe()
    let stdoutPipe = Pipe()
    let stderrPipe = Pipe()
    process.standardInput = stdinPipe
    process.standardOutput = stdoutPipe
    process.standardError = stderrPipe
    let running = CommandProcess(process: process, stdinPipe: stdinPipe)
    try process.run()
    // Writes must never block forever on a program that stopped reading: see `send`.
    let fd = stdinPipe.fileHandleForWriting.fileDescriptor
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    drain(stdoutPipe.fileHandleForReading, into: { running.stdout.append($0) }, then: { running.stdout.finish() })
    drain(stderrPipe.fileHandleForReading, into: { running.stderr.append($0) }, then: { running.stderr.finish() })
    return running
  }

  /// A program that exits while we write to it must give us `EPIPE`, not kill weir with SIGPIPE.
  /// Process-wide, once: no part of weir wants SIGPIPE's default.
  private static let ignoreSIGPIPE: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

  /// Reads the pipe on its own thread until end of file.
  private static func drain(_ handle: FileHandle, into sink: @escaping @Sendable (Data) -> Void, then done: @escaping @Sendable () -> Void) {
    let fd = handle.fileDescriptor
    Thread.detachNewThread {
      var buffer = [UInt8](repeating: 0, count: 65536)
      while true {
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n > 0 {
          sink(Data(buffer[0..<n]))
        } else if n < 0 && errno == EINTR {
          continue
        } else {
          break
        }
      }
      try? handle.close()
      done()
    }
  }

  var isRunning: Bool { process.isRunning }
  var pid: Int32 { process.processIdentifier }

  enum SendFailure: Error {
    /// The program closed its stdin (it exited, most likely).
    case closed
    /// The program stopped reading and the pipe stayed full until the deadline.
    case blocked
  }

  /// Writes one line to the program's stdin, waiting (without blocking a thread) while the pipe is full.
  func send(_ line: Data, deadline: ContinuousClock.Instant) async -> Result<Void, SendFailure> {
    var remaining = line[...]
    while !remaining.isEmpty {
      guard let (n, error) = writeSome(remaining) else { return .failure(.closed) }
      if n > 0 {
        remaining = remaining.dropFirst(n)
      } else if error == EAGAIN || error == EWOULDBLOCK || error == EINTR {
        if ContinuousClock.now >= deadline { return .failure(.blocked) }
        try? await Task.sleep(for: .milliseconds(2))
      } else {
        return .failure(.closed)
      }
    }
    return .success(())
  }

  /// One `write(2)` of as much as the pipe takes: the count and errno, or `nil` once stdin is closed.
  private func writeSome(_ bytes: Data.SubSequence) -> (Int, Int32)? {
    lock.withLock {
      guard !inputClosed else { return nil }
      let fd = stdinPipe.fileHandleForWriting.fileDescriptor
      let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
      return (n, errno)
    }
  }

  /// Closes stdin: a well-behaved program finishes its work and exits.
  func closeInput() {
    lock.lock()
    defer { lock.unlock() }
    guard !inputClosed else { return }
    inputClosed = true
    try? stdinPipe.fileHandleForWriting.close()
  }

  /// Kills the program at once (SIGKILL): for a program that hung, there is nothing to wait for.
  func kill() {
    closeInput()
    if process.isRunning { signalProcess(process.processIdentifier, SIGKILL) }
  }

  /// How the program ended, once it has; `nil` if it is still running after `timeout`.
  func waitForExit(timeout: Duration) async -> Termination? {
    let deadline = ContinuousClock.now + timeout
    while process.isRunning {
      if ContinuousClock.now >= deadline { return nil }
      try? await Task.sleep(for: .milliseconds(5))
    }
    switch process.terminationReason {
    case .exit: return .exited(process.terminationStatus)
    case .uncaughtSignal: return .signalled(process.terminationStatus)
    @unknown default: return .exited(process.terminationStatus)
    }
  }

  /// Closes stdin and gives the program `grace` to exit, then SIGTERM, then SIGKILL.
  func shutdown(grace: Duration) async {
    closeInput()
    if await waitForExit(timeout: grace) != nil { return }
    process.terminate()
    if await waitForExit(timeout: .milliseconds(500)) != nil { return }
    kill()
    _ = await waitForExit(timeout: .milliseconds(500))
  }

  /// For deinit: no waiting possible, so close stdin and ask the program to stop.
  func stopNow() {
    closeInput()
    if process.isRunning { process.terminate() }
  }
}

/// `kill(2)`, under a name that does not clash with `CommandProcess.kill()`.
private func signalProcess(_ pid: Int32, _ signal: Int32) {
  _ = kill(pid, signal)
}
