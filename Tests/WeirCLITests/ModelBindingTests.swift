import Foundation
import Testing
import WeirTestSupport

/// Model bindings (`--backend NAME=SPEC`, `--models FILE`, `.weir/models.yaml`) end to end: the
/// reference workflow in Clarifai's dialect, which has no place for a backend, runs bound to the
/// recorded predictions or, with user and app ids and the key set, against a Clarifai server.
@Suite(.serialized) struct ModelBindingTests {
  typealias Remote = RemoteBackendRunTests

  /// A folder with the reference workflow in both dialects and the recorded predictions.
  static func folder() throws -> TemporaryDirectory {
    let folder = try TemporaryDirectory("weir-bindings")
    _ = try folder.write("workflow.yaml", ReferenceWorkflow.native)
    _ = try folder.write("clarifai.yaml", ReferenceWorkflow.clarifai)
    _ = try folder.write(
      "predictions.json", try Data(contentsOf: ReferenceWorkflow.predictionsURL).map { $0 })
    return folder
  }

  static func weir(_ arguments: [String], in folder: TemporaryDirectory, environment: [String: String] = [:])
    async throws -> WeirProcess.Result
  {
    try await withCheckedThrowingContinuation { continuation in
      Thread {
        continuation.resume(
          with: Result { try WeirProcess.run(arguments, environment: environment, in: folder.url) })
      }.start()
    }
  }

  /// The annotations of the native reference workflow replayed: what every bound run must write.
  static func nativeRows(in folder: TemporaryDirectory) async throws -> [String] {
    let r = try await weir(["run", "workflow.yaml", "--store", "native.db"], in: folder)
    #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    let rows = try await Remote.annotations(folder.path("native.db"))
    #expect(rows.count == 13)
    return rows
  }

  @Test func theClarifaiWorkflowBoundToTheRecordingWritesWhatTheNativeOneWrites() async throws {
    let folder = try Self.folder()
    defer { folder.remove() }
    let expected = try await Self.nativeRows(in: folder)

    let r = try await Self.weir(
      ["run", "clarifai.yaml", "--backend", "detect=replay:predictions.json", "--store", "flag.db"],
      in: folder)
    #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    #expect(r.stdout.hasPrefix("ran 'auto-annotation' on 12 inputs: 13 annotations written to flag.db"))
    #expect(try await Remote.annotations(folder.path("flag.db")) == expected)

    // The same binding in the models file beside the workflow, by the Clarifai model id.
    _ = try folder.write(".weir/models.yaml", "models:\n  pets-detector: {replay: predictions.json}\n")
    let file = try await Self.weir(["run", "clarifai.yaml", "--store", "file.db"], in: folder)
    #expect(file.status == 0, "\(file.stdout)\(file.stderr)")
    #expect(try await Remote.annotations(folder.path("file.db")) == expected)
  }

  @Test func aClarifaiModelWithUserAndAppIdsCallsTheServerWithOnlyTheKeySet() async throws {
    let folder = try Self.folder()
    defer { folder.remove() }
    let expected = try await Self.nativeRows(in: folder)
    let identified = ReferenceWorkflow.clarifai.replacingOccurrences(
      of: "        model_id: pets-detector\n",
      with: "        model_id: pets-detector\n        user_id: me\n        app_id: pets-app\n")
    #expect(identified != ReferenceWorkflow.clarifai)
    _ = try folder.write("identified.yaml", identified)
    let manifest = try Remote.Folder.manifestLines()
    _ = try folder.write("inputs.jsonl", manifest)

    let server = try await ClarifaiTestServer.start(replaying: ReferenceWorkflow.predictionsURL)
    do {
      let r = try await Self.weir(
        [
          "run", "identified.yaml", "--allow-host", "127.0.0.1", "--inputs", "inputs.jsonl", "--store",
          "http.db",
        ],
        in: folder, environment: ["CLARIFAI_PAT": Remote.key, "WEIR_CLARIFAI_API": server.baseURL])
      #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
      #expect(try await Remote.annotations(folder.path("http.db")) == expected)
      let received = await server.state.received
      #expect(received.map(\.path) == ["/v2/users/me/apps/pets-app/models/pets-detector/outputs"])
      #expect(received.allSatisfy { $0.authorization == "Key \(Remote.key)" })
      #expect(!r.stdout.contains(Remote.key) && !r.stderr.contains(Remote.key))

      // Without the key: one error naming the variable, before any input is read.
      let keyless = try await Self.weir(
        [
          "run", "identified.yaml", "--allow-host", "127.0.0.1", "--inputs", "inputs.jsonl", "--store",
          "x.db",
        ],
        in: folder, environment: ["CLARIFAI_PAT": "", "WEIR_CLARIFAI_API": server.baseURL])
      #expect(keyless.status == 2, "\(keyless.stdout)\(keyless.stderr)")
      #expect(keyless.stderr.contains("CLARIFAI_PAT"), "\(keyless.stderr)")
    } catch {
      await server.stop()
      throw error
    }
    await server.stop()
  }

