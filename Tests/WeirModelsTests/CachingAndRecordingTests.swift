import Foundation
import Testing
import WeirCore
import WeirTestSupport

@testable import WeirModels

/// The REPL's model cache (`Interpreter(cache:)`) and `--record` (`RecordingBackend`) around the
/// backends that reach real models: what a model answered is kept, a failure is neither cached nor
/// recorded, so the next run asks the model again (Documentation/Backends.md, "Recording and caching").
@Suite struct CachingAndRecordingTests {
  /// A model node and a writer of what it finds: enough for the interpreter to call the model.
  static func plan() throws -> ExecutionPlan {
    let model = ModelSpec(name: "pets", type: "visual-detector", concepts: ["cat", "dog"])
    let (plan, diagnostics) = Planner().plan(
      workflowId: "cache-test",
      nodes: [
        PlanNodeSpec(id: "detect", type: "visual-detector", kind: .model(model)),
        PlanNodeSpec(
          id: "write", type: "annotation-writer", kind: .operator, inputs: ["detect"],
          params: [PlanParam("annotation_status", .string("ANNOTATION_SUCCESS"))]),
      ])
    return try #require(plan, "\(diagnostics)")
  }

  /// Runs the inputs once through a cached interpreter; returns each input's error (or `nil`).
  static func run(_ interpreter: Interpreter, _ ids: [String]) async -> [String: String?] {
    let results = await interpreter.run(batch: ids.map { InputItem(id: $0, url: "https://x.test/\($0).jpg") })
    return Dictionary(uniqueKeysWithValues: results.map { ($0.input.id, $0.error?.message) })
  }

  static func recordedInputs(_ path: String) throws -> [String] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { line in
      let object = try JSONDecoder().decode(JSONValue.self, from: Data(line.utf8))
      return object["input"]?["id"]?.string ?? object["input"]?.string ?? "?"
    }
  }

  @Test func theHTTPBackendIsAskedOnlyForWhatIsNotCachedAndFailuresAreAskedAgain() async throws {
    let server = try await ClarifaiTestServer.start()
    do {
      try await httpCase(server)
    } catch {
      await server.stop()
      throw error
    }
    await server.stop()
  }

  private func httpCase(_ server: ClarifaiTestServer) async throws {
    await server.state.then(.partial(failing: ["dog1": 30002]))
    let folder = try TemporaryDirectory()
    let recording = folder.url.appendingPathComponent("recorded.jsonl").path
    let recorder = try PredictionRecorder(path: recording)
    let parsed = ParsedBackend(
      "{http: \(server.baseURL), user_id: me, app_id: pets-app, model_id: pets-detector, retries: 0}")
    let http = try parsed.make(environment: ["CLARIFAI_PAT": "pat-cache-SECRET"])
    let backend = RecordingBackend(wrapping: http, model: "pets", recorder: recorder)
    let cache = ModelCache()
    let interpreter = Interpreter(plan: try Self.plan(), backends: [backend], cache: cache)
    let ids = ["cat1", "dog1", "other1"]

    let first = await Self.run(interpreter, ids)
    #expect(
      first["dog1"]
        == "the model failed on this input: Input image could not be decoded (Clarifai status 30002)")
    #expect(first["cat1"] == .some(nil) && first["other1"] == .some(nil))
    #expect(cache.count == 2)

    // The failed input is asked again, alone; then nothing is asked at all.
    let second = await Self.run(interpreter, ids)
    #expect(second.values.allSatisfy { $0 == nil })
    _ = await Self.run(interpreter, ids)
    #expect(await server.state.received.map(\.inputIds) == [ids, ["dog1"]])
    #expect(cache.count == 3)

    try recorder.close()
    #expect(try Self.recordedInputs(recording).sorted() == ["cat1", "dog1", "other1"])
    #expect(!(try String(contentsOfFile: recording, encoding: .utf8)).contains("pat-cache-SECRET"))
  }

  @Test func theCommandBackendIsAskedOnlyForWhatIsNotCachedAndACrashIsAskedAgain() async throws {
    // crash_after.py 2 answers two requests and crashes on the third; it is restarted for the retry.
    let parsed = ParsedBackend("{command: [python3, crash_after.py, '2'], timeout: 20}")
    let command = try #require(try parsed.make(allowExec: true) as? CommandBackend)
    let folder = try TemporaryDirectory()
    let recording = folder.url.appendingPathComponent("recorded.jsonl").path
    let recorder = try PredictionRecorder(path: recording)
    let backend = RecordingBackend(wrapping: command, model: "pets", recorder: recorder)
    let cache = ModelCache()
    let interpreter = Interpreter(plan: try Self.plan(), backends: [backend], cache: cache)
    let ids = ["a", "b", "c"]

    let first = await Self.run(interpreter, ids)
    #expect(first["c"]??.contains("RuntimeError: out of GPU memory on c") == true)
    #expect(first["a"] == .some(nil) && first["b"] == .some(nil))
    #expect(cache.count == 2)
    let second = await Self.run(interpreter, ids)
    #expect(second.values.allSatisfy { $0 == nil }, "\(second)")
    _ = await Self.run(interpreter, ids)
    await command.close()

    // Three answers were computed, one per input, and each recorded once: a, b, then c on a restart.
    try recorder.close()
    #expect(try Self.recordedInputs(recording) == ["a", "b", "c"])
    #expect(cache.count == 3)
  }
}
