import Foundation
import Testing
import WeirCore
import WeirTestSupport

@testable import WeirModels

/// Where an API key may go (issue 12, item 1): only where the person running weir allowed, never
/// where a workflow file says.
@Suite struct KeyPolicyTests {
  static let token = "ghp-0123456789-SECRET"

  struct Case: Sendable, CustomTestStringConvertible {
    var keyEnv: String?
    var url: String
    var allowed: [String]
    var expected: KeyPolicy.Refusal?
    var testDescription: String { "\(keyEnv ?? "no key") → \(url) allowing \(allowed)" }
  }

  static let cases: [Case] = [
    Case(keyEnv: "CLARIFAI_PAT", url: "https://api.clarifai.com", allowed: [], expected: nil),
    Case(keyEnv: "CLARIFAI_PAT", url: "https://API.Clarifai.com.:443/x", allowed: [], expected: nil),
    Case(
      keyEnv: "GITHUB_TOKEN", url: "https://api.clarifai.com", allowed: [],
      expected: .hostNotAllowed(host: .init(name: "api.clarifai.com"))),
    Case(
      keyEnv: "CLARIFAI_PAT", url: "https://api.clarifai.com:8443", allowed: [],
      expected: .hostNotAllowed(host: .init(name: "api.clarifai.com", port: 8443))),
    Case(
      keyEnv: "CLARIFAI_PAT", url: "http://api.clarifai.com", allowed: ["api.clarifai.com"],
      expected: .plainHTTP(host: .init(name: "api.clarifai.com"))),
    Case(
      keyEnv: "GITHUB_TOKEN", url: "http://127.0.0.2:18081", allowed: [],
      expected: .hostNotAllowed(host: .init(name: "127.0.0.2", port: 18081))),
    Case(keyEnv: "GITHUB_TOKEN", url: "http://127.0.0.2:18081", allowed: ["127.0.0.2"], expected: nil),
    Case(keyEnv: "GITHUB_TOKEN", url: "http://127.0.0.2:18081", allowed: ["127.0.0.2:18081"], expected: nil),
    Case(
      keyEnv: "GITHUB_TOKEN", url: "http://127.0.0.2:18081", allowed: ["127.0.0.2:18082"],
      expected: .hostNotAllowed(host: .init(name: "127.0.0.2", port: 18081))),
    Case(keyEnv: "K", url: "http://localhost:8080", allowed: ["LOCALHOST"], expected: nil),
    Case(keyEnv: "K", url: "http://[::1]:8080", allowed: ["[::1]:8080"], expected: nil),
    Case(
      keyEnv: "K", url: "https://models.example.com", allowed: ["https://models.example.com/v2"],
      expected: nil),
    Case(
      keyEnv: "K", url: "http://models.example.com", allowed: ["models.example.com"],
      expected: .plainHTTP(host: .init(name: "models.example.com"))),
    Case(
      keyEnv: "K", url: "http://api.clarifai.com@10.0.0.7:80", allowed: ["api.clarifai.com"],
      expected: .plainHTTP(host: .init(name: "10.0.0.7", port: 80))),
    Case(keyEnv: nil, url: "http://10.0.0.7", allowed: [], expected: nil),
  ]

  @Test(arguments: cases) func decidesWhereAKeyMayGo(_ c: Case) throws {
    let policy = KeyPolicy(allowedHosts: try c.allowed.map { try #require(KeyPolicy.Host(parsing: $0)) })
    #expect(policy.refusal(sending: c.keyEnv, to: try #require(URL(string: c.url))) == c.expected)
  }

  @Test func hostEntries() {
    #expect(KeyPolicy.Host(parsing: "127.0.0.1:8080") == KeyPolicy.Host(name: "127.0.0.1", port: 8080))
    #expect(KeyPolicy.Host(parsing: " Models.Example.COM ")?.description == "models.example.com")
    #expect(KeyPolicy.Host(parsing: "[::1]:80")?.description == "[::1]:80")
    #expect(KeyPolicy.Host(parsing: "::1")?.description == "[::1]")
    for bad in ["", "a/b", "user@host", "host:port", "host:0", "host:70000", "[::1", "a b"] {
      #expect(KeyPolicy.Host(parsing: bad) == nil, "\(bad)")
    }
  }

  @Test func loopbackIsOnlyThisMachine() {
    for host in ["localhost", "LOCALHOST.", "127.0.0.1", "127.1.2.3", "::1", "[::1]", "api.localhost"] {
      #expect(KeyPolicy.isLoopback(host), "\(host)")
    }
    for host in [
      "127.0.0.1.example.com", "128.0.0.1", "localhost.example.com", "10.0.0.1", "0.0.0.0", "127.0.0",
    ] {
      #expect(!KeyPolicy.isLoopback(host), "\(host)")
    }
  }

  // MARK: the user's config file

  @Test func theUserConfigAddsHostsAndFlagsComeFirst() throws {
    let home = try TemporaryDirectory()
    let config = home.url.appendingPathComponent("xdg/weir")
    try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
    try Data("# hosts that may get my keys\nallow_hosts:\n  - models.example.com\n  - 127.0.0.1:9000\n".utf8)
      .write(to: config.appendingPathComponent("config.yaml"))
    let env = ["XDG_CONFIG_HOME": home.url.appendingPathComponent("xdg").path, "HOME": "/nonexistent"]
    let policy = try KeyPolicy.load(allowHosts: ["localhost"], environment: env)
    #expect(policy.allowedHosts.map(\.description) == ["localhost", "models.example.com", "127.0.0.1:9000"])
    #expect(policy.configPath == config.appendingPathComponent("config.yaml").path)
  }

  @Test func withoutXDGTheConfigIsInHome() throws {
    #expect(
      KeyPolicy.userConfigPath(environment: ["HOME": "/home/ann"]) == "/home/ann/.config/weir/config.yaml")
    #expect(
      KeyPolicy.userConfigPath(environment: ["HOME": "/home/ann", "XDG_CONFIG_HOME": "relative"])
        == "/home/ann/.config/weir/config.yaml")
    #expect(KeyPolicy.userConfigPath(environment: [:]) == nil)
    // No file: nothing allowed, no error.
    let policy = try KeyPolicy.load(allowHosts: [], environment: ["HOME": "/nonexistent"])
    #expect(policy.allowedHosts.isEmpty)
  }

