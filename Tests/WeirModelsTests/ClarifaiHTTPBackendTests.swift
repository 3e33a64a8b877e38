import Foundation
import Testing
import WeirCore
import WeirTestSupport

@testable import WeirModels

/// The http backend against a real loopback server speaking Clarifai's API (issue 8).
@Suite struct ClarifaiHTTPBackendTests {
  static let secret = "pat-0123456789abcdef-SECRET"
  static let environment = ["CLARIFAI_PAT": secret]

  /// Runs `body` with a fresh server, stopping it afterwards.
  func withServer(_ body: (ClarifaiTestServer) async throws -> Void) async throws {
    try await withTestServer(body)
  }

  func backend(
    _ server: ClarifaiTestServer, options: String = "", environment: [String: String] = Self.environment,
    sleeper: SleepRecorder = SleepRecorder()
  ) throws -> ClarifaiHTTPBackend {
    let parsed = ParsedBackend(
      "{http: \(server.baseURL), user_id: me, app_id: pets-app, model_id: pets-detector\(options)}")
    let (config, errors) = ClarifaiHTTPConfig.parse(spec: parsed.spec, model: parsed.model)
    #expect(errors.isEmpty)
    return try ClarifaiHTTPBackend(
      config: try #require(config), modelName: "pets", environment: environment, keys: .loopbackTestServer,
      sleep: sleeper.sleep, jitter: { 0.5 })
  }

  /// Asserts the key shows up nowhere a user could see it.
  func expectNoKey(in texts: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    for text in texts {
      #expect(!text.contains(Self.secret), "the API key leaked into: \(text)", sourceLocation: sourceLocation)
    }
  }

