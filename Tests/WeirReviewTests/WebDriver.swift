import Foundation
import Testing
import WeirTestSupport

/// Debian's chromedriver, started by a test on a free loopback port, spoken to in plain WebDriver
/// (HTTP and JSON). `stop()` ends it and every Chromium it started; call it in a `defer`.
final class ChromeDriver {
  static let driverPath = "/usr/bin/chromedriver"
  static let chromiumPath = "/usr/bin/chromium"
  static var available: Bool {
    FileManager.default.isExecutableFile(atPath: driverPath)
      && FileManager.default.isExecutableFile(atPath: chromiumPath)
  }

  let process = Process()
  let base: URL
  let folder: URL
  private var sessions: [WebSession] = []

  init(folder: URL) throws {
    self.folder = folder
    let port = try FreePort.next()
    process.executableURL = URL(fileURLWithPath: Self.driverPath)
    process.arguments = [
      "--port=\(port)", "--log-path=\(folder.appendingPathComponent("chromedriver.log").path)",
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    base = URL(string: "http://127.0.0.1:\(port)/")!
    let deadline = Date().addingTimeInterval(30)
    while Date() < deadline {
      if let status = try? PlainHTTP.send(base.appendingPathComponent("status")), status.status == 200 {
        return
      }
      Thread.sleep(forTimeInterval: 0.1)
    }
    stop()
    throw WeirProcess.Failure("chromedriver did not answer on port \(port)")
  }

  /// A new headless Chromium with its own profile, at `width`×`height`.
  func session(width: Int = 1366, height: Int = 768) throws -> WebSession {
    let profile = folder.appendingPathComponent("profile-\(sessions.count)").path
    let capabilities: [String: Any] = [
      "capabilities": [
        "alwaysMatch": [
          "browserName": "chrome",
          "goog:chromeOptions": [
            "binary": Self.chromiumPath,
            "args": [
              "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--window-size=\(width),\(height)", "--user-data-dir=\(profile)", "--no-first-run",
            ],
          ],
        ]
      ]
    ]
    let answer = try PlainHTTP.send(
      base.appendingPathComponent("session"), method: "POST", json: capabilities)
    guard let value = answer.json()["value"] as? [String: Any], let id = value["sessionId"] as? String else {
      throw WeirProcess.Failure("chromedriver made no session: \(answer.text.prefix(500))")
    }
    let session = WebSession(url: base.appendingPathComponent("session/\(id)"))
    sessions.append(session)
    return session
  }

  func stop() {
    for session in sessions { _ = try? PlainHTTP.send(session.url, method: "DELETE") }
    sessions = []
    guard process.isRunning else { return }
    // chromedriver ignores SIGTERM; `/shutdown` ends it, and SIGKILL if that did not.
    _ = try? PlainHTTP.send(base.appendingPathComponent("shutdown"))
    let deadline = Date().addingTimeInterval(5)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
  }
}

/// One browser session.
struct WebSession {
  let url: URL

  @discardableResult
  func command(_ path: String, method: String = "POST", _ body: [String: Any] = [:]) throws -> Any? {
    let target = path.isEmpty ? url : url.appendingPathComponent(path)
    let answer = try PlainHTTP.send(target, method: method, json: method == "GET" ? nil : body)
    let value = answer.json()["value"]
    if answer.status != 200 {
      throw WeirProcess.Failure("WebDriver \(path): \(answer.status) \(answer.text.prefix(400))")
    }
    return value
  }

  func open(_ address: URL) throws { try command("url", ["url": address.absoluteString]) }

  /// Runs `script` (a function body; `arguments[i]` are `args`) in the page and returns its value.
  func run(_ script: String, _ args: [Any] = []) throws -> Any? {
    try command("execute/sync", ["script": script, "args": args])
  }

  /// Waits until `script` returns true, up to `seconds`.
  func wait(_ what: String, seconds: Double = 20, until script: String) throws {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if (try run(script)) as? Bool == true { return }
      Thread.sleep(forTimeInterval: 0.1)
    }
    throw WeirProcess.Failure("waited \(seconds) s for \(what)")
  }

