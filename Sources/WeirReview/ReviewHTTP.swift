import Foundation

/// A request as the review API reads it, apart from the HTTP server that received it, so the API's
/// rules (tokens, CSRF, paths) are one function of plain values.
public struct ReviewRequest: Sendable {
  public var method: String
  /// The path as sent (percent-encoded), without the query.
  public var path: String
  public var query: [String: String]
  /// Header names in lowercase.
  public var headers: [String: String]
  public var cookies: [String: String]
  public var body: Data

  public init(
    method: String, path: String, query: [String: String] = [:], headers: [String: String] = [:],
    cookies: [String: String] = [:], body: Data = Data()
  ) {
    self.method = method
    self.path = path
    self.query = query
    self.headers = headers
    self.cookies = cookies
    self.body = body
  }
}

/// What the review API answers.
public struct ReviewResponse: Sendable {
  public var status: Int
  public var headers: [(String, String)]
  public var body: Data

  public init(status: Int, headers: [(String, String)] = [], body: Data = Data()) {
    self.status = status
    self.headers = headers
    self.body = body
  }

  /// A JSON body; `value` is encoded with sorted keys.
  static func json<T: Encodable>(_ value: T, status: Int = 200, headers: [(String, String)] = [])
    -> ReviewResponse
  {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    encoder.dateEncodingStrategy = .iso8601
    let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
    return ReviewResponse(
      status: status,
      headers: [("Content-Type", "application/json; charset=utf-8"), ("Cache-Control", "no-store")]
        + headers, body: data)
  }

  /// `{"error": message}` and whatever else is given.
  static func error(_ status: Int, _ message: String, headers: [(String, String)] = []) -> ReviewResponse {
    json(ErrorBody(error: message), status: status, headers: headers)
  }

  struct ErrorBody: Encodable {
    var error: String
  }
}