  @Test func aModelWithNoBindingIsOneErrorNamingTheFlagAndTheFile() async throws {
    let folder = try Self.folder()
    defer { folder.remove() }
    let r = try await Self.weir(["run", "clarifai.yaml", "--store", "none.db"], in: folder)
    #expect(r.status == 2)
    #expect(
      r.stderr
        == "weir: model 'detect' has no backend; bind one with --backend detect=KIND:VALUE "
        + "(e.g. --backend detect=replay:predictions.json) or in .weir/models.yaml beside the workflow "
        + "(models: {detect: {replay: predictions.json}}), or give its model a user_id and app_id to call "
        + "Clarifai's API with the key in CLARIFAI_PAT\n")
    #expect(!FileManager.default.fileExists(atPath: folder.path("none.db")))
  }

  @Test func aBindingToAnUnknownNodeIsOneErrorWithAPosition() async throws {
    let folder = try Self.folder()
    defer { folder.remove() }
    let r = try await Self.weir(
      ["check", "clarifai.yaml", "--no-color", "--backend", "detct=replay:predictions.json"], in: folder)
    #expect(r.status == 1)
    #expect(
      r.stdout == """
        --backend:1:1: error: clarifai.yaml has no node or model 'detct' to bind; did you mean 'detect'? [binding.unknown-model]
        1 | detct: {replay: predictions.json}
          | ^~~~~
          = note: models and model nodes: detect, pets-detector
          = fix-it: replace 'detct' with 'detect'

        """)
    // A thresholder is weir's own: binding it is refused too.
    let sure = try await Self.weir(
      ["plan", "clarifai.yaml", "--no-color", "--backend", "sure=replay:x.json"], in: folder)
    #expect(sure.status == 2)
    #expect(sure.stderr.contains("node 'sure' of clarifai.yaml calls no model (weir runs it itself)"))
  }

  /// `lint` and `bands` take the same bindings as `check`: a wrong one is the same error, a right
  /// one lets them look at the bound workflow.
  @Test func lintAndBandsTakeTheSameBindings() async throws {
    let folder = try Self.folder()
    defer { folder.remove() }
    for command in ["lint", "bands"] {
      let wrong = try await Self.weir(
        [command, "clarifai.yaml", "--no-color", "--backend", "detct=replay:predictions.json"], in: folder)
      #expect(wrong.status == 1, "\(command)")
      #expect(
        wrong.stdout.contains(
          "--backend:1:1: error: clarifai.yaml has no node or model 'detct' to bind; did you mean 'detect'?"),
        "\(command): \(wrong.stdout)\(wrong.stderr)")
    }
    let lint = try await Self.weir(
      ["lint", "clarifai.yaml", "--no-color", "--backend", "detect=replay:predictions.json"], in: folder)
    #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")
    let bands = try await Self.weir(
      ["bands", "clarifai.yaml", "--backend", "detect=replay:predictions.json"], in: folder)
    #expect(bands.status == 0, "\(bands.stdout)\(bands.stderr)")
    #expect(bands.stdout.hasPrefix("bands of 'auto-annotation' (clarifai.yaml)"))
    let missing = try await Self.weir(["lint", "clarifai.yaml", "--models", "nowhere.yaml"], in: folder)
    #expect(missing.status == 1)
    #expect(missing.stdout.contains("cannot read the models file"), "\(missing.stdout)\(missing.stderr)")
  }

  @Test func aMalformedSpecIsOneErrorWithAPosition() async throws {
    let folder = try Self.folder()
    defer { folder.remove() }
    let r = try await Self.weir(
      ["check", "clarifai.yaml", "--no-color", "--backend", "detect=predictions.json"], in: folder)
    #expect(r.status == 1)
    #expect(
      r.stdout == """
        --backend:1:8: error: the backend of 'detect' must be KIND:VALUE or a {…} mapping, not 'predictions.json' [binding.malformed]
        1 | detect=predictions.json
          |        ^~~~~~~~~~~~~~~~
          = note: write NAME=KIND:VALUE (--backend detect=replay:predictions.json) or NAME={KIND: VALUE, option: value}; kinds: replay, builtin, http, command, onnx

        """)
    let kind = try await Self.weir(
      ["run", "clarifai.yaml", "--no-color", "--backend", "detect=replya:predictions.json"], in: folder)
    #expect(kind.status == 2)
    #expect(
      kind.stderr.hasPrefix("--backend:1:10: error: unknown backend kind 'replya'; did you mean 'replay'?"))
    let option = try await Self.weir(
      [
        "check", "clarifai.yaml", "--no-color", "--backend", "detect={replay: predictions.json, formt: coco}",
      ],
      in: folder)
    #expect(option.status == 1)
    #expect(option.stdout.hasPrefix("--backend:1:36: error: unknown option 'formt'; did you mean 'format'?"))
  }

  @Test func aModelsFileWithAnUnknownKindIsOneErrorAtItsLine() async throws {
    let folder = try Self.folder()
    defer { folder.remove() }
    _ = try folder.write(
      ".weir/models.yaml", "# bindings\nmodels:\n  pets-detector: {replya: predictions.json}\n")
    let r = try await Self.weir(["check", "clarifai.yaml", "--no-color"], in: folder)
    #expect(r.status == 1)
    #expect(
      r.stdout == """
        .weir/models.yaml:3:19: error: unknown backend kind 'replya'; did you mean 'replay'? [syntax.unknown-backend]
        3 |   pets-detector: {replya: predictions.json}
          |                   ^~~~~~
          = note: backend kinds: replay, builtin, http, command, onnx
          = fix-it: replace 'replya' with 'replay'

        """)
    // --models names another file; its relative paths start from its own folder.
    _ = try folder.write("bindings/models.yaml", "models:\n  detect: {replay: ../predictions.json}\n")
    let other = try await Self.weir(
      ["run", "clarifai.yaml", "--models", "bindings/models.yaml", "--store", "m.db"], in: folder)
    #expect(other.status == 0, "\(other.stdout)\(other.stderr)")
    #expect(try await Remote.annotations(folder.path("m.db")).count == 13)
  }
}

