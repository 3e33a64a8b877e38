import Foundation
import Testing
import WeirCore
import WeirTestSupport

@testable import WeirModels

/// The http backend against a hostile or careless server and hostile options (issue 12, items 2, 3
/// and 5): ids stay in their path segment, the key is scrubbed before text is cut, answers are bounded.
@Suite struct HTTPHardeningTests {
  static let secret = "pat-5f0c2a9d41e7b3-SECRET-77aa"
  static let environment = ["CLARIFAI_PAT": secret]

  func backend(_ server: ClarifaiTestServer, _ options: String = "") throws -> any ModelBackend {
    try ParsedBackend("{http: \(server.baseURL), model_id: general\(options)}")
      .make(environment: Self.environment)
  }

  /// Fails if any eight characters in a row of the key (in any case) are in `text`.
  func expectNoPartOfTheKey(in text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let key = Array(Self.secret.lowercased())
    let lower = text.lowercased()
    for start in 0...(key.count - 8) {
      let part = String(key[start..<(start + 8)])
      #expect(
        !lower.contains(part), "'\(part)' of the key leaked into: \(text)", sourceLocation: sourceLocation)
    }
  }

  // MARK: ids stay in the path (item 2)

  @Test func idsThatWouldLeaveTheirPathSegmentAreDiagnosedWhereTheyAreWritten() throws {
    let parsed = ParsedBackend(
      #"{http: https://api.clarifai.com, model_id: "../../../admin/delete?x=", user_id: "me/..", app_id: a, "#
        + #"model_version_id: "v1#frag"}"#)
    let diagnostics = RemoteBackends.diagnose(spec: parsed.spec, model: parsed.model)
    #expect(
      diagnostics.map { "\($0.id) \(parsed.text($0.range) ?? "-"): \($0.message)" } == [
        #"backend.bad-id "../../../admin/delete?x=": model_id '../../../admin/delete?x=' of model 'pets' is not a valid id"#,
        #"backend.bad-id "me/..": user_id 'me/..' of model 'pets' is not a valid id"#,
        #"backend.bad-id "v1#frag": model_version_id 'v1#frag' of model 'pets' is not a valid id"#,
      ])
    #expect(parsed.makeError(environment: Self.environment)?.id == "backend.bad-id")
  }

  @Test func aVersionIdFromTheClarifaiDialectIsCheckedToo() throws {
    let ref = ClarifaiModelRef(
      modelId: Located("general", .at(0)),
      modelVersionId: Located("aa7f35c01e0642fda5cf400f543e7c40/../x", .at(0)))
    let parsed = ParsedBackend("{http: https://api.clarifai.com}", clarifai: ref)
    #expect(RemoteBackends.diagnose(spec: parsed.spec, model: parsed.model).map(\.id) == ["backend.bad-id"])
  }

  /// Even ids that never went through the parser (a front end that builds the config itself) cannot
  /// climb out of their segment: each is percent-encoded, dots included.
  @Test func everyPathSegmentIsEncoded() async throws {
    try await withTestServer { server in
      var config = ClarifaiHTTPConfig(
        baseURL: try #require(URL(string: server.baseURL + "/base/")), userId: "me", appId: "a b",
        modelId: "../../admin/delete?x=", modelVersionId: "v#1", keyEnv: nil)
      #expect(
        config.outputsURL.absoluteString
          == server.baseURL
          + "/base/v2/users/me/apps/a%20b/models/%2E%2E%2F%2E%2E%2Fadmin%2Fdelete%3Fx%3D/versions/v%231/outputs"
      )
      config.baseURL = try #require(URL(string: server.baseURL))
      let backend = try ClarifaiHTTPBackend(
        config: config, modelName: "m", environment: [:], keys: KeyPolicy())
      _ = await backend.predict(requests(["a"], url: { "https://x.test/\($0)" }))
      let path = try #require(await server.state.received.first?.path)
      // The server (which decodes the path) got every id whole: no `..` was resolved, no `?` or `#`
      // started a query or fragment.
      #expect(path == "/v2/users/me/apps/a b/models/../../admin/delete?x=/versions/v#1/outputs")
    }
  }

  // MARK: the key is scrubbed before text is cut (item 3)

  /// A proxy's error page that echoes the request's headers, with the key placed where the message
  /// is cut (120 characters), in its own case, lower case and base64.
  @Test(arguments: [
    (String(repeating: "x", count: 100) + " Authorization: Key " + secret + " more text after it"),
    ("<html>" + String(repeating: ".", count: 95) + "authorization: key " + secret.lowercased() + "</html>"),
    ("echo " + String(repeating: "-", count: 100) + Data(("Key " + secret).utf8).base64EncodedString() + "!"),
    ("echo " + String(repeating: "-", count: 100) + Data(secret.utf8).base64EncodedString()),
  ])
  func anErrorPageEchoingTheKeyLeaksNoPartOfIt(page: String) async throws {
    try await withTestServer { server in
      await server.state.then(.respond(status: 400, body: page))
      let results = try await backend(server).predict(requests(["a"], url: { "https://x.test/\($0)" }))
      let message = try #require(results[0].failureMessage)
      #expect(message.hasPrefix("the model server answered HTTP 400 Bad Request: '"))
      expectNoPartOfTheKey(in: message)
    }
  }

  /// The same in an answer that is not JSON (cut at 80 characters) and in Clarifai's own status.
  @Test func aBadAnswerOrAStatusEchoingTheKeyLeaksNoPartOfIt() async throws {
    try await withTestServer { server in
      let notJSON = String(repeating: "y", count: 65) + "Key " + Self.secret
      let long = String(repeating: "z", count: 480) + " Key " + Self.secret
      await server.state.then(
        .respond(status: 200, body: notJSON),
        .respond(status: 403, body: #"{"status":{"code":11009,"description":"denied","details":"\#(long)"}}"#)
      )
      let backend = try backend(server)
      let messages = [
        await backend.predict(requests(["a"], url: { "https://x.test/\($0)" }))[0].failureMessage,
        await backend.predict(requests(["b"], url: { "https://x.test/\($0)" }))[0].failureMessage,
      ]
      #expect(messages[0]?.hasPrefix("the model server's answer is not a Clarifai response") == true)
      #expect(messages[1]?.hasPrefix("the model server answered HTTP 403 Forbidden: denied; zzz") == true)
      for message in messages { expectNoPartOfTheKey(in: try #require(message)) }
    }
  }

  @Test(arguments: ["pat-123\r\nX-Injected: 1", "pat-123\n", "pat-\u{7F}123", "pat-é"])
  func aKeyAHeaderCannotCarryIsAClearErrorAndNothingIsSent(key: String) async throws {
    try await withTestServer { server in
      let parsed = ParsedBackend("{http: \(server.baseURL), model_id: general}")
      let error = try #require(parsed.makeError(environment: ["CLARIFAI_PAT": key]))
      #expect(error.id == "backend.bad-key")
      let what = key.contains("\n") ? "a line break" : "a control or non-ASCII character"
      let position = key.unicodeScalars.firstIndex { !(0x20...0x7E).contains($0.value) }.map {
        key.unicodeScalars.distance(from: key.unicodeScalars.startIndex, to: $0) + 1
      }
      #expect(
        error.message
          == "the API key in CLARIFAI_PAT for model 'pets' has \(what) at character \(position ?? 0); an HTTP header cannot carry it"
      )
      #expect(!error.message.contains("pat-123") && !error.notes.contains { $0.message.contains("pat-") })
      #expect(await server.state.received.isEmpty)
    }
  }

  // MARK: bounded answers (item 5)

  @Test func theDefaultLimitAndTheOption() throws {
    #expect(ClarifaiHTTPConfig(modelId: "m").maxResponseBytes == 32 * 1_048_576)
    for (text, bytes) in [("64MB", 64 << 20), ("512 KB", 512 << 10), ("1gb", 1 << 30), ("2048", 2048)] {
      let parsed = ParsedBackend("{http: https://api.clarifai.com, model_id: m, max_response_size: \(text)}")
      let (config, errors) = ClarifaiHTTPConfig.parse(spec: parsed.spec, model: parsed.model)
      #expect(errors.isEmpty)
      #expect(config?.maxResponseBytes == bytes, "\(text)")
    }
    for text in ["12", "lots", "-1MB", "99999999999GB"] {
      let parsed = ParsedBackend("{http: https://api.clarifai.com, model_id: m, max_response_size: \(text)}")
      let errors = ClarifaiHTTPConfig.parse(spec: parsed.spec, model: parsed.model).1
      #expect(
        errors.map(\.message) == [
          "option 'max_response_size' of model 'pets' must be a size of 1KB or more like 32MB, 512KB or 1048576, not '\(text)'"
        ])
      #expect(parsed.text(errors.first?.range) == text)
    }
  }

  static let tooLarge =
    "the model server's answer is larger than 1 MB, the most this backend reads; "
    + "raise 'max_response_size' if answers this large are expected"

  /// A valid Clarifai answer padded with blanks to `size` bytes: without a limit it would be read in
  /// full and answer "no output for this input".
  static func paddedAnswer(_ size: Int) -> Data {
    var body = Data(#"{"status":{"code":10000,"description":"Ok"},"outputs":[]"#.utf8)
    body.append(Data(repeating: 0x20, count: size - body.count - 1))
    body.append(Data("}".utf8))
    return body
  }

  @Test func aLongAnswerFailsItsInputsClearly() async throws {
    try await withTestServer { server in
      await server.state.then(.respondBytes(status: 200, body: Self.paddedAnswer(3 << 20)))
      let results = try await backend(server, ", max_response_size: 1MB, retries: 0").predict(
        requests(["a", "b"], url: { "https://x.test/\($0)" }))
      #expect(results.map(\.failureMessage) == [Self.tooLarge, Self.tooLarge])
      // An answer within the limit still goes through.
      let fine = try await backend(server, ", max_response_size: 1MB").predict(
        requests(["cat1"], url: { "https://x.test/\($0)" }))
      #expect(fine[0].successValue?.regions.first?.concepts.first?.id == "cat")
    }
  }

  /// A small gzip stream that decodes to far more than the limit is refused at its headers, before
  /// anything is decoded; a small enough one (which cannot expand past the limit) is read.
  @Test func aGzipBombIsRefusedBeforeItIsDecoded() async throws {
    let bomb = try gzip(Self.paddedAnswer(8 << 20))
    #expect(bomb.count < 100_000)
    let small = try gzip(Data(#"{"status":{"code":10000},"outputs":[]}"#.utf8))
    try await withTestServer { server in
      let gzipped = ["Content-Encoding": "gzip", "Content-Type": "application/json"]
      await server.state.then(
        .respondBytes(status: 200, body: bomb, headers: gzipped),
        .respondBytes(status: 200, body: small, headers: gzipped),
        .respondBytes(status: 200, body: small, headers: ["Content-Encoding": "gzip, gzip"]))
      let backend = try backend(server, ", max_response_size: 1MB, retries: 0")
      var messages: [String?] = []
      for id in ["a", "b", "c"] {
        messages += await backend.predict(requests([id], url: { "https://x.test/\($0)" })).map(
          \.failureMessage)
      }
      let refused = { (encoding: String) in
        "the model server sent a compressed answer (\(encoding)) that could expand to more than 1 MB, "
          + "the most this backend reads; weir asks for uncompressed answers"
      }
      #expect(
        messages == [
          refused("gzip"),
          // Read and decoded: a well-formed answer with no output for this input.
          "the model server's answer has no output for this input",
          refused("gzip, gzip"),
        ])
    }
  }

  @Test func weirAsksForUncompressedAnswers() async throws {
    try await withTestServer { server in
      _ = try await backend(server).predict(requests(["a"], url: { "https://x.test/\($0)" }))
      #expect(await server.state.received.first?.acceptEncoding == "identity")
    }
  }

  /// `data` compressed by the system's gzip, a real subprocess.
  func gzip(_ data: Data) throws -> Data {
    let folder = try TemporaryDirectory()
    let input = try folder.write("answer.json", Array(data))
    let output = folder.url.appendingPathComponent("answer.json.gz")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/gzip")
    process.arguments = ["-9", "-c", input.path]
    _ = FileManager.default.createFile(atPath: output.path, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: output)
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    return try Data(contentsOf: output)
  }
}
