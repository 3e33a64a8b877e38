import Foundation
import WeirCore
import WeirStore

/// The review app's requests and answers: the page, its JSON API and the security rules
/// (Documentation/Review.md). Independent of the HTTP server, which only hands requests over.
public final class ReviewAPI: Sendable {
  /// How the API is set up.
  public struct Settings: Sendable {
    /// Required (as a cookie after the first visit) when set: any host but a loopback one.
    public var token: String?
    /// Host names a request's `Host` header may name when no token is set (loopback only), so a
    /// web page elsewhere cannot reach the API through a DNS name that points at 127.0.0.1.
    public var loopbackNames: Set<String> = ["127.0.0.1", "localhost", "[::1]"]
    /// How long a claim on inputs lasts without being renewed.
    public var leaseSeconds: Int = 300
    /// Inputs a reviewer holds at once.
    public var batch: Int = 5

    public init(token: String? = nil) { self.token = token }
  }

  let store: any ReviewStore
  let storeFolder: String
  let bands: WorkflowBands
  let assets: PageAssets
  let settings: Settings
  /// The CSRF token of this server: written into the page, required on every POST.
  let csrf: String
  /// Store calls block (SQLite waits for locks), so they run here, off the server's threads.
  let worker = DispatchQueue(label: "weir.review.store")

  public init(store: any ReviewStore, settings: Settings) throws {
    self.store = store
    self.settings = settings
    storeFolder = store.baseFolder
    assets = try PageAssets.load()
    bands = WorkflowBands.load(runs: (try? store.runs()) ?? [], storeFolder: storeFolder)
    csrf = Self.randomToken()
  }

  /// 32 random hex digits.
  public static func randomToken() -> String {
    var generator = SystemRandomNumberGenerator()
    return (0..<4).map { _ in String(format: "%08x", UInt32.random(in: .min ... .max, using: &generator)) }
      .joined()
  }

  /// Answers one request. Never throws: every failure is an HTTP status with a JSON error.
  public func handle(_ request: ReviewRequest) async -> ReviewResponse {
    if let refused = admit(request) { return refused }
    if request.method == "POST" {
      guard request.headers["x-csrf-token"] == csrf else {
        return .error(403, "missing or wrong CSRF token: reload the page")
      }
    }
    return await onWorker { self.route(request) }
  }

  /// The token and Host rules; nil when the request may go on.
  func admit(_ request: ReviewRequest) -> ReviewResponse? {
    guard let token = settings.token else {
      let host = request.headers["host"].map(Self.hostName) ?? ""
      return settings.loopbackNames.contains(host) ? nil : .error(403, "unknown Host '\(host)'")
    }
    if request.cookies["weir_token"] == token { return nil }
    if request.method == "GET" && request.path == "/" && request.query["token"] == token {
      let cookie = "weir_token=\(token); Path=/; HttpOnly; SameSite=Strict"
      return ReviewResponse(status: 303, headers: [("Location", "/"), ("Set-Cookie", cookie)])
    }
    return .error(403, "this review server needs its token: open the URL `weir review` printed")
  }

  /// `example.com:8080` → `example.com`, `[::1]:80` → `[::1]`.
  static func hostName(_ header: String) -> String {
    if header.hasPrefix("["), let end = header.firstIndex(of: "]") { return String(header[...end]) }
    return String(header.split(separator: ":", maxSplits: 1).first ?? "")
  }

  func onWorker(_ body: @escaping @Sendable () -> ReviewResponse) async -> ReviewResponse {
    await withCheckedContinuation { continuation in
      worker.async { continuation.resume(returning: body()) }
    }
  }

  func route(_ r: ReviewRequest) -> ReviewResponse {
    let parts = r.path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    do {
      switch (r.method, r.path) {
      case ("GET", "/"), ("GET", "/index.html"): return page()
      case ("GET", "/review.css"), ("GET", "/review.js"): return asset(r.path)
      case ("GET", "/api/queue"): return try queue(r)
      case ("GET", "/api/stats"): return try stats()
      case ("POST", "/api/decisions"): return try decide(r)
      default: break
      }
      // The id is one path segment, decoded after splitting, so `a%2Fb.jpg` is the input `a/b.jpg`
      // and never a path: it is only ever looked up in the store.
      if r.method == "GET", parts.count == 4, parts[1] == "api", let id = parts[3].removingPercentEncoding,
        !id.isEmpty
      {
        if parts[2] == "inputs" { return try input(id) }
        if parts[2] == "images" { return try image(id) }
      }
      return .error(404, "no such page: \(r.method) \(r.path)")
    } catch let error as StoreError {
      if case .locked = error {
        return .json(
          LockedView(error: "the store is locked by a running `weir run`; retrying", locked: true),
          status: 503,
          headers: [("Retry-After", "2")])
      }
      return .error(500, error.description)
    } catch {
      return .error(500, "\(error)")
    }
  }

  struct LockedView: Encodable {
    var error: String
    var locked: Bool
  }

  func page() -> ReviewResponse {
    guard let html = assets.files["/index.html"] else { return .error(404, "no page") }
    let text = html.text.replacingOccurrences(of: "{{CSRF}}", with: csrf)
    return ReviewResponse(
      status: 200,
      headers: [
        ("Content-Type", html.contentType), ("Cache-Control", "no-store"),
        ("Content-Security-Policy", "default-src 'self'; img-src 'self'; frame-ancestors 'none'"),
      ], body: Data(text.utf8))
  }

  func asset(_ path: String) -> ReviewResponse {
    guard let file = assets.files[path] else { return .error(404, "no such file") }
    return ReviewResponse(
      status: 200, headers: [("Content-Type", file.contentType), ("Cache-Control", "no-store")],
      body: Data(file.text.utf8))
  }