/// `weir check` and `weir lint` on folders, and with no paths on the current project.
@Suite struct ProjectCheckTests {
  static let clean = ReferenceWorkflow.native
  static let broken = "weir: 1\nworkflow: broken\nnodes:\n  a: {type: region-thresholdr}\n"

  /// A project: two workflows in folders, one broken, and YAML that is not a workflow.
  static func project() throws -> TemporaryDirectory {
    let folder = try TemporaryDirectory("weir-project")
    _ = try folder.write("flows/good.yaml", clean)
    _ = try folder.write("flows/deep/bad.yml", broken)
    _ = try folder.write("flows/.weir/models.yaml", "models:\n  pets: {replay: predictions.json}\n")
    _ = try folder.write("ci.yaml", "steps: [build, test]\n")
    _ = try folder.write("flows/notes.txt", "not yaml\n")
    return folder
  }

  @Test func aFolderIsSearchedForWorkflowFiles() throws {
    let folder = try Self.project()
    defer { folder.remove() }
    for command in ["check", "lint"] {
      let r = try WeirProcess.run([command, "flows", "--no-color"], in: folder.url)
      #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
      #expect(
        r.stdout.hasPrefix("flows/deep/bad.yml:4:13: error: unknown node type 'region-thresholdr'"),
        "\(r.stdout)")
      #expect(
        !r.stdout.contains("ci.yaml") && !r.stdout.contains("models.yaml"))
      #expect(r.stderr == "")
    }
    _ = try folder.write("flows/deep/bad.yml", Self.clean)
    let clean = try WeirProcess.run(["check", "flows/"], in: folder.url)
    #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
  }

  @Test func withNoPathsTheProjectsWorkflowsAreChecked() throws {
    let folder = try Self.project()
    defer { folder.remove() }
    // Every workflow below the current folder, ci.yaml left alone.
    let all = try WeirProcess.run(["check", "--no-color"], in: folder.url)
    #expect(all.status == 1)
    #expect(all.stdout.hasPrefix("flows/deep/bad.yml:4:13: error:"), "\(all.stdout)")
    // The globs of .weir.yaml, relative to its folder, from a folder below it.
    _ = try folder.write(".weir.yaml", "workflows: [\"flows/*.yaml\"]\n")
    let listed = try WeirProcess.run(["check"], in: folder.url.appendingPathComponent("flows"))
    #expect(listed.status == 0, "\(listed.stdout)\(listed.stderr)")
    _ = try folder.write(".weir.yaml", "workflows: [\"flows/**/*.yml\"]\n")
    let deep = try WeirProcess.run(["lint", "--no-color"], in: folder.url)
    #expect(deep.status == 1)
    #expect(deep.stdout.hasPrefix("flows/deep/bad.yml:4:13: error:"), "\(deep.stdout)")
    // A wrong list is one error in .weir.yaml.
    _ = try folder.write(".weir.yaml", "workflows: {flows: yes}\n")
    let wrong = try WeirProcess.run(["check", "--no-color"], in: folder.url)
    #expect(wrong.status == 1)
    #expect(
      wrong.stdout.hasPrefix(".weir.yaml:1:12: error: 'workflows' lists globs of workflow files"),
      "\(wrong.stdout)")
    // Nothing to check is said, not silently passed.
    let empty = try TemporaryDirectory("weir-empty")
    defer { empty.remove() }
    let none = try WeirProcess.run(["check"], in: empty.url)
    #expect(none.status == 2)
    #expect(none.stderr.hasPrefix("weir: no workflow files to check in the current folder"))
  }
}

