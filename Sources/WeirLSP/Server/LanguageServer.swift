import Foundation
import WeirCore
import WeirDriver

/// The language server's state and its answers: messages in, messages out, no I/O. `StdioServer`
/// reads and writes the frames; tests and `weir bench lsp` can drive this directly.
///
/// Diagnostics are not published on each change: a changed document is marked, and
/// `publishPending()` checks and publishes the marked ones once the client has paused
/// (`StdioServer` calls it when no message arrived for the debounce interval).
public final class LanguageServer {
  public let driver: Driver
  private(set) var documents: [String: TextDocument] = [:]
  private var analyses: [String: DocumentAnalysis] = [:]
  /// Documents changed since their diagnostics were last published, in the order they changed.
  private var pending: [String] = []
  private var libraries: [String: NodeTypeLibrary] = [:]
  private var initialized = false
  private var shutdownRequested = false
  /// Set by `exit`: 0 after `shutdown`, 1 without it.
  public private(set) var exitCode: Int32?

  /// The version `serverInfo` names (what `weir --version` prints).
  public let version: String

  public init(driver: Driver = Driver(), version: String) {
    self.driver = driver
    self.version = version
  }

  /// Whether a changed document waits for its diagnostics.
  public var hasPendingDiagnostics: Bool { !pending.isEmpty }

  /// The answers to one message: a response for a request, and any notifications it causes.
  public func handle(_ incoming: IncomingMessage) -> [JSONValue] {
    switch incoming {
    case .notJSON:
      return [Self.errorResponse(id: .null, RPCError(.parseError, "the message body is not JSON"))]
    case .badFrame(let why):
      return [Self.errorResponse(id: .null, RPCError(.invalidRequest, why))]
    case .message(let message):
      return handle(message)
    }
  }

  public func handle(_ message: JSONValue) -> [JSONValue] {
    guard let method = message["method"]?.string else {
      // A response from the client (we send no requests), or not a message at all.
      if message["id"] != nil, message["result"] != nil || message["error"] != nil { return [] }
      return [
        Self.errorResponse(id: message["id"] ?? .null, RPCError(.invalidRequest, "a message needs a method"))
      ]
    }
    let params = message["params"] ?? .null
    guard let id = message["id"] else {
      notify(method, params)
      return []
    }
    do {
      let result = try request(method, params)
      return [.object(["jsonrpc": .string("2.0"), "id": id, "result": result])]
    } catch let error as RPCError {
      return [Self.errorResponse(id: id, error)]
    } catch {
      return [Self.errorResponse(id: id, RPCError(.internalError, "\(error)"))]
    }
  }

  /// Checks every changed document and returns their `publishDiagnostics` notifications.
  public func publishPending() -> [JSONValue] {
    let uris = pending
    pending = []
    var out: [JSONValue] = []
    for uri in uris {
      guard let analysis = analysis(uri) else { continue }
      out.append(DiagnosticConversion.publish(analysis))
      if let config = DiagnosticConversion.publishProject(analysis) { out.append(config) }
    }
    return out
  }

  // MARK: - Requests

  private func request(_ method: String, _ params: JSONValue) throws -> JSONValue {
    if method == "initialize" {
      initialized = true
      return Capabilities.initializeResult(version: version)
    }
    guard initialized else { throw RPCError(.serverNotInitialized, "initialize first") }
    guard !shutdownRequested else { throw RPCError(.invalidRequest, "the server is shutting down") }
    switch method {
    case "shutdown":
      shutdownRequested = true
      return .null
    case "textDocument/hover":
      let (analysis, offset) = try locate(params)
      return Hover.hover(analysis, at: offset) ?? .null
    case "textDocument/completion":
      let (analysis, offset) = try locate(params)
      return Completion.complete(analysis, at: offset)
    case "textDocument/definition":
      let (analysis, offset) = try locate(params)
      return Navigation.definition(analysis, at: offset)
    case "textDocument/references":
      let (analysis, offset) = try locate(params)
      let declaration = params["context"]?["includeDeclaration"]?.bool ?? true
      return Navigation.references(analysis, at: offset, includeDeclaration: declaration)
    case "textDocument/documentHighlight":
      let (analysis, offset) = try locate(params)
      return Navigation.highlights(analysis, at: offset)
    case "textDocument/prepareRename":
      let (analysis, offset) = try locate(params)
      return Navigation.prepareRename(analysis, at: offset)
    case "textDocument/rename":
      let (analysis, offset) = try locate(params)
      guard let name = params["newName"]?.string else {
        throw RPCError(.invalidParams, "rename needs newName")
      }
      return try Navigation.rename(analysis, at: offset, to: name)
    case "textDocument/documentSymbol":
      return Navigation.symbols(try analysis(params))
    case "textDocument/codeAction":
      let analysis = try analysis(params)
      guard let range = LSPRange(params["range"]) else {
        throw RPCError(.invalidParams, "codeAction needs a range")
      }
      let selection = SourceRange(
        start: analysis.document.offset(of: range.start), end: analysis.document.offset(of: range.end))
      return CodeActions.actions(analysis, in: selection)
    case "textDocument/formatting":
      return Formatting.format(try analysis(params), driver: driver)
    default:
      throw RPCError(.methodNotFound, "weir's language server does not answer '\(method)'")
    }
  }