  @Test(arguments: [
    (
      "allow_hosts: [a/b]\n",
      "config.yaml:1:15: an allow_hosts entry must be HOST or HOST:PORT, such as 127.0.0.1:8080"
    ),
    (
      "allow_host: [x]\n",
      "config.yaml:1:1: unknown key 'allow_host' in the weir config; it takes: allow_hosts"
    ),
    ("allow_hosts: x\n", "config.yaml:1:14: allow_hosts must be a list of hosts"),
    ("- x\n", "config.yaml:1:1: the weir config must be a mapping, such as 'allow_hosts: [127.0.0.1:8080]'"),
  ])
  func aBadConfigIsAClearError(text: String, message: String) throws {
    let home = try TemporaryDirectory()
    let folder = home.url.appendingPathComponent("weir")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: folder.appendingPathComponent("config.yaml"))
    #expect(throws: KeyPolicy.LoadError(message: folder.path + "/" + message)) {
      try KeyPolicy.load(allowHosts: [], environment: ["XDG_CONFIG_HOME": home.url.path])
    }
  }

  @Test func aBadFlagIsAClearError() {
    #expect(
      throws: KeyPolicy.LoadError(
        message: "--allow-host 'http:/x' is not a host: write HOST or HOST:PORT, such as 127.0.0.1:8080")
    ) {
      try KeyPolicy.load(allowHosts: ["http:/x"], environment: [:])
    }
  }

  // MARK: against a real server

  /// The issue's attack: a workflow names a loopback server and a variable that is not the user's
  /// Clarifai key. Without permission nothing is sent and the error says what allows it.
  @Test func aWorkflowCannotSendAnyVariableAnywhere() async throws {
    try await withTestServer { server in try await refusesThenSends(server) }
  }

  private func refusesThenSends(_ server: ClarifaiTestServer) async throws {
    let parsed = ParsedBackend("{http: \(server.baseURL), model_id: general, key_env: GITHUB_TOKEN}")
    let env = ["GITHUB_TOKEN": Self.token]
    let policy = KeyPolicy(configPath: "/home/ann/.config/weir/config.yaml")
    let error = try #require(parsed.makeError(environment: env, keys: policy))
    #expect(error.id == "backend.host-not-allowed")
    let host = "127.0.0.1:\(server.port)"
    #expect(
      error.message
        == "model 'pets' would send the API key in GITHUB_TOKEN to \(host), which you have not allowed; pass --allow-host \(host) to allow it"
    )
    #expect(
      error.notes.map(\.message) == [
        "or add '\(host)' to allow_hosts in /home/ann/.config/weir/config.yaml",
        "a workflow file cannot decide where a key goes: without permission weir sends only CLARIFAI_PAT to https://api.clarifai.com",
      ])
    #expect(parsed.text(error.range) == server.baseURL)
    #expect(!"\(error)".contains(Self.token))
    #expect(await server.state.received.isEmpty)

    // Allowed: the key goes, as the header.
    let allowed = KeyPolicy(allowedHosts: [KeyPolicy.Host(name: "127.0.0.1", port: Int(server.port))])
    let backend = try parsed.make(environment: env, keys: allowed)
    let results = await backend.predict(requests(["cat1"], url: { "https://x.test/\($0)" }))
    #expect(results[0].successValue != nil)
    #expect(await server.state.received.map(\.authorization) == ["Key \(Self.token)"])
  }

  @Test func aKeyNeverGoesOverPlainHTTPToAnotherMachine() throws {
    // 192.0.2.0/24 is for documentation: nothing answers there, and nothing is sent.
    let parsed = ParsedBackend("{http: http://192.0.2.1:8080, model_id: general}")
    let allowed = KeyPolicy(allowedHosts: [KeyPolicy.Host(name: "192.0.2.1")])
    let error = try #require(parsed.makeError(environment: ["CLARIFAI_PAT": "k"], keys: allowed))
    #expect(error.id == "backend.key-over-http")
    #expect(
      error.message
        == "model 'pets' would send the API key in CLARIFAI_PAT over plain HTTP to 192.0.2.1:8080; use an https:// URL"
    )
    // Without a key the same server may be used.
    let keyless = ParsedBackend("{http: http://192.0.2.1:8080, model_id: general, key_env: null}")
    #expect(throws: Never.self) { try keyless.make(keys: KeyPolicy()) }
  }
}
