import Foundation
import Testing
import WeirTestSupport

/// Where `weir run` and `weir repl` send an API key (issue 12, item 1), and what `weir plan` shows of
/// a URL's credentials (item 4), end to end with the built binary and a real loopback server.
@Suite(.serialized) struct KeyPolicyRunTests {
  typealias Folder = RemoteBackendRunTests.Folder
  static let token = "ghp-run-4b1d9e-SECRET"

  /// A server replaying the reference predictions and a folder, as the remote-backend tests use.
  func withServer(_ body: (ClarifaiTestServer, Folder) async throws -> Void) async throws {
    try await RemoteBackendRunTests().withServer(body)
  }

  /// The workflow: a loopback server and a variable that is not the user's Clarifai key.
  func hostileWorkflow(_ server: ClarifaiTestServer, in folder: Folder) throws -> String {
    try folder.workflow(
      backend: "{http: \(server.baseURL), user_id: me, app_id: pets-app, model_id: pets-detector, "
        + "key_env: GITHUB_TOKEN}")
  }

  /// A config folder (for `XDG_CONFIG_HOME`) whose weir/config.yaml holds `text`.
  func configFolder(_ text: String, in folder: Folder) throws -> String {
    let weir = folder.url.appendingPathComponent("config/weir")
    try FileManager.default.createDirectory(at: weir, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: weir.appendingPathComponent("config.yaml"))
    return folder.path("config")
  }