/// The REPL's script mode: loading another workflow drops the old ground truth, and a missing
/// model binding is one error with a failing exit status.
@Suite struct ReplLoadTests {
  @Test func loadingAnotherWorkflowDropsTheGroundTruth() throws {
    let dir = try ReplCLI.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try WeirProcess.run(
      ["repl", "pets.yaml", "--truth", "pets-truth.json"], stdin: "load triage.yaml\nrun\n", in: dir)
    #expect(
      r.stdout.contains("ground truth dropped (it was for the previous workflow); use 'truth FILE'"),
      "\(r.stdout)")
    let keep = try WeirProcess.run(
      ["repl", "pets.yaml", "--truth", "pets-truth.json"], stdin: "load pets.yaml\n", in: dir)
    #expect(!keep.stdout.contains("ground truth dropped"), "\(keep.stdout)")
  }

  @Test func aMissingBindingIsOneErrorInTheRepl() throws {
    let folder = try ModelBindingTests.folder()
    defer { folder.remove() }
    _ = try folder.write("inputs.jsonl", try RemoteBackendRunTests.Folder.manifestLines())
    let r = try WeirProcess.run(["repl", "clarifai.yaml", "--inputs", "inputs.jsonl"], in: folder.url)
    #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
    #expect(r.stderr.components(separatedBy: "has no backend").count == 2, "\(r.stderr)")
    let bound = try WeirProcess.run(
      ["repl", "clarifai.yaml", "--backend", "detect=replay:predictions.json"], stdin: "run\n", in: folder.url
    )
    #expect(bound.status == 0, "\(bound.stdout)\(bound.stderr)")
    #expect(bound.stdout.contains("· 12 inputs ·"), "\(bound.stdout)")
  }
}
