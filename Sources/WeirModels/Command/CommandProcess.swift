import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One running instance of a model program: its stdin for requests, its stdout as lines, the tail of
/// its stderr. Reader threads drain both output pipes so the program never blocks on them.
///
/// The program is spawned with `posix_spawn` rather than Foundation's `Process`. On Linux `Process`
/// passes the parent's signal mask and ignored signals on to the child. A model would then start with
/// SIGTERM blocked and SIGPIPE ignored, so `terminate()` would not stop it, and shell pipelines inside
/// it would print "Broken pipe" errors. Here the child starts with every signal unblocked and at its
/// default action, as if started from a shell.
///
/// The program leads a process group of its own, and stopping it ends the whole group: a model that
/// runs helpers (a shell script starting `python`, a server it forks) leaves none of them behind when
/// it hangs and is killed. Being in its own group also means a Ctrl-C at the terminal reaches weir
/// only, which lets the inputs in flight finish as `weir run` promises; the program sees its stdin
/// close when weir ends.
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

    /// Decodes a `waitpid` status (the `WIFEXITED` / `WTERMSIG` macros, which Swift cannot import).
    init(waitStatus status: Int32) {
      let signal = status & 0x7f
      self = signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
    }
  }

  let stdout: LineChannel
  let stderr = StderrTail()
  let pid: pid_t
  private let lock = NSLock()
  private var stdinFD: Int32
  private var termination: Termination?

  private init(pid: pid_t, stdinFD: Int32, maxLineBytes: Int) {
    self.pid = pid
    self.stdinFD = stdinFD
    self.stdout = LineChannel(maxLineBytes: maxLineBytes)
  }

  deinit {
    stopNow()
  }

  /// Starts `executable` with `arguments` in `directory`. Throws when it cannot be started at all.
  /// Answer lines longer than `maxLineBytes` arrive as `LineChannel.Event.tooLong`.
  static func launch(
    executable: URL, arguments: [String], environment: [String: String], directory: URL,
    maxLineBytes: Int = CommandConfig.defaultMaxLineBytes
  ) throws -> CommandProcess {
    ignoreSIGPIPE
    // Pipes are made close-on-exec in two steps (Swift cannot see `pipe2`), so two launches at once
    // could hand each other's pipes to their children; one launch at a time prevents that.
    spawnLock.lock()
    defer { spawnLock.unlock() }
    let input = try PipeFDs.make()
    let output = try PipeFDs.make()
    let errors = try PipeFDs.make()
    let childEnds = [input.read, output.write, errors.write]
    defer { childEnds.forEach { _ = close($0) } }
    let pid: pid_t
    do {
      pid = try spawn(
        executable: executable, arguments: arguments, environment: environment, directory: directory,
        stdin: input.read, stdout: output.write, stderr: errors.write)
    } catch {
      [input.write, output.read, errors.read].forEach { _ = close($0) }
      throw error
    }
    // Writes must never block forever on a program that stopped reading: see `send`.
    _ = fcntl(input.write, F_SETFL, fcntl(input.write, F_GETFL) | O_NONBLOCK)
    let process = CommandProcess(pid: pid, stdinFD: input.write, maxLineBytes: maxLineBytes)
    // The readers hold the channels, not the process, so releasing the process still stops it.
    let (lines, tail) = (process.stdout, process.stderr)
    drain(output.read, into: { lines.append($0) }, then: { lines.finish() })
    drain(errors.read, into: { tail.append($0) }, then: { tail.finish() })
    return process
  }

  /// A program that exits while we write to it must give us `EPIPE`, not kill weir with SIGPIPE.
  /// Process-wide, once: no part of weir wants SIGPIPE's default. Children get the default back.
  private static let ignoreSIGPIPE: Void = { _ = Glibc.signal(SIGPIPE, SIG_IGN) }()

  private static let spawnLock = NSLock()

  /// `posix_spawn` through `/bin/sh -c 'cd "$1" && shift && exec "$@"'`. The shell only changes into
  /// the working directory (glibc's `addchdir_np` is not visible to Swift) and then replaces itself
  /// with the program, which keeps the pid. The command itself is never parsed by a shell.
  private static func spawn(
    executable: URL, arguments: [String], environment: [String: String], directory: URL,
    stdin: Int32, stdout: Int32, stderr: Int32
  ) throws -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, stdin, 0)
    posix_spawn_file_actions_adddup2(&actions, stdout, 1)
    posix_spawn_file_actions_adddup2(&actions, stderr, 2)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var unblocked = sigset_t()
    sigemptyset(&unblocked)
    posix_spawnattr_setsigmask(&attributes, &unblocked)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for s in [
      SIGPIPE, SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGCHLD, SIGALRM, SIGUSR1, SIGUSR2, SIGTTIN, SIGTTOU,
    ] {
      sigaddset(&defaults, s)
    }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    // Process group 0: a new group whose id is the child's pid.
    posix_spawnattr_setpgroup(&attributes, 0)
    posix_spawnattr_setflags(
      &attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

    let argv =
      ["/bin/sh", "-c", "cd \"$1\" && shift && exec \"$@\"", "weir-model", directory.path, executable.path]
      + arguments
    let envp = environment.map { "\($0.key)=\($0.value)" }
    var pid: pid_t = 0
    let status = withCStrings(argv) { cArgv in
      withCStrings(envp) { cEnvp in posix_spawn(&pid, "/bin/sh", &actions, &attributes, cArgv, cEnvp) }
    }
    guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EINVAL) }
    return pid
  }

  /// Reads a pipe on its own thread until end of file, then closes it.
  private static func drain(
    _ fd: Int32, into sink: @escaping @Sendable (Data) -> Void, then done: @escaping @Sendable () -> Void
  ) {
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
      _ = close(fd)
      done()
    }
  }

  /// How the program ended, if it has (reaping it the first time this is seen).
  var exitStatus: Termination? {
    lock.withLock {
      if termination == nil {
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        if result == pid {
          termination = Termination(waitStatus: status)
        } else if result < 0 && errno == ECHILD {
          termination = .exited(-1)
        }
      }
      return termination
    }
  }

  var isRunning: Bool { exitStatus == nil }

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
      guard stdinFD >= 0 else { return nil }
      let n = bytes.withUnsafeBytes { write(stdinFD, $0.baseAddress, $0.count) }
      return (n, errno)
    }
  }

  /// Closes stdin: a well-behaved program finishes its work and exits.
  func closeInput() {
    lock.withLock {
      if stdinFD >= 0 { _ = close(stdinFD) }
      stdinFD = -1
    }
  }

  /// Kills the program and every process in its group at once (SIGKILL): for a program that hung,
  /// there is nothing to wait for.
  func kill() {
    closeInput()
    deliver(SIGKILL)
  }

  /// Sends `signal` to the program's process group: to the program and whatever it started that is
  /// still in the group, even after the program itself has exited.
  private func deliver(_ signal: Int32) {
    _ = Glibc.kill(-pid, signal)
  }

  /// How the program ended, once it has; `nil` if it is still running after `timeout`.
  func waitForExit(timeout: Duration) async -> Termination? {
    let deadline = ContinuousClock.now + timeout
    while true {
      if let ended = exitStatus { return ended }
      if ContinuousClock.now >= deadline { return nil }
      try? await Task.sleep(for: .milliseconds(5))
    }
  }

  /// Closes stdin and gives the program `grace` to exit, then SIGTERM, then SIGKILL; processes it
  /// left behind in its group get SIGTERM once it has exited.
  func shutdown(grace: Duration) async {
    closeInput()
    if await waitForExit(timeout: grace) != nil {
      deliver(SIGTERM)
      return
    }
    deliver(SIGTERM)
    if await waitForExit(timeout: .milliseconds(500)) != nil { return }
    kill()
    _ = await waitForExit(timeout: .seconds(1))
  }

  /// For `deinit`, which cannot wait: close stdin, ask the program to stop, and let a thread reap it
  /// (SIGKILL after two seconds), so no zombie is left behind.
  func stopNow() {
    closeInput()
    guard isRunning else { return }
    deliver(SIGTERM)
    let pid = self.pid
    Thread.detachNewThread {
      var status: Int32 = 0
      for _ in 0..<200 {
        if waitpid(pid, &status, WNOHANG) != 0 { return }
        usleep(10_000)
      }
      _ = Glibc.kill(-pid, SIGKILL)
      _ = waitpid(pid, &status, 0)
    }
  }
}

/// A pipe's two descriptors, both close-on-exec (the child gets its ends through `dup2`).
private enum PipeFDs {
  static func make() throws -> (read: Int32, write: Int32) {
    var fds: [Int32] = [-1, -1]
    guard pipe(&fds) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EMFILE) }
    for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    return (fds[0], fds[1])
  }
}

/// Calls `body` with a NULL-terminated C array of the strings, valid for the call.
private func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
  let pointers = strings.map { strdup($0) } + [nil]
  defer { pointers.forEach { free($0) } }
  return body(pointers)
}
