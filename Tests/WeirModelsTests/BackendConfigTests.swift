import Foundation
import Testing
import WeirCore

@testable import WeirModels

/// Reading `backend: {http: …}` and `backend: {command: …}` options, and refusing to run programs
/// without `--allow-exec`.
@Suite struct BackendConfigTests {
  @Test func httpDefaultsAndIdsFromTheClarifaiModel() throws {
    let ref = ClarifaiModelRef(
      modelId: Located("general-image-detection", .at(0)), modelVersionId: Located("v1", .at(0)),
      userId: Located("clarifai", .at(0)), appId: Located("main", .at(0)))
    let parsed = ParsedBackend("{http: https://api.clarifai.com/}", clarifai: ref)
    let (config, errors) = ClarifaiHTTPConfig.parse(spec: parsed.spec, model: parsed.model)
    #expect(errors.isEmpty)
    let c = try #require(config)
    #expect(
      c.outputsURL.absoluteString
        == "https://api.clarifai.com/v2/users/clarifai/apps/main/models/general-image-detection/versions/v1/outputs"
    )
    #expect(c.keyEnv == "CLARIFAI_PAT")
    #expect(c.timeout == .seconds(30))
    #expect(c.retries == 3)
    #expect(c.batchSize == 32)
    #expect(c.concurrency == 4)
  }

  @Test func httpOptionsAreRead() throws {
    let parsed = ParsedBackend(
      "{http: 'http://10.0.0.5:8080/proxy', user_id: 42, app_id: pets, model_id: det, key_env: MY_KEY, timeout: 500ms, retries: 0, batch_size: 8, concurrency: 2}"
    )
    let (config, errors) = ClarifaiHTTPConfig.parse(spec: parsed.spec, model: parsed.model)
    #expect(errors.isEmpty)
    let c = try #require(config)
    #expect(
      c.outputsURL.absoluteString == "http://10.0.0.5:8080/proxy/v2/users/42/apps/pets/models/det/outputs")
    #expect(c.keyEnv == "MY_KEY")
    #expect(c.timeout == .milliseconds(500))
    #expect(c.retries == 0)
    #expect(c.batchSize == 8)
    #expect(c.concurrency == 2)
  }

  @Test func httpProblemsAreAllReportedWithTheirRanges() {
    let parsed = ParsedBackend(
      "{http: 'ftp://x', user_id: me, retires: 3, timeout: soon, concurrency: 0, batch_size: $big}")
    let diagnostics = RemoteBackends.diagnose(spec: parsed.spec, model: parsed.model)
    let rendered = diagnostics.map { "\($0.id) \(parsed.text($0.range) ?? "-"): \($0.message)" }
    #expect(
      rendered == [
        "backend.missing-option http: the http backend of model 'pets' needs a 'model_id'",
        "backend.bad-option 'ftp://x': the base URL of model 'pets' must be an http:// or https:// URL, not 'ftp://x'",
        "backend.missing-option me: the http backend of model 'pets' has a 'user_id' but no 'app_id'",
        "backend.unknown-option retires: unknown option 'retires' for the http backend of model 'pets'",
        "backend.bad-option soon: option 'timeout' of model 'pets' must be a positive duration like 30, 1.5 or 500ms, not 'soon'",
        "backend.bad-option 0: option 'concurrency' of model 'pets' must be a whole number from 1 to 256, not '0'",
        "backend.bad-option $big: option 'batch_size' of model 'pets' cannot use a var ('$big'); write the value",
      ])
    #expect(diagnostics[3].notes.first?.message == "did you mean 'retries'?")
    #expect(diagnostics.allSatisfy { $0.severity == .error })
  }

  @Test func makeThrowsTheFirstProblem() throws {
    let parsed = ParsedBackend(
      "{http: https://api.clarifai.com, user_id: me, app_id: a, model_id: m, timeout: -1}")
    let error = try #require(parsed.makeError(environment: ["CLARIFAI_PAT": "k"]))
    #expect(error.id == "backend.bad-option")
    #expect(parsed.text(error.range) == "-1")
  }

  @Test(arguments: [
    ("30", Duration.seconds(30)), ("1.5", .milliseconds(1500)), ("300ms", .milliseconds(300)),
    ("2s", .seconds(2)),
    ("1m", .seconds(60)), ("0.25 s", .milliseconds(250)),
  ])
  func durations(text: String, expected: Duration) {
    #expect(BackendOptionReader.parseDuration(text) == expected)
  }

  @Test func commandsAsListsAndStrings() throws {
    let list = ParsedBackend("{command: [python3, my model.py, --fast], timeout: 2, restarts: 0}")
    let (fromList, e1) = CommandConfig.parse(
      spec: list.spec, model: list.model, baseDirectory: backendFixtures)
    #expect(e1.isEmpty)
    #expect(fromList?.argv == ["python3", "my model.py", "--fast"])
    #expect(fromList?.displayCommand == "python3 'my model.py' --fast")
    #expect(fromList?.timeout == .seconds(2))
    #expect(fromList?.startupTimeout == .seconds(60))
    #expect(fromList?.restarts == 0)

    let string = ParsedBackend(#"{command: "python3 'my model.py' --label \"a b\" x\\ y"}"#)
    let (fromString, e2) = CommandConfig.parse(
      spec: string.spec, model: string.model, baseDirectory: backendFixtures)
    #expect(e2.isEmpty)
    #expect(fromString?.argv == ["python3", "my model.py", "--label", "a b", "x y"])
    #expect(fromString?.restarts == 2)
  }

  @Test func commandProblems() {
    let cases: [(String, String)] = [
      ("{command: []}", "the command of model 'pets' is empty"),
      ("{command: \"python3 'model.py\"}", "the command of model 'pets' has an unclosed ' quote"),
      ("{command: [python3, {a: 1}]}", "each word of the command of model 'pets' must be a single value"),
      (
        "{command: python3, restarts: many}",
        "option 'restarts' of model 'pets' must be a whole number from 0 to 100, not 'many'"
      ),
      ("{command: python3, timout: 3}", "unknown option 'timout' for the command backend of model 'pets'"),
    ]
    for (yaml, message) in cases {
      let parsed = ParsedBackend(yaml)
      #expect(
        RemoteBackends.diagnose(spec: parsed.spec, model: parsed.model).map(\.message) == [message], "\(yaml)"
      )
    }
  }

  @Test func commandsRunOnlyWithAllowExec() throws {
    let parsed = ParsedBackend("{command: [python3, model.py], timeout: nonsense}")
    let error = try #require(parsed.makeError(environment: CommandBackendTests.environment, allowExec: false))
    #expect(error.id == "backend.exec-not-allowed")
    #expect(
      error.message == "model 'pets' runs a local command (python3 model.py); pass --allow-exec to allow it")
    #expect(parsed.text(error.range) == "{command: [python3, model.py], timeout: nonsense}")

    let string = ParsedBackend("{command: ./run-model --gpu}")
    #expect(
      string.makeError(allowExec: false)?.message
        == "model 'pets' runs a local command (./run-model --gpu); pass --allow-exec to allow it")
  }

  @Test func aProgramThatCannotBeFoundIsReportedBeforeRunning() throws {
    let onPath = ParsedBackend("{command: [pyth0n3-not-installed, model.py]}")
    let error = try #require(onPath.makeError(environment: ["PATH": "/usr/bin:/bin"], allowExec: true))
    #expect(error.id == "backend.command-not-found")
    #expect(error.message == "the program 'pyth0n3-not-installed' of model 'pets' is not on PATH")
    #expect(onPath.text(error.range) == "[pyth0n3-not-installed, model.py]")

    // A relative path is taken from the workflow's folder; a script without the executable bit is refused.
    let relative = ParsedBackend("{command: ./good_model.py}")
    let relativeError = try #require(relative.makeError(environment: [:], allowExec: true))
    #expect(
      relativeError.message == "the program './good_model.py' of model 'pets' is not an executable file")
    #expect(relativeError.notes.first?.message == "looked for \(backendFixtures.path)/good_model.py")
  }

  @Test func otherKindsAreNotBuiltHere() throws {
    let parsed = ParsedBackend("{replay: predictions.json}")
    #expect(RemoteBackends.diagnose(spec: parsed.spec, model: parsed.model).isEmpty)
    #expect(parsed.makeError()?.id == "backend.unknown-kind")
  }
}
