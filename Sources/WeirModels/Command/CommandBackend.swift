import Foundation
import WeirCore

/// A model that is a local program speaking JSON lines on stdin/stdout (Design.md §5;
/// Documentation/Backends.md, "The command protocol").
///
/// The program is started on the first prediction and kept running; it answers one request at a
/// time. A program that crashes, exits, hangs past the timeout or stops reading is stopped and
/// started again on the next request, at most `restarts` times; the request it was working on fails
/// with what happened and the last lines of its stderr, and the others go on. Only the factory with
/// `allowExec: true` (`weir run --allow-exec`) creates one from a workflow.
public final class CommandBackend: ModelBackend, @unchecked Sendable {
  public let config: CommandConfig
  public let modelName: String
  /// The program that runs: `argv[0]` resolved against PATH or the working directory.
  public let executable: URL
  private let environment: [String: String]
  /// One request at a time; all state below is touched only while holding it.
  private let gate = AsyncSemaphore(permits: 1)
  private var starts = 0
  private var awaitingFirstAnswer = false
  private var lastFailure: String?
  private var closed = false
  /// Guarded by `lock` as well, because `deinit` and `close()` read it without the gate.
  private var current: CommandProcess?
  private let lock = NSLock()

  public var maxBatchSize: Int { config.batchSize }

  /// Finds the program (`argv[0]` on the environment's PATH, or relative to the working directory
  /// when it contains a `/`). Throws `BackendConfigError` (`backend.command-not-found`) when it is
  /// not there or not executable. Nothing starts until the first `predict`.
  public init(config: CommandConfig, modelName: String, environment: [String: String]) throws {
    self.config = config
    self.modelName = modelName
    self.environment = environment
    self.executable = try Self.resolveExecutable(
      config: config, modelName: modelName, environment: environment)
  }

  deinit {
    lock.lock()
    let process = current
    lock.unlock()
    process?.stopNow()
  }

  public func predict(_ requests: [ModelRequest]) async -> [Result<DataRecord, ModelError>] {
    var results: [Result<DataRecord, ModelError>] = []
    results.reserveCapacity(requests.count)
    for request in requests {
      results.append(await gate.withPermit { await self.predictOne(request) })
    }
    return results
  }

  /// Stops the program cleanly: closes its stdin, gives it `grace` to exit, then terminates it
  /// (SIGTERM, then SIGKILL). Later predictions fail.
  public func close(grace: Duration = .seconds(2)) async {
    await gate.acquire()
    closed = true
    let process = setCurrent(nil)
    await gate.release()
    await process?.shutdown(grace: grace)
  }

  /// The process id of the running program, if one runs (for tests and `--verbose`).
  public var runningProcessID: Int32? {
    lock.lock()
    defer { lock.unlock() }
    return current.flatMap { $0.isRunning ? $0.pid : nil }
  }

  private func predictOne(_ request: ModelRequest) async -> Result<DataRecord, ModelError> {
    let process: CommandProcess
    switch running() {
    case .success(let p): process = p
    case .failure(let error): return .failure(error)
    }
    let timeout = awaitingFirstAnswer ? config.startupTimeout : config.timeout
    let deadline = ContinuousClock.now + timeout
    switch await process.send(CommandMessages.line(for: request), deadline: deadline) {
    case .success: break
    case .failure(.closed): return await ended(process)
    case .failure(.blocked):
      return await stopHung(process, "stopped reading its input for \(format(timeout))")
    }
    return await answer(for: request.input.id, from: process, deadline: deadline, timeout: timeout)
  }

  /// Reads lines until the answer for `id` comes, the program ends, or the deadline passes. Answers
  /// for other ids are late answers to requests that already failed, and are skipped.
  private func answer(
    for id: String, from process: CommandProcess, deadline: ContinuousClock.Instant, timeout: Duration
  ) async -> Result<DataRecord, ModelError> {
    while true {
      let left = deadline - ContinuousClock.now
      let event = left > .zero ? await process.stdout.next(timeout: left) : .timedOut
      switch event {
      case .timedOut:
        return await stopHung(process, "did not answer within \(format(timeout))")
      case .endOfFile:
        return await ended(process)
      case .tooLong(let limit):
        awaitingFirstAnswer = false
        return .failure(
          ModelError(
            "the model program (\(config.displayCommand)) printed an answer line longer than "
              + "\(Self.megabytes(limit)), the most weir reads; this input fails and the rest of that line is skipped"
          ))
      case .line(let line) where line.allSatisfy(\.isWhitespace):
        continue
      case .line(let line):
        switch CommandMessages.parse(line) {
        case .data(id, let record):
          awaitingFirstAnswer = false
          return .success(record.fillingRegionIds())
        case .error(id, let message):
          awaitingFirstAnswer = false
          return .failure(ModelError("the model failed on this input: \(message)"))
        case .unreadable(id, let why):
          awaitingFirstAnswer = false
          return .failure(ModelError("the model's answer for this input cannot be read: \(why)"))
        case .data, .error, .unreadable:
          continue
        case .notAnAnswer(let text):
          return .failure(
            ModelError(
              "the model program (\(config.displayCommand)) printed a line that is not a JSON answer: "
                + "\(quoted(text)); it must print only answers on stdout (diagnostics go to stderr)"))
        }
      }
    }
  }

