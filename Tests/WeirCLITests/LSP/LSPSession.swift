import Foundation
import WeirCore
import WeirLSP
import WeirTestSupport

/// A `weir lsp` started for one test in its own folder, and a transcript of what it answered, in
/// the form the golden files hold: each step's title, then the answer as indented JSON with the
/// folder written `$DIR`.
final class LSPSession {
  let folder: TemporaryDirectory
  let client: LSPClient
  private(set) var transcript = ""

  init(_ label: String) throws {
    folder = try TemporaryDirectory("weir-lsp-\(label)")
    client = try LSPClient(
      executable: try WeirProcess.executable().path, arguments: ["lsp", "--debounce", "5"],
      directory: folder.url.path)
  }

  /// Ends the server (if a test has not) and removes the folder.
  func close() {
    client.stop()
    folder.remove()
  }

  /// Writes `text` as `name` in the folder and opens it; returns its URI.
  func open(_ name: String, _ text: String) throws -> String {
    let url = try folder.write(name, text)
    let uri = "file://" + url.path
    client.open(uri, text: text)
    return uri
  }

  func record(_ title: String, _ value: JSONValue) {
    transcript += "## \(title)\n" + shown(JSONText.pretty(value))
  }

  func record(_ title: String, text: String) {
    transcript += "## \(title)\n" + shown(text)
  }

  /// A request's result (or its error) recorded under `title`.
  @discardableResult
  func ask(_ title: String, _ method: String, _ params: JSONValue) throws -> JSONValue {
    let response = try client.request(method, params)
    let answer = response["result"] ?? response["error"] ?? .null
    if method == "textDocument/completion" {
      record(title, text: Self.completionList(answer))
    } else {
      record(title, answer)
    }
    return answer
  }

  /// Diagnostics as `line:column-line:column severity id: message`, as the protocol counts (lines
  /// from 0, UTF-16 columns from 0), each note that points somewhere on a `related` line below.
  func diagnostics(_ title: String, uri: String, version: Int? = nil) throws -> [JSONValue] {
    let list = try client.diagnostics(for: uri, version: version)
    record(title, text: list.map(Self.line).joined())
    return list
  }

  static func line(_ d: JSONValue) -> String {
    func n(_ v: JSONValue?) -> Int { Int(v?.number ?? -1) }
    func at(_ p: JSONValue?) -> String { "\(n(p?["line"])):\(n(p?["character"]))" }
    let r = d["range"]
    var out =
      "\(at(r?["start"]))-\(at(r?["end"])) \(n(d["severity"])) \(d["code"]?.string ?? "?"): \(d["message"]?.string ?? "")"
    for related in d["relatedInformation"]?.array ?? [] {
      out +=
        "\n    related \(at(related["location"]?["range"]?["start"])) \(related["message"]?.string ?? "")"
    }
    if let tags = d["tags"]?.array { out += "\n    tags \(tags.map { n($0) })" }
    return out + "\n"
  }

  /// A completion answer as one line per item: label, kind and what it inserts.
  static func completionList(_ answer: JSONValue) -> String {
    let items = answer["items"]?.array ?? []
    guard !items.isEmpty else { return "(no items)\n" }
    return items.map { item in
      let edit = item["textEdit"]
      let range = edit?["range"]
      let from = range?["start"]?["character"]?.number.map { Int($0) } ?? -1
      let to = range?["end"]?["character"]?.number.map { Int($0) } ?? -1
      return
        "\(item["label"]?.string ?? "?") [\(Int(item["kind"]?.number ?? 0))] \(from)-\(to) → \(edit?["newText"]?.string ?? "")\n"
    }.joined()
  }

  private func shown(_ text: String) -> String {
    var text = text.replacingOccurrences(of: folder.url.path, with: "$DIR")
    // The folder may be reached through a symbolic link (/tmp → /private/tmp).
    text = text.replacingOccurrences(of: folder.url.resolvingSymlinksInPath().path, with: "$DIR")
    return text.hasSuffix("\n") ? text : text + "\n"
  }
}
