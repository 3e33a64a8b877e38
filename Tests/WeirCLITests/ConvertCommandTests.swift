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

  /// A Clarifai-dialect file has no place for a backend; the test gives the converted detector
  /// its backend again, in the file, as a user would (the replayed predictions unless given).
  static func withReplay(
    _ text: String, model: String, modelId: String, backend: String = "{replay: predictions.json}"
  ) throws -> String {
    let line = "  \(model):\n    type: visual-detector\n    model_id: \(modelId)\n"
    #expect(text.contains(line), "\(text)")
    return text.replacingOccurrences(of: line, with: line + "    backend: \(backend)\n")
  }

  /// The rows `weir run FILE` writes to a new store in `temp`.
  static func rows(
    _ workflow: String, in temp: TemporaryDirectory, store: String, extra: [String] = []
  ) throws -> Set<RunCommandTests.Row> {
    let r = try WeirProcess.run(["run", workflow, "--store", temp.path(store)] + extra)
    #expect(r.status == 0, "\(r.stderr)")
    return Set(try RunCommandTests.rows(temp.path(store)))
  }

  @Test func nativeToClarifaiAndBackRunsToTheSameAnnotations() throws {
    let temp = try TemporaryDirectory("weir-convert")
    defer { temp.remove() }
    try FileManager.default.copyItem(
      at: Repository.url("examples/auto-annotation/predictions.json"),
      to: temp.url.appendingPathComponent("predictions.json"))
    let clarifai = try WeirProcess.run([
      "convert", "examples/auto-annotation/workflow.yaml", "--to", "clarifai", "--drop-backends", "--output",
      temp.path("clarifai.yaml"),
    ])
    #expect(clarifai.status == 0)
    #expect(clarifai.stdout == "")
    #expect(
      clarifai.stderr.contains(
        "var 'accept' is written as its value, 0.95, in 4 places [convert.var-substituted]"))
    #expect(clarifai.stderr.contains("backend of model 'pets'; it is left out [convert.backend]"))
    let back = try Self.convert([temp.path("clarifai.yaml"), "--to", "native"])
    _ = try temp.write("back.yaml", try Self.withReplay(back, model: "detect", modelId: "pets"))

    let expected = try Self.rows("examples/auto-annotation/workflow.yaml", in: temp, store: "original.db")
    #expect(expected.count == 13)
    #expect(try Self.rows(temp.path("back.yaml"), in: temp, store: "back.db") == expected)
  }

  /// The same with a real model process: the command-model example's Python detector.
  @Test func theCommandModelExampleRunsTheSameAfterARoundTrip() throws {
    let temp = try TemporaryDirectory("weir-convert")
    defer { temp.remove() }
    try FileManager.default.copyItem(
      at: Repository.url("examples/command-model/model.py"), to: temp.url.appendingPathComponent("model.py"))
    let clarifai = try Self.convert([
      "examples/command-model/workflow.yaml", "--to", "clarifai", "--drop-backends",
    ])
    _ = try temp.write("clarifai.yaml", clarifai)
    let back = try Self.convert([temp.path("clarifai.yaml"), "--to", "native"])
    _ = try temp.write(
      "back.yaml",
      try Self.withReplay(
        back, model: "detect", modelId: "pets",
        backend: "{command: [python3, model.py], timeout: 30, restarts: 2}"))
    let photos = ["--inputs", Repository.url("examples/pets/photos").path, "--allow-exec"]
    let expected = try Self.rows(
      "examples/command-model/workflow.yaml", in: temp, store: "original.db", extra: photos)
    #expect(!expected.isEmpty)
    #expect(try Self.rows(temp.path("back.yaml"), in: temp, store: "back.db", extra: photos) == expected)
  }

  @Test func theClarifaiExampleConvertedRunsLikeTheNativeOne() throws {
    let temp = try TemporaryDirectory("weir-convert")
    defer { temp.remove() }
    try FileManager.default.copyItem(
      at: Repository.url("examples/auto-annotation/predictions.json"),
      to: temp.url.appendingPathComponent("predictions.json"))
    let native = try Self.convert(["examples/auto-annotation/clarifai.yaml", "--to", "native"])
    _ = try temp.write("native.yaml", try Self.withReplay(native, model: "detect", modelId: "pets-detector"))
    let expected = try Self.rows("examples/auto-annotation/workflow.yaml", in: temp, store: "original.db")
    #expect(try Self.rows(temp.path("native.yaml"), in: temp, store: "converted.db") == expected)
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
          = note: pass --drop-backends to leave backends out of the converted file

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