  @Test func aWorkflowCannotMakeRunSendAnyVariableAnywhere() async throws {
    try await withServer { server, folder in
      let workflow = try hostileWorkflow(server, in: folder)
      // A project's .weir.yaml is the workflow's side, not the user's: it allows nothing.
      try folder.write(".weir.yaml", "allow_hosts: [127.0.0.1]\n")
      let config = try configFolder("allow_hosts: [models.example.com]\n", in: folder)
      let r = try await RemoteBackendRunTests.weir(
        ["run", workflow, "--inputs", try folder.manifest(), "--store", folder.path("k.db"), "--no-color"],
        environment: ["GITHUB_TOKEN": Self.token, "XDG_CONFIG_HOME": config])
      #expect(r.status == 2, "\(r.stdout)\(r.stderr)")
      let host = "127.0.0.1:\(server.port)"
      let lines = r.stderr.replacingOccurrences(of: folder.url.path + "/", with: "").split(separator: "\n")
      // One diagnostic, at the server's URL in the workflow file.
      #expect(lines.first?.hasPrefix("workflow.yaml:") == true, "\(r.stderr)")
      #expect(
        lines.first?.hasSuffix(
          "error: model 'pets' would send the API key in GITHUB_TOKEN to \(host), which you have not allowed; "
            + "pass --allow-host \(host) to allow it [backend.host-not-allowed]") == true, "\(r.stderr)")
      #expect(r.stderr.contains("or add '\(host)' to allow_hosts in \(config)/weir/config.yaml"))
      #expect(await server.state.received.isEmpty)
      #expect(!FileManager.default.fileExists(atPath: folder.path("k.db")))
      #expect(!r.stdout.contains(Self.token) && !r.stderr.contains(Self.token))
    }
  }

  @Test func theUserAllowsAHostWithTheFlagOrTheirConfig() async throws {
    try await withServer { server, folder in
      let workflow = try hostileWorkflow(server, in: folder)
      let manifest = try folder.manifest()
      let config = try configFolder("allow_hosts:\n  - 127.0.0.1:\(server.port)\n", in: folder)
      let byConfig = try await RemoteBackendRunTests.weir(
        ["run", workflow, "--inputs", manifest, "--store", folder.path("a.db")],
        environment: ["GITHUB_TOKEN": Self.token, "XDG_CONFIG_HOME": config])
      #expect(byConfig.status == 0, "\(byConfig.stdout)\(byConfig.stderr)")
      let byFlag = try await RemoteBackendRunTests.weir(
        ["run", workflow, "--inputs", manifest, "--store", folder.path("b.db"), "--allow-host", "127.0.0.1"],
        environment: ["GITHUB_TOKEN": Self.token])
      #expect(byFlag.status == 0, "\(byFlag.stdout)\(byFlag.stderr)")
      #expect(await server.state.received.map(\.authorization) == ["Key \(Self.token)", "Key \(Self.token)"])

      // Another port of the same host is another server.
      let otherPort = try await RemoteBackendRunTests.weir(
        [
          "run", workflow, "--inputs", manifest, "--store", folder.path("c.db"), "--allow-host",
          "127.0.0.1:\(server.port == 1 ? 2 : 1)",
        ], environment: ["GITHUB_TOKEN": Self.token])
      #expect(otherPort.status == 2)
      #expect(otherPort.stderr.contains("[backend.host-not-allowed]"))
      #expect(await server.state.received.count == 2)
    }
  }

  @Test func aBadAllowHostOrConfigStopsTheRunWithWhereAndWhat() async throws {
    try await withServer { server, folder in
      let workflow = try hostileWorkflow(server, in: folder)
      let manifest = try folder.manifest()
      let bad = try await RemoteBackendRunTests.weir(
        ["run", workflow, "--inputs", manifest, "--store", folder.path("a.db"), "--allow-host", "http:/x"],
        environment: ["GITHUB_TOKEN": Self.token])
      #expect(bad.status == 2)
      #expect(
        bad.stderr.contains(
          "--allow-host 'http:/x' is not a host: write HOST or HOST:PORT, such as 127.0.0.1:8080"))
      let config = try configFolder("allow_hosts: [127.0.0.1/x]\n", in: folder)
      let badConfig = try await RemoteBackendRunTests.weir(
        ["run", workflow, "--inputs", manifest, "--store", folder.path("a.db")],
        environment: ["GITHUB_TOKEN": Self.token, "XDG_CONFIG_HOME": config])
      #expect(badConfig.status == 2)
      #expect(
        badConfig.stderr.contains(
          "\(config)/weir/config.yaml:1:15: an allow_hosts entry must be HOST or HOST:PORT, such as 127.0.0.1:8080"
        ))
      #expect(await server.state.received.isEmpty)
    }
  }

  @Test func theReplAsksTheSamePolicy() async throws {
    try await withServer { server, folder in
      let workflow = try hostileWorkflow(server, in: folder)
      let manifest = try folder.manifest()
      let refused = try await Self.repl(
        [workflow, "--inputs", manifest], script: "run\n", environment: ["GITHUB_TOKEN": Self.token])
      let message =
        "model 'pets' would send the API key in GITHUB_TOKEN to 127.0.0.1:\(server.port), which you have not allowed; "
        + "pass --allow-host 127.0.0.1:\(server.port) to allow it"
      // A model that cannot be reached is one error (standard error), and the script fails.
      #expect(refused.stderr.contains(message), "\(refused.stdout)\(refused.stderr)")
      #expect(refused.status == 1)
      #expect(await server.state.received.isEmpty)

      let allowed = try await Self.repl(
        [workflow, "--inputs", manifest, "--allow-host", "127.0.0.1"], script: "run\n",
        environment: ["GITHUB_TOKEN": Self.token])
      #expect(allowed.status == 0, "\(allowed.stdout)\(allowed.stderr)")
      #expect(await server.state.received.map(\.authorization).first == "Key \(Self.token)")
    }
  }

  /// `weir repl ARGS < script` on its own thread, so the loopback server here keeps its threads.
  static func repl(_ arguments: [String], script: String, environment: [String: String]) async throws
    -> WeirProcess.Result
  {
    try await withCheckedThrowingContinuation { continuation in
      Thread {
        continuation.resume(
          with: Result { try WeirProcess.run(["repl"] + arguments, stdin: script, environment: environment) })
      }.start()
    }
  }

  // MARK: weir plan (item 4)

  @Test(arguments: [["--format", "text"], ["--format", "json"]])
  func planShowsNoCredentialsOfABaseURL(format: [String]) throws {
    let folder = try Folder()
    defer { folder.remove() }
    let workflow = try folder.workflow(
      backend:
        "{http: \"http://admin:PASSWORD@127.0.0.1:9/\", user_id: me, app_id: pets-app, model_id: pets-detector}"
    )
    let r = try WeirProcess.run(["plan", workflow] + format)
    #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    #expect(!r.stdout.contains("PASSWORD") && !r.stdout.contains("admin"), "\(r.stdout)")
    #expect(r.stdout.contains("http://***@127.0.0.1:9/"), "\(r.stdout)")
  }
}
