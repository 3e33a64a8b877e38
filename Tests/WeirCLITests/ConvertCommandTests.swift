import Foundation
import Testing
import WeirTestSupport

/// `weir convert` end to end: the built binary converts the reference workflow between the two
/// dialects, and the converted files run (on the replayed predictions) to the same annotations,
/// read back with `weir annotations export`.
@Suite(.serialized) struct ConvertCommandTests {
  /// Converts with `weir convert ARGS…`, expecting success; the converted text.
  static func convert(_ arguments: [String]) throws -> String {
    let r = try WeirProcess.run(["convert"] + arguments)
    #expect(r.status == 0, "\(r.stderr)")
    return r.stdout
  }

  /// The rows `weir run FILE` writes to a new store in `temp`.
  static func rows(
    _ workflow: String, in temp: TemporaryDirectory, store: String, extra: [String] = []
  ) throws -> Set<RunCommandTests.Row> {
    let r = try WeirProcess.run(["run", workflow, "--store", temp.path(store)] + extra)
    #expect(r.status == 0, "\(r.stderr)")
    return Set(try RunCommandTests.rows(temp.path(store)))
  }

  /// Native to Clarifai with `--models-out`: the backend moves into `.weir/models.yaml` beside the
  /// converted file, which then runs as it is; converted back, the bound backend is written into
  /// the native model again.
  @Test func nativeToClarifaiAndBackRunsToTheSameAnnotations() throws {
    let temp = try TemporaryDirectory("weir-convert")
    defer { temp.remove() }
    try FileManager.default.copyItem(
      at: Repository.url("examples/auto-annotation/predictions.json"),
      to: temp.url.appendingPathComponent("predictions.json"))
    let clarifai = try WeirProcess.run([
      "convert", "examples/auto-annotation/workflow.yaml", "--to", "clarifai", "--output",
      temp.path("clarifai.yaml"), "--models-out", temp.path(".weir/models.yaml"),
    ])
    #expect(clarifai.status == 0, "\(clarifai.stderr)")
    #expect(clarifai.stdout == "")
    #expect(
      clarifai.stderr.contains(
        "var 'accept' is written as its value, 0.95, in 4 places [convert.var-substituted]"))
    #expect(clarifai.stderr.contains("[convert.binding-paths]"), "\(clarifai.stderr)")
    #expect(
      try temp.read(".weir/models.yaml") == """
        # The backends of the models of 'auto-annotation', moved here by weir convert.
        models:
          pets:
            replay: predictions.json

        """)
    #expect(!(try temp.read("clarifai.yaml")).contains("backend"))

    let expected = try Self.rows("examples/auto-annotation/workflow.yaml", in: temp, store: "original.db")
    #expect(expected.count == 13)
    #expect(try Self.rows(temp.path("clarifai.yaml"), in: temp, store: "clarifai.db") == expected)

    let back = try WeirProcess.run(["convert", temp.path("clarifai.yaml"), "--to", "native"])
    #expect(back.status == 0, "\(back.stderr)")
    #expect(back.stdout.contains("    model_id: pets\n    backend:\n      replay: predictions.json\n"))
    _ = try temp.write("back.yaml", back.stdout)
    try FileManager.default.removeItem(atPath: temp.path(".weir"))
    #expect(try Self.rows(temp.path("back.yaml"), in: temp, store: "back.db") == expected)
  }

  /// The same with a real model process: the command-model example's Python detector.
  @Test func theCommandModelExampleRunsTheSameAfterARoundTrip() throws {
    let temp = try TemporaryDirectory("weir-convert")
    defer { temp.remove() }
    try FileManager.default.copyItem(
      at: Repository.url("examples/command-model/model.py"), to: temp.url.appendingPathComponent("model.py"))
    let clarifai = try Self.convert([
      "examples/command-model/workflow.yaml", "--to", "clarifai", "--models-out",
      temp.path(".weir/models.yaml"),
    ])
    _ = try temp.write("clarifai.yaml", clarifai)
    let back = try Self.convert([temp.path("clarifai.yaml"), "--to", "native"])
    #expect(back.contains("    backend:\n      command:\n"), "\(back)")
    _ = try temp.write("back.yaml", back)
    let photos = ["--inputs", Repository.url("examples/pets/photos").path, "--allow-exec"]
    let expected = try Self.rows(
      "examples/command-model/workflow.yaml", in: temp, store: "original.db", extra: photos)
    #expect(!expected.isEmpty)
    #expect(
      try Self.rows(temp.path("clarifai.yaml"), in: temp, store: "clarifai.db", extra: photos) == expected)
    #expect(try Self.rows(temp.path("back.yaml"), in: temp, store: "back.db", extra: photos) == expected)
  }

  /// Clarifai's example bound with `--backend` on the command line: the binding is written into
  /// the converted native file, which runs like the native example.
  @Test func theClarifaiExampleConvertedRunsLikeTheNativeOne() throws {
    let temp = try TemporaryDirectory("weir-convert")
    defer { temp.remove() }
    try FileManager.default.copyItem(
      at: Repository.url("examples/auto-annotation/predictions.json"),
      to: temp.url.appendingPathComponent("predictions.json"))
    let native = try Self.convert([
      "examples/auto-annotation/clarifai.yaml", "--to", "native", "--backend",
      "detect=replay:predictions.json",
    ])
    _ = try temp.write("native.yaml", native)
    let expected = try Self.rows("examples/auto-annotation/workflow.yaml", in: temp, store: "original.db")
    #expect(try Self.rows(temp.path("native.yaml"), in: temp, store: "converted.db") == expected)
  }

  /// A models file beside a Clarifai workflow binds it; converting it to Clarifai's dialect again
  /// leaves the binding where it is, in the models file.
  @Test func aBoundClarifaiWorkflowConvertsToClarifaiWithoutItsBinding() throws {
    let temp = try TemporaryDirectory("weir-convert")
    defer { temp.remove() }
    _ = try temp.write("clarifai.yaml", try Repository.text("examples/auto-annotation/clarifai.yaml"))
    _ = try temp.write(".weir/models.yaml", "models:\n  pets-detector: {replay: predictions.json}\n")
    let r = try WeirProcess.run(["convert", temp.path("clarifai.yaml"), "--to", "clarifai"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr == "")
    #expect(!r.stdout.contains("backend"))
    #expect(r.stdout.contains("model_id: pets-detector"))
  }

  @Test func aBindingToAnUnknownModelStopsTheConversion() throws {
    let r = try WeirProcess.run([
      "convert", "examples/auto-annotation/clarifai.yaml", "--to", "native", "--backend",
      "detcet=replay:p.json",
    ])
    #expect(r.status == 1)
    #expect(r.stdout == "")
    #expect(
      r.stderr.contains(
        "has no node or model 'detcet' to bind; did you mean 'detect'? [binding.unknown-model]"))
  }

  @Test func modelsOutGoesWithClarifaiOnly() throws {
    let r = try WeirProcess.run([
      "convert", "examples/auto-annotation/clarifai.yaml", "--to", "native", "--models-out",
      "/tmp/never.yaml",
    ])
    #expect(r.status == 2)
    #expect(r.stderr.contains("--models-out goes with --to clarifai"))
  }

  @Test func whatClarifaiCannotHoldIsOneErrorAndNoOutput() throws {
    let r = try WeirProcess.run(["convert", "Tests/Fixtures/convert/bad/backend.yaml", "--to", "clarifai"])
    #expect(r.status == 1)
    #expect(r.stdout == "")
    #expect(
      r.stderr == """
        Tests/Fixtures/convert/bad/backend.yaml:5:60: error: Clarifai's dialect has no place for the backend of model 'pets' [convert.backend]
        5 |   pets: {type: visual-detector, concepts: [cat], backend: {replay: predictions.json}}
          |                                                            ^~~~~~
          = note: pass --models-out FILE to move backends into a models file beside the converted one, or --drop-backends to leave them out

        """)
  }

  @Test func aFileWithErrorsIsNotConverted() throws {
    let temp = try TemporaryDirectory("weir-convert")
    defer { temp.remove() }
    _ = try temp.write("typo.yaml", "weir: 1\nnodes:\n  detect: {model: pets}\n")
    let r = try WeirProcess.run(["convert", temp.path("typo.yaml"), "--to", "clarifai"])
    #expect(r.status == 1)
    #expect(r.stdout == "")
    #expect(r.stderr.contains("error: no model named 'pets' [syntax.unknown-model]"))
  }

  @Test func outputNeverOverwritesTheWorkflow() throws {
    let temp = try TemporaryDirectory("weir-convert")
    defer { temp.remove() }
    let original = try Repository.text("examples/pets/workflow.yaml")
    _ = try temp.write("workflow.yaml", original)
    let r = try WeirProcess.run([
      "convert", temp.path("workflow.yaml"), "--to", "native", "--output", temp.path("workflow.yaml"),
    ])
    #expect(r.status == 2)
    #expect(r.stderr.contains("refusing to write"))
    #expect(try String(contentsOfFile: temp.path("workflow.yaml"), encoding: .utf8) == original)
  }

  @Test func standardInputConvertsToStandardOutput() throws {
    let text = try Repository.text("examples/auto-annotation/clarifai.yaml")
    let r = try WeirProcess.run(["convert", "-", "--to", "native"], stdin: text)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout == (try Self.convert(["examples/auto-annotation/clarifai.yaml", "--to", "native"])))
  }
}