  @Test func sendsImagesAsBase64AndParsesRegionsMatchedByInputId() async throws {
    try await withServer { server in
      let folder = try TemporaryDirectory()
      let bytes: [[UInt8]] = [[0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3], [0x89, 0x50, 0x4E, 0x47, 9, 8]]
      let cat = try folder.write("cat.jpg", bytes[0])
      let dog = try folder.write("dog.png", bytes[1])
      let backend = try backend(server)
      let results = await backend.predict([
        ModelRequest(input: InputItem(id: "cat1", path: cat.path), data: DataRecord()),
        ModelRequest(input: InputItem(id: "dog1", path: dog.path), data: DataRecord()),
        ModelRequest(input: InputItem(id: "web", url: "https://example.com/x.jpg"), data: DataRecord()),
      ])

      // The server answers in reverse order; each result still belongs to its own input.
      let records = results.compactMap(\.successValue)
      #expect(records.count == 3)
      #expect(records.map { $0.regions.first?.concepts.first?.id } == ["cat", "dog", "cat"])
      #expect(records.map { $0.regions.first?.concepts.first?.value } == [0.97, 0.7, 0.3])
      #expect(records[0].regions[0].id == "region-cat1")
      #expect(records[0].regions[0].value == 0.97)
      #expect(
        records[0].regions[0].boundingBox
          == BoundingBox(topRow: 0.1, leftCol: 0.2, bottomRow: 0.5, rightCol: 0.6))

      let seen = try #require(await server.state.received.first)
      #expect(seen.path == "/v2/users/me/apps/pets-app/models/pets-detector/outputs")
      #expect(seen.authorization == "Key \(Self.secret)")
      let inputs = try #require(seen.body["inputs"]?.array)
      #expect(seen.inputIds == ["cat1", "dog1", "web"])
      #expect(inputs[0]["data"]?["image"]?["base64"]?.string == Data(bytes[0]).base64EncodedString())
      #expect(inputs[1]["data"]?["image"]?["base64"]?.string == Data(bytes[1]).base64EncodedString())
      #expect(inputs[2]["data"]?["image"]?["url"]?.string == "https://example.com/x.jpg")
      #expect(inputs[2]["data"]?["image"]?["base64"] == nil)
    }
  }

  @Test func versionPinnedAndShortPaths() async throws {
    try await withServer { server in
      let pinned = try backend(server, options: ", model_version_id: v42")
      _ = await pinned.predict(requests(["a"], url: { "https://example.com/\($0).jpg" }))
      let parsed = ParsedBackend("{http: \(server.baseURL), model_id: general}")
      let (config, _) = ClarifaiHTTPConfig.parse(spec: parsed.spec, model: parsed.model)
      let short = try ClarifaiHTTPBackend(
        config: try #require(config), modelName: "g", environment: Self.environment, keys: .loopbackTestServer
      )
      _ = await short.predict(requests(["a"], url: { "https://example.com/\($0).jpg" }))
      #expect(
        await server.state.received.map(\.path) == [
          "/v2/users/me/apps/pets-app/models/pets-detector/versions/v42/outputs",
          "/v2/models/general/outputs",
        ])
    }
  }

  @Test func fortyInputsGoAsThirtyTwoAndEight() async throws {
    try await withServer { server in
      let backend = try backend(server)
      #expect(backend.maxBatchSize == 32)
      let ids = (0..<40).map { $0 % 2 == 0 ? "cat\($0)" : "dog\($0)" }
      let results = await backend.predict(requests(ids, url: { "https://example.com/\($0).jpg" }))
      #expect(results.count == 40)
      for (id, result) in zip(ids, results) {
        #expect(result.successValue?.regions.first?.id == "region-\(id)")
      }
      let sizes = await server.state.received.map(\.inputIds.count).sorted()
      #expect(sizes == [8, 32])
    }
  }

  @Test func concurrencyLimitHoldsAcrossCalls() async throws {
    try await withServer { server in
      for _ in 0..<8 { await server.state.then(.slow(.milliseconds(80))) }
      let backend = try backend(server, options: ", batch_size: 4, concurrency: 2")
      async let first = backend.predict(requests((0..<16).map { "a\($0)" }, url: { "https://x.test/\($0)" }))
      async let second = backend.predict(requests((0..<16).map { "b\($0)" }, url: { "https://x.test/\($0)" }))
      let all = await first + second
      #expect(all.allSatisfy { $0.successValue != nil })
      #expect(await server.state.received.count == 8)
      #expect(await server.state.maxInFlight == 2)
    }
  }

  @Test func retriesA500ThenSucceeds() async throws {
    try await withServer { server in
      await server.state.then(
        .respond(status: 500, body: #"{"status":{"code":10020,"description":"Failure"}}"#))
      let sleeper = SleepRecorder()
      let backend = try backend(server, sleeper: sleeper)
      let results = await backend.predict(requests(["cat1"], url: { "https://x.test/\($0)" }))
      #expect(results[0].successValue?.regions.first?.concepts.first?.id == "cat")
      #expect(await server.state.received.count == 2)
      // First retry: 500 ms backoff with the jitter fixed at ½, so ¾ of it.
      #expect(sleeper.sleeps == [.milliseconds(375)])
    }
  }

  @Test func honoursRetryAfterOn429() async throws {
    try await withServer { server in
      await server.state.then(
        .respond(
          status: 429, body: #"{"status":{"code":11005,"description":"Too many requests"}}"#,
          headers: ["Retry-After": "2"]),
        .respond(status: 503, body: "upstream busy"))
      let sleeper = SleepRecorder()
      let backend = try backend(server, sleeper: sleeper)
      let results = await backend.predict(requests(["dog1"], url: { "https://x.test/\($0)" }))
      #expect(results[0].successValue?.regions.first?.concepts.first?.id == "dog")
      #expect(await server.state.received.count == 3)
      // Retry-After wins for the 429; the 503 after it backs off exponentially (second step: 1 s × ¾).
      #expect(sleeper.sleeps == [.seconds(2), .milliseconds(750)])
    }
  }

  @Test func givesUpAfterTheRetriesWithTheLastStatus() async throws {
    try await withServer { server in
      for _ in 0..<3 {
        await server.state.then(
          .respond(status: 502, body: #"{"status":{"code":10020,"description":"Bad gateway upstream"}}"#))
      }
      let sleeper = SleepRecorder()
      let backend = try backend(server, options: ", retries: 2", sleeper: sleeper)
      let results = await backend.predict(requests(["a", "b"], url: { "https://x.test/\($0)" }))
      let expected =
        "the model server answered HTTP 502 Bad Gateway: Bad gateway upstream (Clarifai status 10020) (gave up after 3 attempts)"
      #expect(results.map(\.failureMessage) == [expected, expected])
      #expect(await server.state.received.count == 3)
      #expect(sleeper.sleeps == [.milliseconds(375), .milliseconds(750)])
    }
  }

  @Test func unauthorizedIsNotRetriedAndSaysWhy() async throws {
    try await withServer { server in
      // A careless server that echoes the key in its description: it must still not reach the user.
      let body =
        #"{"status":{"code":11009,"description":"API key not found","details":"got Key "# + Self.secret
        + #""}}"#
      await server.state.then(.respond(status: 401, body: body))
      let sleeper = SleepRecorder()
      let backend = try backend(server, sleeper: sleeper)
      let results = await backend.predict(requests(["a"], url: { "https://x.test/\($0)" }))
      #expect(
        results[0].failureMessage
          == "the model server answered HTTP 401 Unauthorized: API key not found; got Key <redacted> "
          + "(Clarifai status 11009); check the API key in CLARIFAI_PAT")
      #expect(await server.state.received.count == 1)
      #expect(sleeper.sleeps.isEmpty)
      expectNoKey(in: results.compactMap(\.failureMessage))
    }
  }

  @Test func notFoundNamesTheIdsToCheck() async throws {
    try await withServer { server in
      await server.state.then(
        .respond(status: 404, body: #"{"status":{"code":21200,"description":"Model does not exist"}}"#))
      let backend = try backend(server)
      let results = await backend.predict(requests(["a"], url: { "https://x.test/\($0)" }))
      #expect(
        results[0].failureMessage
          == "the model server answered HTTP 404 Not Found: Model does not exist (Clarifai status 21200); check the "
          + "model's user_id, app_id and model_id (POST /v2/users/me/apps/pets-app/models/pets-detector/outputs)"
      )
    }
  }

  @Test func aHangTimesOutForRealAndIsRetried() async throws {
    try await withServer { server in
      await server.state.then(.hang, .hang)
      let backend = try backend(server, options: ", timeout: 300ms, retries: 1")
      let clock = ContinuousClock()
      let start = clock.now
      let results = await backend.predict(requests(["a"], url: { "https://x.test/\($0)" }))
      let elapsed = clock.now - start
      #expect(
        results[0].failureMessage == "the model server did not answer within 0.3 s (gave up after 2 attempts)"
      )
      #expect(elapsed >= .milliseconds(600))
      #expect(elapsed < .seconds(5))
      #expect(await server.state.received.count == 2)
    }
  }

  @Test func aHangThenAnAnswerSucceeds() async throws {
    try await withServer { server in
      await server.state.then(.hang)
      let backend = try backend(server, options: ", timeout: 0.5")
      let results = await backend.predict(requests(["cat9"], url: { "https://x.test/\($0)" }))
      #expect(results[0].successValue?.regions.first?.concepts.first?.value == 0.97)
    }
  }

  @Test func malformedJSONFailsTheBatchWithoutRetry() async throws {
    try await withServer { server in
      await server.state.then(.respond(status: 200, body: "{\"outputs\": [oops"))
      let sleeper = SleepRecorder()
      let backend = try backend(server, sleeper: sleeper)
      let results = await backend.predict(requests(["a", "b"], url: { "https://x.test/\($0)" }))
      let expected =
        "the model server's answer is not a Clarifai response: it is not valid JSON (it starts with '{\"outputs\": [oops')"
      #expect(results.map(\.failureMessage) == [expected, expected])
      #expect(sleeper.sleeps.isEmpty)
    }
  }

  @Test func wrongShapedJSONSaysWhere() async throws {
    try await withServer { server in
      await server.state.then(
        .respond(
          status: 200,
          body:
            #"{"outputs":[{"input":{"id":"a"},"data":{"regions":[{"region_info":{"bounding_box":{"top_row":"high"}}}]}}]}"#
        ),
        .respond(status: 200, body: #"{"hello":"world"}"#))
      let backend = try backend(server)
      let first = await backend.predict(requests(["a"], url: { "https://x.test/\($0)" }))
      let message = try #require(first[0].failureMessage)
      #expect(
        message.hasPrefix(
          "the model server's output for this input is not Clarifai data: at regions[0].region_info.bounding_box.top_row:"
        ))
      let second = await backend.predict(requests(["a"], url: { "https://x.test/\($0)" }))
      #expect(
        second[0].failureMessage
          == "the model server's answer is not a Clarifai response: 'outputs' is missing")
    }
  }

  @Test func aPartialBatchFailureFailsOnlyThoseInputs() async throws {
    try await withServer { server in
      await server.state.then(.partial(failing: ["dog2": 30002, "cat3": nil]))
      let backend = try backend(server)
      let ids = ["cat1", "dog2", "cat3", "dog4"]
      let results = await backend.predict(requests(ids, url: { "https://x.test/\($0)" }))
      #expect(results[0].successValue?.regions.first?.id == "region-cat1")
      #expect(
        results[1].failureMessage
          == "the model failed on this input: Input image could not be decoded (Clarifai status 30002)")
      #expect(results[2].failureMessage == "the model server's answer has no output for this input")
      #expect(results[3].successValue?.regions.first?.id == "region-dog4")
    }
  }

  @Test func outputsWithoutInputIdsAreMatchedByPosition() async throws {
    try await withServer { server in
      await server.state.then(.okWithoutInputIds)
      let backend = try backend(server)
      let results = await backend.predict(requests(["cat1", "dog2"], url: { "https://x.test/\($0)" }))
      #expect(results.map { $0.successValue?.regions.first?.id } == ["region-cat1", "region-dog2"])
    }
  }

  @Test func anUnreadableImageFailsAloneAndIsNotSent() async throws {
    try await withServer { server in
      let backend = try backend(server)
      let results = await backend.predict([
        ModelRequest(input: InputItem(id: "gone", path: "/nonexistent/weir/gone.jpg"), data: DataRecord()),
        ModelRequest(input: InputItem(id: "cat1", url: "https://x.test/cat1.jpg"), data: DataRecord()),
        ModelRequest(input: InputItem(id: "nothing"), data: DataRecord()),
      ])
      #expect(
        results[0].failureMessage
          == "cannot read the image '/nonexistent/weir/gone.jpg' to send it: no such file")
      #expect(results[1].successValue != nil)
      #expect(results[2].failureMessage == "input 'nothing' has no image file, image URL or text to send")
      #expect(await server.state.received.map(\.inputIds) == [["cat1"]])
    }
  }

  @Test func duplicateAndUnusualIdsAreSentUnderSafeIds() async throws {
    try await withServer { server in
      let backend = try backend(server)
      let ids = ["cat 1.jpg", "cat2", "cat2"]
      let results = await backend.predict(requests(ids, url: { "https://x.test/\($0)" }))
      #expect(results.allSatisfy { $0.successValue != nil })
      #expect(await server.state.received.first?.inputIds == ["weir-0", "weir-1", "weir-2"])
    }
  }

  @Test func anUnreachableServerIsRetriedThenReported() async throws {
    let server = try await ClarifaiTestServer.start()
    await server.stop()
    let sleeper = SleepRecorder()
    let backend = try backend(server, options: ", retries: 1", sleeper: sleeper)
    let results = await backend.predict(requests(["a"], url: { "https://x.test/\($0)" }))
    let message = try #require(results[0].failureMessage)
    #expect(message.hasPrefix("cannot reach the model server at 127.0.0.1:\(server.port): "))
    #expect(message.hasSuffix("(gave up after 2 attempts)"))
    #expect(sleeper.sleeps.count == 1)
  }

  @Test func redirectsAreNotFollowed() async throws {
    try await withServer { server in
      await server.state.then(
        .respond(status: 307, body: "", headers: ["Location": "\(server.baseURL)/elsewhere"]))
      let backend = try backend(server)
      let results = await backend.predict(requests(["a"], url: { "https://x.test/\($0)" }))
      #expect(results[0].failureMessage == "the model server answered HTTP 307 Temporary Redirect")
      #expect(await server.state.elsewhereHits == 0)
    }
  }

  @Test func noKeyMeansNoAuthorizationHeader() async throws {
    try await withServer { server in
      let backend = try backend(server, options: ", key_env: null", environment: [:])
      _ = await backend.predict(requests(["a"], url: { "https://x.test/\($0)" }))
      let seen = try #require(await server.state.received.first)
      #expect(seen.authorization == nil)
    }
  }

  @Test func theKeyNeverShowsInAnythingAUserSees() async throws {
    try await withServer { server in
      await server.state.then(
        .respond(status: 500, body: "proxy error for Authorization: Key \(Self.secret)"),
        .respond(
          status: 403,
          body: #"{"status":{"code":11007,"description":"Key "# + Self.secret + #" lacks scope"}}"#),
        .ok)
      let backend = try backend(server, options: ", retries: 0")
      var texts: [String] = []
      for id in ["a", "b", "cat"] {
        let results = await backend.predict(requests([id], url: { "https://x.test/\($0)" }))
        texts += results.compactMap(\.failureMessage)
        for record in results.compactMap(\.successValue) {
          texts.append(String(decoding: try JSONEncoder().encode(record), as: UTF8.self))
        }
      }
      #expect(texts.count == 3)
      texts.append(String(describing: backend))
      texts.append(String(reflecting: backend))
      var dumped = ""
      dump(backend, to: &dumped)
      texts.append(dumped)
      expectNoKey(in: texts)
      #expect(
        texts[0]
          == "the model server answered HTTP 500 Internal Server Error: 'proxy error for Authorization: Key <redacted>'"
      )
      #expect(texts[1].contains("Key <redacted> lacks scope"))
      #expect(await server.state.received.allSatisfy { $0.authorization == "Key \(Self.secret)" })
    }
  }

  @Test func aMissingKeyNamesTheVariableNotAValue() throws {
    let parsed = ParsedBackend(
      "{http: https://api.clarifai.com, user_id: me, app_id: a, model_id: m, key_env: PETS_KEY}")
    // Another variable for Clarifai's API needs permission (--allow-host api.clarifai.com).
    let clarifai = KeyPolicy(allowedHosts: [KeyPolicy.Host(name: "api.clarifai.com")])
    let error = try #require(
      parsed.makeError(environment: ["CLARIFAI_PAT": Self.secret, "PETS_KEY": ""], keys: clarifai))
    #expect(error.id == "backend.missing-key")
    #expect(
      error.message == "model 'pets' needs an API key in the environment variable PETS_KEY, which is not set")
    #expect(parsed.text(error.range) == "PETS_KEY")
    #expect(!error.notes.map(\.message).joined().contains(Self.secret))

    let defaulted = ParsedBackend("{http: https://api.clarifai.com, user_id: me, app_id: a, model_id: m}")
    let missing = try #require(defaulted.makeError(environment: [:]))
    #expect(
      missing.message
        == "model 'pets' needs an API key in the environment variable CLARIFAI_PAT, which is not set")
    #expect(defaulted.text(missing.range) == "http")
  }
}
