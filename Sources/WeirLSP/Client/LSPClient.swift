import Foundation
import WeirCore

/// A small Language Server Protocol client that starts a server as a child process and talks to
/// it over pipes: what the protocol tests and `weir bench lsp` drive `weir lsp` with.
public final class LSPClient {
  public enum Failure: Error, CustomStringConvertible {
    case timeout(String)
    case closed(String)

    public var description: String {
      switch self {
      case .timeout(let what): "no \(what) within the time"
      case .closed(let what): "the server closed its output while waiting for \(what)"
      }
    }
  }

  private let process = Process()
  private let input = Pipe()
  private let output = Pipe()
  private var framer = MessageFramer()
  private var nextId = 1
  /// Notifications and other messages received while waiting for something else, oldest first.
  public private(set) var received: [JSONValue] = []

  /// Starts `executable arguments…` in `directory`; its standard error is discarded.
  public init(executable: String, arguments: [String], directory: String? = nil) throws {
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    signal(SIGPIPE, SIG_IGN)
    try process.run()
  }

  deinit { stop() }

  public var isRunning: Bool { process.isRunning }

  /// The server's exit status, once it has ended.
  public func exitStatus(timeout: Double = 10) -> Int32? {
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning, Date() < deadline { usleep(10_000) }
    return process.isRunning ? nil : process.terminationStatus
  }

  /// Ends the server if it still runs, and waits for it.
  public func stop() {
    try? input.fileHandleForWriting.close()
    if process.isRunning {
      let deadline = Date().addingTimeInterval(2)
      while process.isRunning, Date() < deadline { usleep(10_000) }
    }
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
    }
  }

  // MARK: - Sending

  public func sendRaw(_ bytes: [UInt8]) {
    try? input.fileHandleForWriting.write(contentsOf: Data(bytes))
  }

  public func send(_ message: JSONValue) { sendRaw(MessageFramer.frame(message)) }

  public func notify(_ method: String, _ params: JSONValue) {
    send(.object(["jsonrpc": .string("2.0"), "method": .string(method), "params": params]))
  }

  /// Sends a request and waits for its response (the whole message: `result` or `error`).
  public func request(_ method: String, _ params: JSONValue, timeout: Double = 20) throws -> JSONValue {
    let id = nextId
    nextId += 1
    send(
      .object([
        "jsonrpc": .string("2.0"), "id": .number(Double(id)), "method": .string(method), "params": params,
      ]))
    return try waitFor("the answer to \(method)", timeout: timeout) { $0["id"] == .number(Double(id)) }
  }

  // MARK: - Receiving

  /// Waits for a message that `matches` (one received earlier counts), and removes it.
  public func waitFor(_ what: String, timeout: Double = 20, matches: (JSONValue) -> Bool) throws -> JSONValue
  {
    if let i = received.firstIndex(where: matches) { return received.remove(at: i) }
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      while let incoming = framer.next() {
        guard case .message(let message) = incoming else { continue }
        if matches(message) { return message }
        received.append(message)
      }
      let left = deadline.timeIntervalSinceNow
      guard left > 0 else { throw Failure.timeout(what) }
      let fd = output.fileHandleForReading.fileDescriptor
      var fds = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
      let ready = poll(&fds, 1, Int32(min(left, 1) * 1000))
      if ready <= 0 { continue }
      var chunk = [UInt8](repeating: 0, count: 1 << 16)
      let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n < 0, errno == EINTR { continue }
      guard n > 0 else { throw Failure.closed(what) }
      framer.append(chunk[0..<n])
    }
  }

  /// Waits for the diagnostics of `uri` (of `version`, when given).
  public func diagnostics(for uri: String, version: Int? = nil, timeout: Double = 20) throws -> [JSONValue] {
    let message = try waitFor("diagnostics for \(uri)", timeout: timeout) {
      $0["method"]?.string == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.string == uri
        && (version == nil || $0["params"]?["version"] == .number(Double(version ?? 0)))
    }
    return message["params"]?["diagnostics"]?.array ?? []
  }

  // MARK: - Conveniences

  /// `initialize` then `initialized`; returns the server's capabilities.
  @discardableResult
  public func initialize(root: String) throws -> JSONValue {
    let response = try request(
      "initialize",
      .object([
        "processId": .null, "rootUri": .string("file://" + root), "capabilities": .object([:]),
      ]))
    notify("initialized", .object([:]))
    return response
  }

  public func open(_ uri: String, text: String, version: Int = 1) {
    notify(
      "textDocument/didOpen",
      .object([
        "textDocument": .object([
          "uri": .string(uri), "languageId": .string("yaml"), "version": .number(Double(version)),
          "text": .string(text),
        ])
      ]))
  }

  /// Replaces the text between two positions (0-based line, UTF-16 column).
  public func change(_ uri: String, version: Int, from: (Int, Int), to: (Int, Int), text: String) {
    notify(
      "textDocument/didChange",
      .object([
        "textDocument": .object(["uri": .string(uri), "version": .number(Double(version))]),
        "contentChanges": .array([
          .object([
            "range": .object([
              "start": .object(["line": .number(Double(from.0)), "character": .number(Double(from.1))]),
              "end": .object(["line": .number(Double(to.0)), "character": .number(Double(to.1))]),
            ]),
            "text": .string(text),
          ])
        ]),
      ]))
  }

  /// The params of a request about a position in a document.
  public static func at(_ uri: String, _ line: Int, _ character: Int) -> JSONValue {
    .object([
      "textDocument": .object(["uri": .string(uri)]),
      "position": .object(["line": .number(Double(line)), "character": .number(Double(character))]),
    ])
  }

  /// `shutdown` then `exit`; returns the exit status.
  public func shutdown() throws -> Int32? {
    _ = try request("shutdown", .null)
    notify("exit", .null)
    return exitStatus()
  }
}
