import FlyingFox
import Foundation
import WeirCore

extension ClarifaiTestServer {
  /// The server's script, its answers and its log.
  public actor State {
    /// Recorded outputs as JSON text by input id, when the server replays a predictions file.
    let recorded: [String: String]?
    let faults: Set<Fault>
    private var script: [Behaviour] = []
    /// Every request, in the order it arrived.
    public private(set) var received: [Received] = []
    /// The most requests the server was handling at one time.
    public private(set) var maxInFlight = 0
    /// Requests to `/elsewhere`, where the redirect test points.
    public private(set) var elsewhereHits = 0
    private var inFlight = 0

    init(recorded: [String: String]?, faults: Set<Fault>) {
      self.recorded = recorded
      self.faults = faults
    }

    /// Queues behaviours for the next requests; after the script runs out, every request gets `.ok`.
    public func then(_ behaviours: Behaviour...) { script.append(contentsOf: behaviours) }

    func noteElsewhere() { elsewhereHits += 1 }

    func handle(_ request: HTTPRequest) async throws -> HTTPResponse {
      let bodyData = try await request.bodyData
      let body = (try? JSONDecoder().decode(JSONValue.self, from: bodyData)) ?? .null
      let received = Received(
        path: request.path, authorization: request.headers[.authorization],
        acceptEncoding: request.headers[HTTPHeader("Accept-Encoding")], body: body)
      self.received.append(received)
      if let fault = try await fault(for: received) { return fault }
      let behaviour = script.isEmpty ? .ok : script.removeFirst()
      inFlight += 1
      maxInFlight = max(maxInFlight, inFlight)
      defer { inFlight -= 1 }
      return try await respond(behaviour, to: received.inputIds)
    }

    /// The answer a standing fault forces for this request, if any.
    private func fault(for received: Received) async throws -> HTTPResponse? {
      let ids = received.inputIds
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
          "model worker crashed on \(failing) (request had Authorization: \(received.authorization ?? "none"))"
        return Self.response(500, #"{"status": {"code": 21317, "description": "\#(description)"}}"#)
      }
      return nil
    }

    private func respond(_ behaviour: Behaviour, to ids: [String]) async throws -> HTTPResponse {
      switch behaviour {
      case .ok:
        return answer(ids)
      case .partial(let failing):
        return Self.json(200, ClarifaiFixtures.response(for: ids, failing: failing))
      case .okWithoutInputIds:
        return Self.json(200, ClarifaiFixtures.response(for: ids, namingInputs: false))
      case .respond(let status, let body, let headers):
        return try await respond(
          .respondBytes(status: status, body: Data(body.utf8), headers: headers), to: ids)
      case .respondBytes(let status, let body, let headers):
        var h = HTTPHeaders()
        for (name, value) in headers { h[HTTPHeader(name)] = value }
        return HTTPResponse(statusCode: HTTPStatusCode(status, phrase: "Test"), headers: h, body: body)
      case .hang:
        try await Task.sleep(for: .seconds(30))
        return answer(ids)
      case .slow(let delay):
        try await Task.sleep(for: delay)
        return answer(ids)
      }
    }

    /// The normal answer: recorded outputs when replaying, synthetic ones otherwise.
    private func answer(_ ids: [String]) -> HTTPResponse {
      guard let recorded else { return Self.json(200, ClarifaiFixtures.response(for: ids)) }
      return Self.response(200, replayed(ids, from: recorded))
    }

    /// A `MultiOutputResponse` from recorded outputs, in reverse order (matching must go by id).
    private func replayed(_ ids: [String], from recorded: [String: String]) -> String {
      var mixed = false
      let answers = ids.reversed().map { id -> String in
        if faults.contains(.failedOutput(input: id)) {
          mixed = true
          return #"{"id": "out-\#(id)", "input": {"id": "\#(id)"}, "status": "#
            + #"{"code": 30002, "description": "Input image could not be decoded"}}"#
        }
        if let output = recorded[id] { return output }
        mixed = true
        return #"{"input": {"id": "\#(id)"}, "status": {"code": 30002, "description": "no recorded output"}}"#
      }
      let status =
        mixed ? #"{"code": 10010, "description": "Mixed Success"}"# : #"{"code": 10000, "description": "Ok"}"#
      return #"{"status": \#(status), "outputs": [\#(answers.joined(separator: ", "))]}"#
    }

    private static func json(_ status: Int, _ body: JSONValue) -> HTTPResponse {
      let data = (try? JSONEncoder().encode(body)) ?? Data()
      return HTTPResponse(
        statusCode: HTTPStatusCode(status, phrase: "OK"), headers: [.contentType: "application/json"],
        body: data)
    }

    private static func response(_ status: Int, _ body: String) -> HTTPResponse {
      HTTPResponse(
        statusCode: HTTPStatusCode(status, phrase: status == 200 ? "OK" : "Error"),
        headers: [.contentType: "application/json"], body: Data(body.utf8))
    }
  }
}
