import FlyingFox
import Foundation
import WeirCore

/// A real HTTP server on 127.0.0.1 (an ephemeral port) that answers `PostModelOutputs` the way
/// Clarifai does, and can be told how to misbehave, one request at a time.
final class ClarifaiTestServer: Sendable {
  /// What the server does with the next request.
  enum Behaviour: Sendable {
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

  /// One request as the server saw it.
  struct Received: Sendable {
    var path: String
    var authorization: String?
    var acceptEncoding: String?
    var body: JSONValue
    var inputIds: [String] { body["inputs"]?.array?.compactMap { $0["id"]?.string } ?? [] }
  }

  let port: UInt16
  let state: State
  private let server: HTTPServer
  private let task: Task<Void, Error>

  var baseURL: String { "http://127.0.0.1:\(port)" }

  private init(server: HTTPServer, task: Task<Void, Error>, port: UInt16, state: State) {
    self.state = state
    self.server = server
    self.task = task
    self.port = port
  }

  static func start() async throws -> ClarifaiTestServer {
    let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 30, logger: .disabled)
    let state = State()
    await server.appendRoute("POST /v2/*") { request in try await state.handle(request) }
    await server.appendRoute("POST /elsewhere") { _ in
      await state.noteElsewhere()
      return HTTPResponse(statusCode: .ok, body: Data(#"{"outputs": []}"#.utf8))
    }
    let task = Task { try await server.run() }
    try await server.waitUntilListening()
    guard case .ip4(_, let port)? = await server.listeningAddress else {
      throw CocoaError(.featureUnsupported)
    }
    return ClarifaiTestServer(server: server, task: task, port: port, state: state)
  }

  func stop() async {
    task.cancel()
    await server.stop(timeout: 0)
  }

  /// The server's script and log.
  actor State {
    private var script: [Behaviour] = []
    /// Every request, in the order it arrived.
    private(set) var received: [Received] = []
    /// The most requests the server was handling at one time.
    private(set) var maxInFlight = 0
    /// Requests to `/elsewhere`, where the redirect test points.
    private(set) var elsewhereHits = 0
    private var inFlight = 0

    /// Queues behaviours for the next requests; after the script runs out, every request gets `.ok`.
    func then(_ behaviours: Behaviour...) { script.append(contentsOf: behaviours) }

    func noteElsewhere() { elsewhereHits += 1 }

    func handle(_ request: HTTPRequest) async throws -> HTTPResponse {
      let bodyData = try await request.bodyData
      let body = (try? JSONDecoder().decode(JSONValue.self, from: bodyData)) ?? .null
      let received = Received(
        path: request.path, authorization: request.headers[.authorization],
        acceptEncoding: request.headers[HTTPHeader("Accept-Encoding")], body: body)
      self.received.append(received)
      let behaviour = script.isEmpty ? .ok : script.removeFirst()
      inFlight += 1
      maxInFlight = max(maxInFlight, inFlight)
      defer { inFlight -= 1 }
      return try await Self.respond(behaviour, to: received.inputIds)
    }

    private static func respond(_ behaviour: Behaviour, to ids: [String]) async throws -> HTTPResponse {
      switch behaviour {
      case .ok:
        return json(200, ClarifaiFixtures.response(for: ids))
      case .partial(let failing):
        return json(200, ClarifaiFixtures.response(for: ids, failing: failing))
      case .okWithoutInputIds:
        return json(200, ClarifaiFixtures.response(for: ids, namingInputs: false))
      case .respond(let status, let body, let headers):
        return try await respond(
          .respondBytes(status: status, body: Data(body.utf8), headers: headers), to: ids)
      case .respondBytes(let status, let body, let headers):
        var h = HTTPHeaders()
        for (name, value) in headers { h[HTTPHeader(name)] = value }
        return HTTPResponse(statusCode: HTTPStatusCode(status, phrase: "Test"), headers: h, body: body)
      case .hang:
        try await Task.sleep(for: .seconds(30))
        return json(200, ClarifaiFixtures.response(for: ids))
      case .slow(let delay):
        try await Task.sleep(for: delay)
        return json(200, ClarifaiFixtures.response(for: ids))
      }
    }

    private static func json(_ status: Int, _ body: JSONValue) -> HTTPResponse {
      let data = (try? JSONEncoder().encode(body)) ?? Data()
      return HTTPResponse(
        statusCode: HTTPStatusCode(status, phrase: "OK"), headers: [.contentType: "application/json"],
        body: data)
    }
  }
}

/// Clarifai-shaped answers with predictions that follow from the input id: ids containing `cat` get a
/// sure cat (0.97), `dog` a doubtful dog (0.7), anything else an unlikely cat (0.3).
enum ClarifaiFixtures {
  static func prediction(for id: String) -> (concept: String, value: Double) {
    if id.contains("cat") { return ("cat", 0.97) }
    if id.contains("dog") { return ("dog", 0.7) }
    return ("cat", 0.3)
  }

  static func output(for id: String, namingInput: Bool = true, status: (Int, String) = (10000, "Ok"))
    -> JSONValue
  {
    let (concept, value) = prediction(for: id)
    var output: [String: JSONValue] = [
      "id": .string("out-\(id)"),
      "status": .object(["code": .number(Double(status.0)), "description": .string(status.1)]),
      "model": .object(["id": .string("pets-detector"), "model_type_id": .string("visual-detector")]),
    ]
    if namingInput { output["input"] = .object(["id": .string(id)]) }
    if status.0 == 10000 {
      output["data"] = .object([
        "regions": .array([
          .object([
            "id": .string("region-\(id)"),
            "region_info": .object([
              "bounding_box": .object([
                "top_row": .number(0.1), "left_col": .number(0.2), "bottom_row": .number(0.5),
                "right_col": .number(0.6),
              ])
            ]),
            "data": .object([
              "concepts": .array([
                .object([
                  "id": .string(concept), "name": .string(concept), "value": .number(value),
                  "app_id": .string("main"),
                ])
              ])
            ]),
            "value": .number(value),
          ])
        ])
      ])
    }
    return .object(output)
  }

  static func response(for ids: [String], failing: [String: Int?] = [:], namingInputs: Bool = true)
    -> JSONValue
  {
    var outputs: [JSONValue] = []
    for id in ids {
      switch failing[id] {
      case .none: outputs.append(output(for: id, namingInput: namingInputs))
      case .some(.none): continue
      case .some(.some(let code)):
        outputs.append(output(for: id, status: (code, "Input image could not be decoded")))
      }
    }
    let mixed = !failing.isEmpty
    return .object([
      "status": .object([
        "code": .number(mixed ? 10010 : 10000), "description": .string(mixed ? "Mixed Success" : "Ok"),
      ]),
      "outputs": .array(namingInputs ? outputs.reversed() : outputs),
    ])
  }
}