  /// Presses and releases each character of `keys` (WebDriver key values: "\u{E007}" is Enter).
  func type(_ keys: String) throws {
    var actions: [[String: Any]] = []
    for k in keys {
      actions.append(["type": "keyDown", "value": String(k)])
      actions.append(["type": "keyUp", "value": String(k)])
    }
    try command("actions", ["actions": [["type": "key", "id": "keyboard", "actions": actions]]])
  }

  /// Drags the mouse from one point of the viewport to another.
  func drag(from: (Double, Double), to: (Double, Double)) throws {
    let pointer: [String: Any] = [
      "type": "pointer", "id": "mouse", "parameters": ["pointerType": "mouse"],
      "actions": [
        ["type": "pointerMove", "x": Int(from.0), "y": Int(from.1), "duration": 0],
        ["type": "pointerDown", "button": 0],
        [
          "type": "pointerMove", "x": Int((from.0 + to.0) / 2), "y": Int((from.1 + to.1) / 2),
          "duration": 100,
        ],
        ["type": "pointerMove", "x": Int(to.0), "y": Int(to.1), "duration": 100],
        ["type": "pointerUp", "button": 0],
      ],
    ]
    try command("actions", ["actions": [pointer]])
  }

  /// A PNG of the viewport.
  func screenshot() throws -> Data {
    guard let text = try command("screenshot", method: "GET") as? String, let data = Data(base64Encoded: text)
    else {
      throw WeirProcess.Failure("no screenshot")
    }
    return data
  }
}

/// HTTP/1.1 over a plain socket, one request per connection, for talking to chromedriver:
/// Foundation's URLSession stalls on its answers here, and WebDriver needs nothing more than this.
enum PlainHTTP {
  static func send(_ url: URL, method: String = "GET", json: Any? = nil) throws -> HTTP.Answer {
    guard let host = url.host, let port = url.port else { throw WeirProcess.Failure("bad URL \(url)") }
    let body = try json.map { try JSONSerialization.data(withJSONObject: $0) } ?? Data()
    var head = "\(method) \(url.path.isEmpty ? "/" : url.path) HTTP/1.1\r\nHost: \(host):\(port)\r\n"
    head += "Connection: close\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n"
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw WeirProcess.Failure("no socket") }
    defer { close(fd) }
    var timeout = timeval(tv_sec: 120, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr(host)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
      }
    }
    guard connected else { throw WeirProcess.Failure("cannot connect to \(host):\(port)") }
    let request = Data(head.utf8) + body
    try request.withUnsafeBytes { raw in
      var sent = 0
      while sent < raw.count {
        let n = Foundation.send(fd, raw.baseAddress! + sent, raw.count - sent, 0)
        guard n > 0 else { throw WeirProcess.Failure("send failed") }
        sent += n
      }
    }
    var answer = Data()
    var buffer = [UInt8](repeating: 0, count: 65536)
    // chromedriver keeps the connection open despite `Connection: close`: read to Content-Length.
    func complete() -> Bool {
      guard let split = answer.range(of: Data("\r\n\r\n".utf8)) else { return false }
      let header = String(decoding: answer[..<split.lowerBound], as: UTF8.self).lowercased()
      guard let line = header.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
        let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
      else { return false }
      return answer.count - split.upperBound >= length
    }
    while !complete() {
      let n = recv(fd, &buffer, buffer.count, 0)
      if n <= 0 { break }
      answer.append(buffer, count: n)
    }
    guard let split = answer.range(of: Data("\r\n\r\n".utf8)) else {
      throw WeirProcess.Failure("no answer from \(url)")
    }
    let header = String(decoding: answer[..<split.lowerBound], as: UTF8.self)
    let status = Int(header.split(separator: " ").dropFirst().first ?? "") ?? 0
    return HTTP.Answer(status: status, headers: [:], body: Data(answer[split.upperBound...]))
  }
}
