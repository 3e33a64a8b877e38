import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// `weir review`'s HTTP server: Hummingbird on one address, every request handed to `ReviewAPI`.
public enum ReviewServer {
  /// The largest request body read (a decision is well under 1 KiB).
  static let maxBody = 64 * 1024

  /// Serves `api` on `host:port` (port 0: any free port) until the task is cancelled or the process
  /// gets SIGINT/SIGTERM. `started` is called with the port once the server listens.
  public static func run(
    api: ReviewAPI, host: String, port: Int, started: @escaping @Sendable (Int) async -> Void
  ) async throws {
    let responder = CallbackResponder<BasicRequestContext> { request, _ in
      var request = request
      let body = (try? await request.collectBody(upTo: Self.maxBody)) ?? ByteBuffer()
      let answer = await api.handle(Self.reviewRequest(request, body: body))
      return Self.response(answer)
    }
    var logger = Logger(label: "weir.review")
    logger.logLevel = .error
    let app = Application(
      responder: responder, configuration: .init(address: .hostname(host, port: port), serverName: nil),
      onServerRunning: { channel in await started(channel.localAddress?.port ?? port) }, logger: logger)
    do {
      try await app.runService()
    } catch {
      // Binding is what fails in practice: the port is taken, or the address is not this machine's.
      throw ReviewServerError.cannotListen(host: host, port: port, reason: "\(error)")
    }
  }

  static func reviewRequest(_ request: Request, body: ByteBuffer) -> ReviewRequest {
    var headers: [String: String] = [:]
    for field in request.headers { headers[field.name.canonicalName] = field.value }
    // HTTP/1's Host header arrives as the request's authority, not among the fields.
    if let authority = request.head.authority { headers["host"] = authority }
    var cookies: [String: String] = [:]
    for part in (headers["cookie"] ?? "").split(separator: ";") {
      let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      if pair.count == 2 { cookies[pair[0]] = pair[1] }
    }
    var query: [String: String] = [:]
    if let text = request.uri.query,
      let items = URLComponents(string: "http://h/?" + text)?.queryItems
    {
      for item in items { query[item.name] = item.value ?? "" }
    }
    return ReviewRequest(
      method: request.method.rawValue, path: request.uri.path, query: query, headers: headers,
      cookies: cookies,
      body: Data(body.readableBytesView))
  }

  static func response(_ answer: ReviewResponse) -> Response {
    var fields = HTTPFields()
    for (name, value) in answer.headers {
      if let field = HTTPField.Name(name) { fields.append(HTTPField(name: field, value: value)) }
    }
    return Response(
      status: .init(code: answer.status), headers: fields,
      body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
  }
}
