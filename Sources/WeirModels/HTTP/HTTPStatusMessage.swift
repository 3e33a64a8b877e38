import Foundation

/// The message for a request a server refused: the HTTP status, what Clarifai's `status` said, and a hint.
enum HTTPStatusMessage {
  /// "the model server answered HTTP 401 Unauthorized: API key not found (Clarifai status 11009); check …".
  static func describe(status: Int, body: Data, hint: String?) -> String {
    var text = "the model server answered HTTP \(status)"
    if let reason = reasons[status] { text += " \(reason)" }
    if let said = whatTheServerSaid(body) { text += ": \(said)" }
    if let hint { text += "; \(hint)" }
    return text
  }

  /// Clarifai's `status` summary when the body has one, else the start of the body as text.
  static func whatTheServerSaid(_ body: Data) -> String? {
    if let envelope = try? JSONDecoder().decode(Envelope.self, from: body),
      let summary = envelope.status?.summary
    {
      return summary
    }
    let text = String(decoding: body.prefix(2000), as: UTF8.self).trimmingCharacters(
      in: .whitespacesAndNewlines)
    return text.isEmpty ? nil : ClarifaiResponseParser.snippet(Data(text.utf8), limit: 120)
  }

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
