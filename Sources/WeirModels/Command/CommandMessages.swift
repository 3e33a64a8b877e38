import Foundation
import WeirCore

/// The JSON lines spoken with a model program (Documentation/Backends.md, "The command protocol").
///
/// Request, one line per input: `{"id": "cat1", "path": "/abs/cat1.jpg", "url": null, "data": {…}}`.
/// Answer, one line: `{"id": "cat1", "regions": [...], "concepts": [...]}` — any fields of Clarifai's
/// `Data` beside `id` — or `{"id": "cat1", "error": "why"}`.
enum CommandMessages {
  struct Request: Encodable {
    var id: String
    /// Absolute, so the program may run in another directory.
    var path: String?
    var url: String?
    var data: DataRecord

    enum CodingKeys: String, CodingKey { case id, path, url, data }

    func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(id, forKey: .id)
      // Written even when null, so programs can read them without checking for the key.
      try c.encode(path, forKey: .path)
      try c.encode(url, forKey: .url)
      try c.encode(data, forKey: .data)
    }
  }

  /// One request as a line (with its newline).
  static func line(for request: ModelRequest) -> Data {
    let path = request.data.image?.path ?? request.input.path
    let message = Request(
      id: request.input.id, path: path.map { URL(fileURLWithPath: $0).standardizedFileURL.path },
      url: request.data.image?.url ?? request.input.url, data: request.data)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    // A DataRecord holds only strings, numbers and nested records: encoding it cannot fail.
    var data = (try? encoder.encode(message)) ?? Data("{}".utf8)
    data.append(UInt8(ascii: "\n"))
    return data
  }

  /// What one line from the program says.
  enum Answer: Equatable {
    case data(id: String, DataRecord)
    case error(id: String, String)
    /// The line is not a JSON object with a string `id`.
    case notAnAnswer(String)
    /// The answer names the request but its data cannot be read (a malformed box, say).
    case unreadable(id: String, String)
  }

  static func parse(_ line: String) -> Answer {
    let bytes = Data(line.utf8)
    guard let object = try? JSONDecoder().decode([String: JSONValue].self, from: bytes),
      let id = object["id"]?.string
    else {
      return .notAnAnswer(line)
    }
    if let error = object["error"], error != .null {
      return .error(id: id, error.string ?? "\(error)")
    }
    do {
      return .data(id: id, try JSONDecoder().decode(DataRecord.self, from: bytes))
    } catch {
      return .unreadable(id: id, ClarifaiResponseParser.describe(error, body: nil))
    }
  }
}
