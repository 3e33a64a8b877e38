import Foundation
import GRDB
import Testing
import WeirCore
import WeirStore
import WeirTestSupport

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `weir review --port 0` started by a test, with the URL it printed. `stop()` ends it; call it in
/// a `defer`.
final class ReviewProcess {
  let process = Process()
  private let out = Pipe()
  private let err = Pipe()
  private(set) var printed = ""
  let base: URL

  init(store: String, in folder: URL, arguments: [String] = []) throws {
    process.executableURL = try WeirProcess.executable()
    process.arguments = ["review", "--store", store, "--port", "0"] + arguments
    process.currentDirectoryURL = folder
    process.standardOutput = out
    process.standardError = err
    try process.run()
    var found: URL?
    while found == nil {
      let chunk = out.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      printed += String(decoding: chunk, as: UTF8.self)
      if let range = printed.range(of: #"http://[^ \n?]+/"#, options: .regularExpression) {
        found = URL(string: String(printed[range]))
      }
    }
    guard let found else {
      process.terminate()
      process.waitUntilExit()
      let error = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      throw WeirProcess.Failure("weir review printed no URL: \(printed) \(error)")
    }
    base = found
  }

  func stop() {
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
    }
  }
}

/// A blocking HTTP client for tests, which never follows redirects.
enum HTTP {
  struct Answer {
    var status: Int
    var headers: [String: String]
    var body: Data
    var text: String { String(decoding: body, as: UTF8.self) }
    func json() -> [String: Any] {
      ((try? JSONSerialization.jsonObject(with: body)) as? [String: Any]) ?? [:]
    }
  }

  final class NoRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(
      _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
      newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
      completionHandler(nil)
    }
  }

  /// No cookie jar: a test sends exactly the cookies it means to.
  static let session: URLSession = {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.httpCookieStorage = nil
    configuration.httpShouldSetCookies = false
    configuration.httpCookieAcceptPolicy = .never
    return URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
  }()

  static func send(
    _ url: URL, method: String = "GET", headers: [String: String] = [:], json: Any? = nil, body: Data? = nil
  ) throws -> Answer {
    var request = URLRequest(url: url)
    request.httpMethod = method
    request.timeoutInterval = 60
    request.httpShouldHandleCookies = false
    for (k, v) in headers { request.setValue(v, forHTTPHeaderField: k) }
    if let json {
      request.httpBody = try JSONSerialization.data(withJSONObject: json)
      request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    } else if let body {
      request.httpBody = body
    }
    let done = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var result: Answer?
    nonisolated(unsafe) var failure: Error?
    session.dataTask(with: request) { data, response, error in
      if let http = response as? HTTPURLResponse {
        var fields: [String: String] = [:]
        for (k, v) in http.allHeaderFields {
          fields[String(describing: k).lowercased()] = String(describing: v)
        }
        result = Answer(status: http.statusCode, headers: fields, body: data ?? Data())
      } else {
        failure = error
      }
      done.signal()
    }.resume()
    done.wait()
    if let result { return result }
    throw WeirProcess.Failure("no answer from \(url): \(failure.map { "\($0)" } ?? "none")")
  }
}

/// Stores for the review tests.
enum ReviewFixtures {
  static let photos = Repository.url("examples/pets/photos")
  static let workflow = Repository.url("examples/pets/workflow.yaml")

  /// The ten pet photos, sorted.
  static func photoPaths() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: photos.path)
      .filter { $0.hasSuffix(".jpg") || $0.hasSuffix(".png") }.sorted()
      .map { photos.appendingPathComponent($0).path }
  }

  /// A store as the pets workflow would write it, for volume: on each photo, `boxes` review items
  /// (`cat`, confidences in the review band (0.3, 0.8]) and one accepted box for context.
  @discardableResult
  static func generated(_ path: String, boxes: Int = 3) throws -> [AnnotationKey] {
    let store = try SQLiteAnnotationStore(path: path)
    let run = RunInfo(
      id: "gen", workflowId: "pets", workflowHash: "sha256:gen", workflowPath: workflow.path, vars: [:],
      startedAt: Date(timeIntervalSince1970: 1_714_564_800))
    try store.beginRun(run)
    var keys: [AnnotationKey] = []
    for (i, path) in try photoPaths().enumerated() {
      let input = (path as NSString).lastPathComponent
      var records = [
        AnnotationRecord(
          workflowId: "pets", nodeId: "write-sure", inputId: input, regionId: "sure", box: box(0, of: 1),
          conceptId: "cat", conceptName: "cat", confidence: 0.93, status: 24150, userId: "weir-bot",
          taskId: "pets")
      ]
      for b in 0..<boxes {
        let confidence = 0.35 + Double((i * boxes + b) % 40) / 100
        records.append(
          AnnotationRecord(
            workflowId: "pets", nodeId: "write-review", inputId: input, regionId: "r\(b)",
            box: box(b + 1, of: boxes + 1),
            conceptId: "cat", conceptName: "cat", confidence: confidence, status: 24157, userId: "weir-bot",
            taskId: "pets"))
        keys.append(
          AnnotationKey(
            workflowId: "pets", inputId: input, nodeId: "write-review", regionId: "r\(b)", conceptId: "cat"))
      }
      try store.record(
        InputOutcome(runId: "gen", input: InputItem(id: input, path: path), error: nil, annotations: records))
    }
    try store.finishRun(id: "gen", status: .completed, endedAt: Date(), summary: nil)
    return keys
  }

  /// Box `n` of `count` side by side, in the middle band of the image.
  static func box(_ n: Int, of count: Int) -> BoundingBox {
    let width = 1.0 / Double(count)
    return BoundingBox(
      topRow: 0.25, leftCol: Double(n) * width + 0.02, bottomRow: 0.75, rightCol: Double(n + 1) * width - 0.02
    )
  }
}

/// Holds a store's write lock, as a `weir run` writing a batch does, until released.
final class StoreLockHolder {
  private let queue: DatabaseQueue
  private var held = true

  init(path: String) throws {
    var configuration = Configuration()
    // The transaction is meant to outlive the access that opens it.
    configuration.allowsUnsafeTransactions = true
    queue = try DatabaseQueue(path: path, configuration: configuration)
    try queue.writeWithoutTransaction { db in try db.execute(sql: "BEGIN IMMEDIATE") }
  }

  func release() {
    guard held else { return }
    held = false
    try? queue.writeWithoutTransaction { db in try db.execute(sql: "ROLLBACK") }
  }
}
