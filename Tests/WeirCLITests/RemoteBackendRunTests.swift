import Foundation
import Testing
import WeirTestSupport

/// `weir run` with the backends that reach real models (issue 8), end to end: the built binary, a real
/// Clarifai-shaped HTTP server on loopback, a real Python subprocess, a real SQLite store read back
/// with `weir annotations export`. Each run must write exactly what the replay of the reference
/// example writes, and each failure must fail only its inputs, with a clear message.
@Suite(.serialized) struct RemoteBackendRunTests {
  static let key = "pat-run-test-7c1e9f-SECRET"
  static let predictions = ReferenceWorkflow.predictionsURL
  static let reference = ReferenceWorkflow.nativeURL

  /// A temporary folder for one test, with the reference workflow's pieces.
  struct Folder {
    let directory: TemporaryDirectory
    var url: URL { directory.url }

    init() throws { directory = try TemporaryDirectory("weir-remote") }

    func path(_ name: String) -> String { directory.path(name) }

    func write(_ name: String, _ text: String) throws { try directory.write(name, text) }

    /// The reference workflow with its `backend:` replaced.
    func workflow(backend: String, name: String = "workflow.yaml") throws -> String {
      let text = try String(contentsOf: RemoteBackendRunTests.reference, encoding: .utf8)
      let replay = "backend: {replay: predictions.json}"
      #expect(text.contains(replay))
      try write(name, text.replacingOccurrences(of: replay, with: "backend: \(backend)"))
      return path(name)
    }

    /// A manifest naming the inputs of predictions.json as the replay names them (id and URL).
    func manifest() throws -> String {
      try write("inputs.jsonl", try Self.manifestLines())
      return path("inputs.jsonl")
    }

    /// The text of that manifest.
    static func manifestLines() throws -> String {
      let root = try JSONSerialization.jsonObject(with: Data(contentsOf: RemoteBackendRunTests.predictions))
      let outputs = try #require((root as? [String: Any])?["outputs"] as? [[String: Any]])
      let lines = try outputs.map { output -> String in
        let input = try #require(output["input"] as? [String: Any])
        let image = try #require((input["data"] as? [String: Any])?["image"] as? [String: Any])
        let line = ["id": try #require(input["id"] as? String), "url": try #require(image["url"] as? String)]
        return String(
          decoding: try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys]), as: UTF8.self)
      }
      #expect(lines.count == 12)
      return lines.joined(separator: "\n") + "\n"
    }

    /// Every byte of the files whose names start with `prefix` (a store and its -wal, say), as text.
    func contents(startingWith prefix: String) throws -> String {
      let names = try FileManager.default.contentsOfDirectory(atPath: url.path).filter {
        $0.hasPrefix(prefix)
      }
      return try names.map {
        String(decoding: try Data(contentsOf: url.appendingPathComponent($0)), as: UTF8.self)
      }
      .joined()
    }