  // MARK: - Notifications

  private func notify(_ method: String, _ params: JSONValue) {
    switch method {
    case "exit":
      exitCode = shutdownRequested ? 0 : 1
    case "textDocument/didOpen":
      guard let item = params["textDocument"], let uri = item["uri"]?.string, let text = item["text"]?.string
      else { return }
      documents[uri] = TextDocument(uri: uri, version: item["version"]?.int ?? 0, text: text)
      changed(uri)
    case "textDocument/didChange":
      guard let uri = params["textDocument"]?["uri"]?.string, var document = documents[uri],
        let changes = params["contentChanges"]?.array
      else { return }
      for change in changes {
        guard let text = change["text"]?.string else { continue }
        if let range = LSPRange(change["range"]) {
          document.replace(from: range.start, to: range.end, with: text)
        } else {
          document.replace(with: text)
        }
      }
      document.version = params["textDocument"]?["version"]?.int ?? document.version + 1
      documents[uri] = document
      changed(uri)
    case "textDocument/didSave":
      // Declarations in .weir/types/ may have changed with it.
      libraries = [:]
      if let uri = params["textDocument"]?["uri"]?.string, documents[uri] != nil { changed(uri) }
    case "textDocument/didClose":
      guard let uri = params["textDocument"]?["uri"]?.string else { return }
      documents[uri] = nil
      analyses[uri] = nil
      pending.removeAll { $0 == uri }
    default:
      break  // `initialized`, `$/cancelRequest`, `workspace/didChangeConfiguration`, …
    }
  }

  private func changed(_ uri: String) {
    if !pending.contains(uri) { pending.append(uri) }
  }

  // MARK: - Documents

  /// The analysis of the document's current version, computed when first needed.
  func analysis(_ uri: String) -> DocumentAnalysis? {
    guard let document = documents[uri] else { return nil }
    let previous = analyses[uri]
    if let previous, previous.document.version == document.version, previous.document.bytes == document.bytes
    {
      return previous
    }
    let analysis = DocumentAnalysis.analyze(
      document, driver: driver, library: library(for: document.path), previous: previous)
    analyses[uri] = analysis
    return analysis
  }

  private func analysis(_ params: JSONValue) throws -> DocumentAnalysis {
    guard let uri = params["textDocument"]?["uri"]?.string else {
      throw RPCError(.invalidParams, "the request names no textDocument.uri")
    }
    guard let analysis = analysis(uri) else { throw RPCError(.invalidParams, "'\(uri)' is not open") }
    return analysis
  }

  private func locate(_ params: JSONValue) throws -> (DocumentAnalysis, Int) {
    let analysis = try analysis(params)
    guard let position = LSPPosition(params["position"]) else {
      throw RPCError(.invalidParams, "the request has no position")
    }
    return (analysis, analysis.document.offset(of: position))
  }

  private func library(for path: String) -> NodeTypeLibrary {
    let folder = (path as NSString).deletingLastPathComponent
    if let library = libraries[folder] { return library }
    let library = (try? driver.libraries(for: [path]).library(for: path)) ?? .standard
    libraries[folder] = library
    return library
  }

  static func errorResponse(id: JSONValue, _ error: RPCError) -> JSONValue {
    .object([
      "jsonrpc": .string("2.0"), "id": id,
      "error": .object(["code": .int(error.code.rawValue), "message": .string(error.message)]),
    ])
  }
}

/// A JSON-RPC error answered to a request.
struct RPCError: Error {
  enum Code: Int {
    case parseError = -32700
    case invalidRequest = -32600
    case methodNotFound = -32601
    case invalidParams = -32602
    case internalError = -32603
    case serverNotInitialized = -32002
    case requestFailed = -32803
  }

  var code: Code
  var message: String

  init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }
}
