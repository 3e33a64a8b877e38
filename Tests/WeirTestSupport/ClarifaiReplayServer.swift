import FlyingFox
import Foundation

/// A real HTTP server on 127.0.0.1 (an ephemeral port) that plays a Clarifai model: it answers
/// `POST /v2/…/outputs` with the outputs recorded in a Clarifai predictions file, looked up by the
/// id each input was sent under, so a workflow run against it must write what a replay of the same
/// file writes. It can be told to fail for some inputs, and it logs what it was sent.
final class ClarifaiReplayServer: Sendable {
  /// How the server misbehaves.
  enum Fault: Sendable, Hashable {
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
  struct Received: Sendable {
    var path: String
    var authorization: String?
    var inputIds: [String]
  }

  let port: UInt16
  let state: State
  private let server: HTTPServer
  private let task: Task<Void, Error>

  var baseURL: String { "http://127.0.0.1:\(port)" }

  private init(server: HTTPServer, task: Task<Void, Error>, port: UInt16, state: State) {
    self.server = server
    self.task = task
    self.port = port
    self.state = state
  }

  /// Starts a server answering from `predictions` (a Clarifai `MultiOutputResponse` file).
  static func start(predictions: URL, faults: Set<Fault> = []) async throws -> ClarifaiReplayServer {
    let state = State(outputs: try outputsByInputId(predictions), faults: faults)
    let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 10, logger: .disabled)
    await server.appendRoute("POST /v2/*") { request in try await state.handle(request) }
    let task = Task { try await server.run() }
    try await server.waitUntilListening()
    guard case .ip4(_, let port)? = await server.listeningAddress else {
      throw CocoaError(.featureUnsupported)
    }
    return ClarifaiReplayServer(server: server, task: task, port: port, state: state)
  }

  func stop() async {
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

  /// The server's answers and its log.
  actor State {
    let outputs: [String: String]
    let faults: Set<Fault>
    /// Every request, in the order it arrived.
    private(set) var received: [Received] = []

    init(outputs: [String: String], faults: Set<Fault>) {
      self.outputs = outputs
      self.faults = faults
    }

    func handle(_ request: HTTPRequest) async throws -> HTTPResponse {
      let body = try await request.bodyData
      let json = try? JSONSerialization.jsonObject(with: body) as? [String: Any]
      let ids = (json?["inputs"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
      let authorization = request.headers[.authorization]
      received.append(Received(path: request.path, authorization: authorization, inputIds: ids))
      if faults.contains(.unauthorized) {
        return Self.response(401, #"{"status": {"code": 11009, "description": "API key not found"}}"#)
      }
      if ids.contains(where: { faults.contains(.hang(input: $0)) }) {
        try await Task.sleep(for: .seconds(30))
      }
      if ids.contains(where: { faults.contains(.garbage(input: $0)) }) {
        return HTTPResponse(statusCode: .ok, body: Data("<html>502 Bad Gateway</html>".utf8))
      }
      if let failing = ids.first(where: { faults.contains(.serverError(input: $0)) }) {
        let description =
          "model worker crashed on \(failing) (request had Authorization: \(authorization ?? "none"))"
        return Self.response(500, #"{"status": {"code": 21317, "description": "\#(description)"}}"#)
      }
      return Self.response(200, answer(ids))
    }

    /// A `MultiOutputResponse` for the ids, outputs in reverse order (matching must go by id).
    private func answer(_ ids: [String]) -> String {
      var mixed = false
      let answers = ids.reversed().map { id -> String in
        if faults.contains(.failedOutput(input: id)) {
          mixed = true
          return #"{"id": "out-\#(id)", "input": {"id": "\#(id)"}, "status": "#
            + #"{"code": 30002, "description": "Input image could not be decoded"}}"#
        }
        if let recorded = outputs[id] { return recorded }
        mixed = true
        return #"{"input": {"id": "\#(id)"}, "status": {"code": 30002, "description": "no recorded output"}}"#
      }
      let status =
        mixed ? #"{"code": 10010, "description": "Mixed Success"}"# : #"{"code": 10000, "description": "Ok"}"#
      return #"{"status": \#(status), "outputs": [\#(answers.joined(separator: ", "))]}"#
    }

    private static func response(_ status: Int, _ body: String) -> HTTPResponse {
      HTTPResponse(
        statusCode: HTTPStatusCode(status, phrase: status == 200 ? "OK" : "Error"),
        headers: [.contentType: "application/json"], body: Data(body.utf8))
    }
  }
}