  /// The running program, starting it (again) if the restart budget allows.
  private func running() -> Result<CommandProcess, ModelError> {
    if closed { return .failure(ModelError("the model program (\(config.displayCommand)) was shut down")) }
    if let process = currentProcess() {
      if process.isRunning { return .success(process) }
      // It exited between requests: that is a crash too, and costs a restart.
      lastFailure = "it exited between requests" + stderrNote(process)
      setCurrent(nil)
    }
    guard starts <= config.restarts else {
      let reason = lastFailure.map { "; the last time \($0)" } ?? ""
      return .failure(
        ModelError(
          "the model program (\(config.displayCommand)) is not running: it stopped \(starts) times and "
            + "'restarts: \(config.restarts)' allows no more\(reason)"))
    }
    starts += 1
    do {
      let process = try CommandProcess.launch(
        executable: executable, arguments: Array(config.argv.dropFirst()), environment: environment,
        directory: config.workingDirectory, maxLineBytes: config.maxLineBytes)
      setCurrent(process)
      awaitingFirstAnswer = true
      return .success(process)
    } catch {
      lastFailure = "it could not be started: \(error.localizedDescription)"
      return .failure(
        ModelError("cannot start the model program (\(config.displayCommand)): \(error.localizedDescription)")
      )
    }
  }

  /// The program closed its output or input: it exited (or is about to). The request fails.
  private func ended(_ process: CommandProcess) async -> Result<DataRecord, ModelError> {
    var termination = await process.waitForExit(timeout: .seconds(1))
    if termination == nil {
      // It closed stdout but lives on: it cannot answer any more, so stop it.
      process.kill()
      termination = await process.waitForExit(timeout: .milliseconds(500))
    }
    await process.stderr.waitUntilFinished(timeout: .milliseconds(300))
    let what = termination?.description ?? "closed its output"
    return fail(process, "\(what) while predicting this input")
  }

  /// The program is stuck: kill it so the next request gets a fresh one.
  private func stopHung(_ process: CommandProcess, _ what: String) async -> Result<DataRecord, ModelError> {
    process.kill()
    _ = await process.waitForExit(timeout: .milliseconds(500))
    await process.stderr.waitUntilFinished(timeout: .milliseconds(100))
    return fail(process, "\(what); it was stopped")
  }

  private func fail(_ process: CommandProcess, _ what: String) -> Result<DataRecord, ModelError> {
    setCurrent(nil)
    lastFailure = what + stderrNote(process)
    let next =
      starts <= config.restarts
      ? "; it will be restarted (restart \(starts) of \(config.restarts))"
      : "; it will not be restarted ('restarts: \(config.restarts)' used up)"
    return .failure(
      ModelError("the model program (\(config.displayCommand)) \(what)\(next)\(stderrNote(process))"))
  }

  /// "; its stderr ends with: 'Traceback … | ZeroDivisionError: division by zero'".
  private func stderrNote(_ process: CommandProcess) -> String {
    let tail = process.stderr.last(3)
    guard !tail.isEmpty else { return "" }
    return "; its stderr ends with: \(quoted(tail.joined(separator: " | ")))"
  }

  private func quoted(_ text: String, limit: Int = 300) -> String {
    let flat = text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: "")
    return flat.count > limit ? "'\(flat.prefix(limit))…'" : "'\(flat)'"
  }

  private func format(_ duration: Duration) -> String { ClarifaiHTTPBackend.format(duration) }

  /// "64 MB", or "1500 bytes" below a megabyte.
  static func megabytes(_ bytes: Int) -> String {
    bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MB" : "\(bytes) bytes"
  }

  private func currentProcess() -> CommandProcess? {
    lock.lock()
    defer { lock.unlock() }
    return current
  }

  @discardableResult
  private func setCurrent(_ process: CommandProcess?) -> CommandProcess? {
    lock.lock()
    defer { lock.unlock() }
    let old = current
    current = process
    return old
  }
}