    func remove() { directory.remove() }
  }

  /// Runs `weir` on its own thread, so the loopback server in this process keeps its threads.
  static func weir(_ arguments: [String], environment: [String: String] = [:]) async throws
    -> WeirProcess.Result
  {
    try await withCheckedThrowingContinuation { continuation in
      Thread {
        continuation.resume(with: Result { try WeirProcess.run(arguments, environment: environment) })
      }.start()
    }
  }

  /// Every annotation of a store as `weir annotations export --format jsonl` gives it, without what
  /// differs from run to run (the run id, the time of writing), as sorted canonical JSON lines.
  static func annotations(_ store: String) async throws -> [String] {
    let r = try await weir(["annotations", "export", "--format", "jsonl", "--store", store])
    #expect(r.status == 0, "\(r.stderr)")
    return try r.stdout.split(separator: "\n").map { line in
      var object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      object["run_id"] = nil
      object["written_at"] = nil
      return String(
        decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }.sorted()
  }

  /// What the replay of the reference example writes: the annotations every other backend must match.
  static func replayedAnnotations(in folder: Folder) async throws -> [String] {
    let store = folder.path("replay.db")
    let r = try await weir(["run", reference.path, "--store", store])
    #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    let rows = try await annotations(store)
    #expect(rows.count == 13)
    return rows
  }

  /// The annotations without those of the given inputs.
  static func without(_ inputs: Set<String>, _ rows: [String]) -> [String] {
    rows.filter { row in !inputs.contains { row.contains(#""input_id":"\#($0)""#) } }
  }

  /// The line of `weir run`'s summary that reports the failure of one input.
  static func failureLine(_ input: String, in stdout: String) -> String? {
    stdout.split(separator: "\n").map(String.init).first { $0.hasPrefix("  \(input) at detect: ") }
  }

  /// Runs `body` with a fresh server and folder, cleaning up afterwards.
  func withServer(
    faults: Set<ClarifaiTestServer.Fault> = [], _ body: (ClarifaiTestServer, Folder) async throws -> Void
  ) async throws {
    let server = try await ClarifaiTestServer.start(replaying: Self.predictions, faults: faults)
    let folder = try Folder()
    defer { folder.remove() }
    do {
      try await body(server, folder)
    } catch {
      await server.stop()
      throw error
    }
    await server.stop()
  }

  func httpBackend(_ server: ClarifaiTestServer, _ options: String = "") -> String {
    "{http: \(server.baseURL), user_id: me, app_id: pets-app, model_id: pets-detector\(options)}"
  }

  // MARK: http

  /// weir opens libcurl only when an http model is set up (CCurlLoader); without one, the run stops
  /// before any input with an error that names the library, instead of the binary failing to start.
  @Test func withoutLibcurlAnHTTPModelIsRefusedWithTheReason() async throws {
    let folder = try Folder()
    defer { folder.remove() }
    let workflow = try folder.workflow(
      backend: "{http: http://127.0.0.1:9, user_id: me, app_id: pets-app, model_id: pets-detector}")
    let missing = folder.path("no-such-libcurl.so.4")
    let r = try await Self.weir(
      [
        "run", workflow, "--allow-host", "127.0.0.1", "--inputs", try folder.manifest(), "--store",
        folder.path("x.db"),
      ],
      environment: ["CLARIFAI_PAT": Self.key, "WEIR_LIBCURL": missing])
    #expect(r.status == 2, "\(r.stdout)\(r.stderr)")
    #expect(
      r.stderr.contains(
        "error: model 'pets' is served over HTTP, which needs libcurl, and libcurl cannot be loaded: \(missing)"
      ),
      "\(r.stderr)")
    #expect(r.stderr.contains("[backend.no-libcurl]"), "\(r.stderr)")
    #expect(!r.stdout.contains("ran 'auto-annotation'"))
  }

  @Test func theReferenceWorkflowAgainstALoopbackServerWritesWhatItsReplayWrites() async throws {
    try await withServer { server, folder in
      let expected = try await Self.replayedAnnotations(in: folder)
      let workflow = try folder.workflow(backend: httpBackend(server))
      let r = try await Self.weir(
        [
          "run", workflow, "--allow-host", "127.0.0.1", "--inputs", try folder.manifest(), "--store",
          folder.path("http.db"),
          "--output", folder.path("outputs.jsonl"),
        ], environment: ["CLARIFAI_PAT": Self.key])
      #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
      #expect(r.stdout.hasPrefix("ran 'auto-annotation' on 12 inputs: 13 annotations written to"))
      #expect(try await Self.annotations(folder.path("http.db")) == expected)

      // One request for the twelve inputs (batches of up to 32), to the app's model, with the key.
      let received = await server.state.received
      #expect(received.map(\.path) == ["/v2/users/me/apps/pets-app/models/pets-detector/outputs"])
      #expect(received.first?.inputIds.count == 12)
      #expect(received.allSatisfy { $0.authorization == "Key \(Self.key)" })
      for text in [
        r.stdout, r.stderr, try folder.contents(startingWith: "http.db"),
        try folder.contents(startingWith: "outputs"),
      ] {
        #expect(!text.contains(Self.key))
      }
      #expect(try folder.contents(startingWith: "outputs").contains("pets-01.jpg"))
    }
  }

  @Test func inputsTheServerFailsOnFailAloneWithItsMessageAndTheRestAreWritten() async throws {
    let faults: Set<ClarifaiTestServer.Fault> = [
      .serverError(input: "pets-03.jpg"), .failedOutput(input: "pets-07.jpg"),
    ]
    try await withServer(faults: faults) { server, folder in
      let expected = Self.without(
        ["pets-03.jpg", "pets-07.jpg"], try await Self.replayedAnnotations(in: folder))
      // One input per request, so the 500 hits only its own input; one retry keeps the test quick.
      let workflow = try folder.workflow(
        backend: httpBackend(server, ", batch_size: 1, retries: 1, timeout: 5"))
      let r = try await Self.weir(
        [
          "run", workflow, "--allow-host", "127.0.0.1", "--inputs", try folder.manifest(), "--store",
          folder.path("http.db"),
          "--record", folder.path("recorded.jsonl"), "--output", folder.path("outputs.jsonl"),
        ], environment: ["CLARIFAI_PAT": Self.key])
      #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
      #expect(r.stdout.hasPrefix("ran 'auto-annotation' on 12 inputs, 2 failed:"))
      #expect(
        Self.failureLine("pets-03.jpg", in: r.stdout)
          == "  pets-03.jpg at detect: the model server answered HTTP 500 Internal Server Error: model worker "
          + "crashed on pets-03.jpg (request had Authorization: Key <redacted>) (Clarifai status 21317) "
          + "(gave up after 2 attempts)")
      #expect(
        Self.failureLine("pets-07.jpg", in: r.stdout)
          == "  pets-07.jpg at detect: the model failed on this input: Input image could not be decoded "
          + "(Clarifai status 30002)")
      #expect(try await Self.annotations(folder.path("http.db")) == expected)

      // The failing input was asked twice (a 500 is retried), every other input once.
      let asked = await server.state.received.flatMap(\.inputIds)
      #expect(asked.filter { $0 == "pets-03.jpg" }.count == 2)
      #expect(asked.count == 13)

      // Failures are not recorded: a later replay asks the model again instead of failing forever.
      let recorded = try String(contentsOfFile: folder.path("recorded.jsonl"), encoding: .utf8)
      #expect(recorded.split(separator: "\n").count == 10)
      #expect(!recorded.contains("pets-03.jpg") && !recorded.contains("pets-07.jpg"))
      for text in [
        r.stdout, r.stderr, recorded, try folder.contents(startingWith: "http.db"),
        try folder.contents(startingWith: "outputs"),
      ] {
        #expect(!text.contains(Self.key))
      }
    }
  }

  @Test func aServerThatHangsOrAnswersGarbageForSomeInputsFailsOnlyThose() async throws {
    let faults: Set<ClarifaiTestServer.Fault> = [
      .hang(input: "pets-05.jpg"), .garbage(input: "pets-09.jpg"),
    ]
    try await withServer(faults: faults) { server, folder in
      let expected = Self.without(
        ["pets-05.jpg", "pets-09.jpg"], try await Self.replayedAnnotations(in: folder))
      let workflow = try folder.workflow(
        backend: httpBackend(server, ", batch_size: 1, retries: 1, timeout: 1"))
      let r = try await Self.weir(
        [
          "run", workflow, "--allow-host", "127.0.0.1", "--inputs", try folder.manifest(), "--store",
          folder.path("http.db"),
        ],
        environment: ["CLARIFAI_PAT": Self.key])
      #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
      #expect(r.stdout.hasPrefix("ran 'auto-annotation' on 12 inputs, 2 failed:"))
      #expect(
        Self.failureLine("pets-05.jpg", in: r.stdout)
          == "  pets-05.jpg at detect: the model server did not answer within 1 s (gave up after 2 attempts)")
      #expect(
        Self.failureLine("pets-09.jpg", in: r.stdout)
          == "  pets-09.jpg at detect: the model server's answer is not a Clarifai response: it is not valid JSON "
          + "(it starts with '<html>502 Bad Gateway</html>')")
      #expect(try await Self.annotations(folder.path("http.db")) == expected)
      // A timeout is retried; an answer that is not JSON is not (asking again would not fix it).
      let asked = await server.state.received.flatMap(\.inputIds)
      #expect(asked.filter { $0 == "pets-05.jpg" }.count == 2)
      #expect(asked.filter { $0 == "pets-09.jpg" }.count == 1)
    }
  }

  @Test func aRejectedKeyFailsEveryInputOnceWithAClearMessageAndWritesNothing() async throws {
    try await withServer(faults: [.unauthorized]) { server, folder in
      let workflow = try folder.workflow(backend: httpBackend(server))
      let r = try await Self.weir(
        [
          "run", workflow, "--allow-host", "127.0.0.1", "--inputs", try folder.manifest(), "--store",
          folder.path("http.db"),
        ],
        environment: ["CLARIFAI_PAT": Self.key])
      #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
      #expect(r.stdout.hasPrefix("ran 'auto-annotation' on 12 inputs, 12 failed: 0 annotations written to"))
      let message =
        "the model server answered HTTP 401 Unauthorized: API key not found (Clarifai status 11009); "
        + "check the API key in CLARIFAI_PAT"
      #expect(Self.failureLine("pets-01.jpg", in: r.stdout) == "  pets-01.jpg at detect: \(message)")
      #expect(r.stdout.components(separatedBy: message).count - 1 == 12)
      #expect(try await Self.annotations(folder.path("http.db")).isEmpty)
      #expect(await server.state.received.count == 1, "a 401 is not retried")
      #expect(!r.stdout.contains(Self.key) && !r.stderr.contains(Self.key))
    }
  }

  @Test func aMissingKeyStopsTheRunBeforeAnyRequest() async throws {
    try await withServer { server, folder in
      let workflow = try folder.workflow(backend: httpBackend(server))
      let r = try await Self.weir(
        [
          "run", workflow, "--allow-host", "127.0.0.1", "--inputs", try folder.manifest(), "--store",
          folder.path("http.db"),
        ],
        environment: ["CLARIFAI_PAT": ""])
      #expect(r.status == 2)
      #expect(
        r.stderr.contains(
          "error: model 'pets' needs an API key in the environment variable CLARIFAI_PAT, which is not set "
            + "[backend.missing-key]"))
      #expect(await server.state.received.isEmpty)
      #expect(!FileManager.default.fileExists(atPath: folder.path("http.db")))
    }
  }

  @Test func aRecordingOfTheServerReplaysToTheSameAnnotations() async throws {
    try await withServer { server, folder in
      let expected = try await Self.replayedAnnotations(in: folder)
      let live = try folder.workflow(backend: httpBackend(server), name: "live.yaml")
      let recorded = try await Self.weir(
        [
          "run", live, "--allow-host", "127.0.0.1", "--inputs", try folder.manifest(), "--dry-run",
          "--record",
          folder.path("recorded.jsonl"),
        ], environment: ["CLARIFAI_PAT": Self.key])
      #expect(recorded.status == 0, "\(recorded.stdout)\(recorded.stderr)")
      #expect(
        !(try String(contentsOfFile: folder.path("recorded.jsonl"), encoding: .utf8)).contains(Self.key))

      // The replay needs neither the server nor --inputs: the recording names its inputs.
      await server.stop()
      let replay = try folder.workflow(backend: "{replay: recorded.jsonl}", name: "replay.yaml")
      let r = try await Self.weir(["run", replay, "--store", folder.path("replayed.db")])
      #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
      #expect(try await Self.annotations(folder.path("replayed.db")) == expected)
    }
  }

  // MARK: command

  /// A workflow whose model is `replay_model.py`, answering from a copy of predictions.json beside it;
  /// the command runs in the workflow's folder, so both are named relative to it.
  /// `faults` are `crash:ID` and `hang:ID` (Tests/Fixtures/backends/README.md).
  func commandWorkflow(_ folder: Folder, faults: [String] = [], timeout: String = "20") throws -> String {
    let fixture = Repository.root.appendingPathComponent("Tests/Fixtures/backends/replay_model.py")
    try FileManager.default.copyItem(at: fixture, to: folder.url.appendingPathComponent("model.py"))
    try FileManager.default.copyItem(
      at: Self.predictions, to: folder.url.appendingPathComponent("predictions.json"))
    let argv = (["python3", "model.py", "predictions.json"] + faults).joined(separator: ", ")
    return try folder.workflow(backend: "{command: [\(argv)], timeout: \(timeout)}")
  }

  @Test func aCommandModelRunsOnlyWithAllowExec() async throws {
    let folder = try Folder()
    defer { folder.remove() }
    let workflow = try commandWorkflow(folder)
    let r = try await Self.weir([
      "run", workflow, "--inputs", try folder.manifest(), "--store", folder.path("cmd.db"),
    ])
    #expect(r.status == 2)
    #expect(r.stdout == "")
    #expect(
      r.stderr.contains(
        "error: model 'pets' runs a local command (python3 model.py predictions.json); pass --allow-exec to "
          + "allow it [backend.exec-not-allowed]"))
    #expect(!FileManager.default.fileExists(atPath: folder.path("cmd.db")))
  }

  @Test func aCommandModelWritesWhatItsReplayWrites() async throws {
    let folder = try Folder()
    defer { folder.remove() }
    let expected = try await Self.replayedAnnotations(in: folder)
    let workflow = try commandWorkflow(folder)
    let r = try await Self.weir([
      "run", workflow, "--inputs", try folder.manifest(), "--store", folder.path("cmd.db"), "--allow-exec",
    ])
    #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    #expect(try await Self.annotations(folder.path("cmd.db")) == expected)
  }

  @Test func aCommandModelThatCrashesOnOneInputFailsItWithItsStderrAndTheRestAreWritten() async throws {
    let folder = try Folder()
    defer { folder.remove() }
    let expected = Self.without(["pets-03.jpg"], try await Self.replayedAnnotations(in: folder))
    let workflow = try commandWorkflow(folder, faults: ["crash:pets-03.jpg"])
    let r = try await Self.weir([
      "run", workflow, "--inputs", try folder.manifest(), "--store", folder.path("cmd.db"), "--allow-exec",
      "--record", folder.path("recorded.jsonl"),
    ])
    #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
    #expect(r.stdout.hasPrefix("ran 'auto-annotation' on 12 inputs, 1 failed:"))
    #expect(
      Self.failureLine("pets-03.jpg", in: r.stdout)
        == "  pets-03.jpg at detect: the model program (python3 model.py predictions.json crash:pets-03.jpg) exited "
        + "with status 1 while predicting this input; it will be restarted (restart 1 of 2); its stderr ends "
        + "with: 'Traceback (most recent call last): | MemoryError: cannot allocate a tensor for pets-03.jpg'"
    )
    #expect(try await Self.annotations(folder.path("cmd.db")) == expected)
    let recorded = try String(contentsOfFile: folder.path("recorded.jsonl"), encoding: .utf8)
    #expect(recorded.split(separator: "\n").count == 11)
    #expect(!recorded.contains("pets-03.jpg"))

    // What the program answered replays to the same annotations.
    let replay = try folder.workflow(backend: "{replay: recorded.jsonl}", name: "replay.yaml")
    let replayed = try await Self.weir(["run", replay, "--store", folder.path("replayed.db")])
    #expect(replayed.status == 0, "\(replayed.stdout)\(replayed.stderr)")
    #expect(try await Self.annotations(folder.path("replayed.db")) == expected)
  }

  @Test func aCommandModelThatHangsOnOneInputIsStoppedAndRestartedForTheRest() async throws {
    let folder = try Folder()
    defer { folder.remove() }
    let expected = Self.without(["pets-05.jpg"], try await Self.replayedAnnotations(in: folder))
    let workflow = try commandWorkflow(folder, faults: ["hang:pets-05.jpg"], timeout: "2")
    let r = try await Self.weir([
      "run", workflow, "--inputs", try folder.manifest(), "--store", folder.path("cmd.db"), "--allow-exec",
    ])
    #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
    #expect(
      Self.failureLine("pets-05.jpg", in: r.stdout)
        == "  pets-05.jpg at detect: the model program (python3 model.py predictions.json hang:pets-05.jpg) did "
        + "not answer within 2 s; it was stopped; it will be restarted (restart 1 of 2); its stderr ends with: "
        + "'stuck on pets-05.jpg'")
    #expect(try await Self.annotations(folder.path("cmd.db")) == expected)
  }

  /// At the end of a run weir closes the program's stdin and waits for it to exit (up to 2 s) before
  /// it stops it: a model that tidies up on its way out gets to finish.
  @Test func theModelProgramIsClosedCleanlyAtTheEndOfARun() async throws {
    let folder = try Folder()
    defer { folder.remove() }
    let fixture = Repository.root.appendingPathComponent("Tests/Fixtures/backends/tidy_model.py")
    try FileManager.default.copyItem(at: fixture, to: folder.url.appendingPathComponent("model.py"))
    let workflow = try folder.workflow(backend: "{command: [python3, model.py, marker.txt]}")
    let r = try await Self.weir([
      "run", workflow, "--inputs", try folder.manifest(), "--store", folder.path("cmd.db"), "--allow-exec",
    ])
    #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    #expect(r.stdout.hasPrefix("ran 'auto-annotation' on 12 inputs: 0 annotations written to"))
    #expect(try String(contentsOfFile: folder.path("marker.txt"), encoding: .utf8) == "finished\n")
  }

  @Test func theCommandModelExampleRunsOnThePetPhotos() async throws {
    let folder = try Folder()
    defer { folder.remove() }
    let r = try await Self.weir([
      "run", "examples/command-model/workflow.yaml", "--inputs", "examples/pets/photos", "--store",
      folder.path("example.db"), "--allow-exec",
    ])
    #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    // model.py labels by file name: the five cat photos are sure cats, the other five doubtful dogs.
    #expect(r.stdout.contains("write-sure                     5                           0      5"))
    #expect(r.stdout.contains("write-review                   0                           5      5"))
    let rows = try await Self.annotations(folder.path("example.db"))
    #expect(rows.count == 10)
    #expect(rows.filter { $0.contains(#""id":"cat""#) }.allSatisfy { $0.contains(#""input_id":"cat_"#) })
  }

  // MARK: checking

  /// Backend option mistakes are reported once by every command that checks a workflow: `http` and
  /// `command` options by WeirModels, `builtin` and `replay` options by the parser.
  @Test(arguments: ["check", "lint", "plan", "run"])
  func backendOptionMistakesAreReportedOnce(command: String) async throws {
    let folder = try Folder()
    defer { folder.remove() }
    let text = """
      weir: 1
      workflow: options
      models:
        web: {type: visual-detector, backend: {http: "ftp://x", model_id: m, retrys: 2, timeout: 5x}}
        local: {type: visual-detector, backend: {command: [], restarts: -1}}
        cats: {type: visual-detector, backend: {builtin: cat-face, scale_factor: 0.5}}
      nodes:
        a: {model: web}
        b: {model: local}
        c: {model: cats}

      """
    try folder.write("options.yaml", text)
    let extra =
      command == "run" ? ["--inputs", folder.path("options.yaml"), "--store", folder.path("x.db")] : []
    let r = try await Self.weir([command, folder.path("options.yaml"), "--no-color"] + extra)
    #expect(r.status == (command == "check" || command == "lint" ? 1 : 2), "\(r.stdout)\(r.stderr)")
    let errors = (r.stdout + r.stderr).split(separator: "\n").filter { $0.contains(": error: ") }.map {
      $0.replacingOccurrences(of: folder.url.path + "/", with: "")
    }
    #expect(
      errors == [
        "options.yaml:4:48: error: the base URL of model 'web' must be an http:// or https:// URL, not 'ftp://x' [backend.bad-option]",
        "options.yaml:4:72: error: unknown option 'retrys' for the http backend of model 'web' [backend.unknown-option]",
        "options.yaml:4:92: error: option 'timeout' of model 'web' must be a positive duration like 30, 1.5 or 500ms, not '5x' [backend.bad-option]",
        "options.yaml:5:53: error: the command of model 'local' is empty [backend.bad-option]",
        "options.yaml:5:67: error: option 'restarts' of model 'local' must be a whole number from 0 to 100, not '-1' [backend.bad-option]",
        "options.yaml:6:76: error: 'scale_factor' must be above 1 and at most 4, not 0.5 [syntax.out-of-range]",
      ], "\(r.stdout)\(r.stderr)")
  }
}
