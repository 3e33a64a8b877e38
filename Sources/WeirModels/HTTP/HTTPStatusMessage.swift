import Foundation

/// The message for a request a server refused: the HTTP status, what Clarifai's `status` said, and a hint.
enum HTTPStatusMessage {
  /// "the model server answered HTTP 401 Unauthorized: API key not found (Clarifai status 11009); check …".
  static func describe(status: Int, body: Data, hint: String?, key: APIKey?) -> String {
    var text = "the model server answered HTTP \(status)"
    if let reason = reasons[status] { text += " \(reason)" }
    if let said = whatTheServerSaid(body, key: key) { text += ": \(said)" }
    if let hint { text += "; \(hint)" }
    return text
  }

  /// Clarifai's `status` summary when the body has one, else the start of the body as text; either
  /// scrubbed of the key before it is cut to length.
  static func whatTheServerSaid(_ body: Data, key: APIKey?) -> String? {
    if let envelope = try? JSONDecoder().decode(Envelope.self, from: body),
      let summary = envelope.status?.summary
    {
      let text = key.redact(summary)
      return text.count > summaryLimit ? text.prefix(summaryLimit) + "…" : text
    }
    let start = body.firstIndex { !Self.blank.contains($0) } ?? body.endIndex
    let text = body[start...]
    return text.isEmpty ? nil : ClarifaiResponseParser.snippet(Data(text), limit: 120, key: key)
  }

  /// The most of a server's own description a message repeats.
  static let summaryLimit = 500
  private static let blank: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]

  private struct Envelope: Decodable {
    var status: ClarifaiStatus?
  }

  static let reasons: [Int: String] = [
    300: "Multiple Choices", 301: "Moved Permanently", 302: "Found", 303: "See Other",
    307: "Temporary Redirect",
    308: "Permanent Redirect", 400: "Bad Request", 401: "Unauthorized", 402: "Payment Required",
    403: "Forbidden",
    404: "Not Found", 405: "Method Not Allowed", 408: "Request Timeout", 409: "Conflict",
    413: "Payload Too Large",
    415: "Unsupported Media Type", 422: "Unprocessable Entity", 429: "Too Many Requests",
    500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable",
    504: "Gateway Timeout",
  ]
}