  /// A reviewer id as the page sends it: letters, digits and `._@-`, at most 64 of them.
  static func reviewer(_ r: ReviewRequest) -> String {
    let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "._@-"))
    let raw = (r.headers["x-weir-reviewer"] ?? r.query["reviewer"] ?? "").prefix(64)
    let clean = String(raw.unicodeScalars.filter { allowed.contains($0) }.map(Character.init))
    return clean.isEmpty ? "reviewer" : clean
  }

  func queue(_ r: ReviewRequest) throws -> ReviewResponse {
    let reviewer = Self.reviewer(r)
    var query = ReviewQueueQuery()
    query.order = r.query["order"].flatMap(ReviewQueueQuery.Order.init(rawValue:)) ?? .confidence
    query.concepts = Self.list(r.query["concept"])
    query.runs = Self.list(r.query["run"])
    query.tasks = Self.list(r.query["task"])
    query.minConfidence = r.query["min"].flatMap(Double.init)
    query.maxConfidence = r.query["max"].flatMap(Double.init)
    let limit = r.query["limit"].flatMap(Int.init).map { min(max($0, 1), 50) } ?? settings.batch
    let ids = try store.claim(
      reviewer: reviewer, limit: limit, lease: TimeInterval(settings.leaseSeconds), query: query)
    let inputs = try ids.map(inputView)
    var concepts = bands.concepts
    for name in try store.conceptNames() where !concepts.contains(name) { concepts.append(name) }
    return .json(
      QueueView(
        reviewer: reviewer, inputs: inputs, progress: try store.reviewProgress(), concepts: concepts,
        leaseSeconds: settings.leaseSeconds))
  }

  static func list(_ text: String?) -> [String] {
    (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  func inputView(_ id: String) throws -> InputView {
    let image = try store.image(inputId: id) ?? StoredImage(inputId: id)
    let annotations = try store.labels(ofInput: id).map { AnnotationView($0, bands: bands) }
    let local = image.path.flatMap(resolve) != nil
    return InputView(
      id: id, fileName: image.fileName, width: image.width, height: image.height,
      image: local ? "/api/images/" + Self.escapePath(id) : nil, url: image.url, annotations: annotations)
  }

  static func escapePath(_ s: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
  }

  func input(_ id: String) throws -> ReviewResponse {
    guard try store.image(inputId: id) != nil || !store.labels(ofInput: id).isEmpty else {
      return .error(404, "no input '\(id)' in the store")
    }
    return .json(try inputView(id))
  }

  /// An input's image: only a file the store recorded for an input it holds, never a path the
  /// client names; a regular file that starts like a JPEG or PNG.
  func image(_ id: String) throws -> ReviewResponse {
    guard let path = try store.image(inputId: id)?.path, let file = resolve(path),
      let data = FileManager.default.contents(atPath: file)
    else { return .error(404, "no image for input '\(id)' in the store") }
    let type: String
    if data.starts(with: [0xFF, 0xD8, 0xFF]) {
      type = "image/jpeg"
    } else if data.starts(with: [0x89, 0x50, 0x4E, 0x47]) {
      type = "image/png"
    } else {
      return .error(404, "the file of input '\(id)' is not a JPEG or PNG image")
    }
    return ReviewResponse(
      status: 200, headers: [("Content-Type", type), ("Cache-Control", "private, max-age=300")], body: data)
  }

  /// The recorded path as a regular file: as written, or relative to the store's folder.
  func resolve(_ path: String) -> String? {
    let candidates =
      path.hasPrefix("/") ? [path] : [path, (storeFolder as NSString).appendingPathComponent(path)]
    for candidate in candidates {
      let attributes = try? FileManager.default.attributesOfItem(atPath: candidate)
      if attributes?[.type] as? FileAttributeType == .typeRegular { return candidate }
    }
    return nil
  }

  func decide(_ r: ReviewRequest) throws -> ReviewResponse {
    guard let body = try? JSONDecoder().decode(DecisionRequest.self, from: r.body) else {
      return .error(400, "the body must be a decision: {\"key\": {...}, \"action\": \"accept\", ...}")
    }
    guard let action = DecisionAction(rawValue: body.action) else {
      let known = DecisionAction.allCases.map(\.rawValue).joined(separator: ", ")
      return .error(400, "unknown action '\(body.action)'; expected one of \(known)")
    }
    let reviewer = Self.reviewer(r)
    if let holder = try store.leaseHolder(inputId: body.key.input), holder != reviewer {
      return .json(
        ConflictView(error: "input '\(body.key.input)' is being reviewed by \(holder)"), status: 409)
    }
    let decision = ReviewDecision(
      key: body.key.key, action: action, concept: body.concept.map { .init(id: $0, name: $0) },
      box: body.box?.box, reviewer: reviewer, time: Date())
    do {
      let decided = try store.decide(decision)
      return .json(
        DecidedView(annotation: AnnotationView(decided, bands: bands), progress: try store.reviewProgress()))
    } catch let error as DecisionError {
      switch error {
      case .alreadyDecided(let current), .notDecided(let current):
        return .json(
          ConflictView(error: error.description, current: AnnotationView(current, bands: bands)), status: 409)
      case .noSuchAnnotation: return .error(404, error.description)
      case .invalid: return .error(400, error.description)
      }
    }
  }

  func stats() throws -> ReviewResponse {
    let table = ReviewStatistics(outcomes: try store.reviewOutcomes(), bands: bands)
    return .json(StatsView(progress: try store.reviewProgress(), rows: table.rows))
  }

  struct StatsView: Encodable {
    var progress: ReviewProgress
    var rows: [ReviewStatistics.Row]
  }
}
