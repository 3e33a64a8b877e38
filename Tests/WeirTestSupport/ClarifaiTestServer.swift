import FlyingFox
import Foundation
import WeirCore
import WeirValues

/// A real HTTP server on 127.0.0.1 (an ephemeral port) that answers `PostModelOutputs` the way
/// Clarifai does. It answers either with synthetic predictions that follow from each input id
/// (`start()`, see `ClarifaiFixtures`) or with the outputs recorded in a Clarifai predictions file
/// (`start(replaying:)`), so a workflow run against it must write what a replay of the same file
/// writes. It can be scripted to misbehave one request at a time (`state.then`), or told to fail
/// for some inputs every time (`Fault`), and it logs what it was sent. Call `stop()` on every path.
public final class ClarifaiTestServer: Sendable {
  /// What the server does with the next request.
  public enum Behaviour: Sendable {
    /// Answers every input (outputs in reverse order, so matching by position would be wrong).
    case ok
    /// Answers, but an output per listed input id carries a failure status; a `nil` code drops the
    /// output altogether.
    case partial(failing: [String: Int?])
    /// Answers with outputs that do not name their inputs, in input order.
    case okWithoutInputIds
    /// Any status, body and headers.
    case respond(status: Int, body: String, headers: [String: String] = [:])
    /// Any status and headers with a body of bytes (a gzip stream, say).
    case respondBytes(status: Int, body: Data, headers: [String: String] = [:])
    /// Never answers (until the server stops).
    case hang
    /// Waits, then answers like `.ok`.
    case slow(Duration)
  }

  /// How the server misbehaves for some inputs, on every request that carries them.
  public enum Fault: Sendable, Hashable {
    /// Every request that carries this input id gets HTTP 500, forever. The description echoes the
    /// request's `Authorization` header, as a careless proxy would.
    case serverError(input: String)
    /// The output for this input carries Clarifai status 30002 (the rest of the batch succeeds).
    case failedOutput(input: String)
    /// Every request gets HTTP 401 with Clarifai status 11009.
    case unauthorized
    /// Every request that carries this input id gets no answer (until the server stops).
    case hang(input: String)
    /// Every request that carries this input id gets a proxy's HTML error page with status 200.
    case garbage(input: String)
  }

  /// One request as the server saw it.
  public struct Received: Sendable {
    public var path: String
    public var authorization: String?
    public var acceptEncoding: String?
    public var body: WeirValues.JSONValue
    public var inputIds: [String] { body["inputs"]?.array?.compactMap { $0["id"]?.string } ?? [] }
  }

  public let port: UInt16
  public let state: State
  private let server: HTTPServer
  private let task: Task<Void, Error>

  public var baseURL: String { "http://127.0.0.1:\(port)" }

  private init(server: HTTPServer, task: Task<Void, Error>, port: UInt16, state: State) {
    self.state = state
    self.server = server
    self.task = task
    self.port = port
  }

  /// Starts a server that answers with synthetic predictions (`ClarifaiFixtures`).
  public static func start(faults: Set<Fault> = []) async throws -> ClarifaiTestServer {
    try await start(state: State(recorded: nil, faults: faults))
  }

  /// Starts a server answering from `predictions` (a Clarifai `MultiOutputResponse` file), each
  /// output looked up by the id of the input it answers.
  public static func start(replaying predictions: URL, faults: Set<Fault> = []) async throws
    -> ClarifaiTestServer
  {
    try await start(state: State(recorded: try outputsByInputId(predictions), faults: faults))
  }

  private static func start(state: State) async throws -> ClarifaiTestServer {
    let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 30, logger: .disabled)
    await server.appendRoute("POST /v2/*") { request in try await state.handle(request) }
    await server.appendRoute("POST /elsewhere") { _ in
      await state.noteElsewhere()
      return HTTPResponse(statusCode: .ok, body: Data(#"{"outputs": []}"#.utf8))
    }
    let task = Task { try await server.run() }
    do {
      try await server.waitUntilListening()
      guard case .ip4(_, let port)? = await server.listeningAddress else {
        throw CocoaError(.featureUnsupported)
      }
      return ClarifaiTestServer(server: server, task: task, port: port, state: state)
    } catch {
      task.cancel()
      await server.stop(timeout: 0)
      throw error
    }
  }

  /// Stops listening and drops every open connection (a hanging answer ends here).
  public func stop() async {
    task.cancel()
    await server.stop(timeout: 0)
  }

  /// Each recorded output, as JSON text, by the id of the input it answers.
  private static func outputsByInputId(_ file: URL) throws -> [String: String] {
    let root = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any]
    var outputs: [String: String] = [:]
    for output in root?["outputs"] as? [[String: Any]] ?? [] {
      guard let id = (output["input"] as? [String: Any])?["id"] as? String else { continue }
      let data = try JSONSerialization.data(withJSONObject: output, options: [.sortedKeys])
      outputs[id] = String(decoding: data, as: UTF8.self)
    }
    return outputs
  }
}
