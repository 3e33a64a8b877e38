import Foundation
import Testing
import WeirCore
import WeirTestSupport

@testable import WeirStore

/// The column evaluator's annotations reach the SQLite store as rows of its columns, written field
/// by field without a record per row; the store must hold exactly what writing records gives.
@Suite struct ColumnRowsTests {
  /// Runs a replayed workflow into a new store at `path`, column-wise or record by record.
  static func run(
    _ workflow: String, predictions: URL, into path: String, columnar: Bool, runId: String = "run-1"
  ) async throws -> RunReport {
    let folder = predictions.deletingLastPathComponent()
    let file = SourceFile(path: folder.appendingPathComponent("workflow.yaml").path, text: workflow)
    let checked = try #require(Frontend.check(file).checked)
    let plan = try #require(Planner().plan(checked, baseDirectory: folder.path).0)
    let backend = try ReplayBackend(path: predictions.path)
    let interpreter = Interpreter(plan: plan, backends: [backend], columnar: columnar)
    #expect((interpreter.recordByRecordReason == nil) == columnar)
    let store = try openStore(path, batchSize: 64)
    let info = RunInfo(
      id: runId, workflowId: plan.workflowId, workflowHash: "sha256:abc", workflowPath: file.path, vars: [:],
      startedAt: fixedDate)
    return try await Runner(interpreter: interpreter, options: RunOptions(jobs: 2, batchSize: 50))
      .run(backend.inputs, info: info, store: store)
  }

  /// Every table a run writes per input, as sorted text rows (`runs` holds the clock's end time).
  static func tables(_ path: String) throws -> [String: [String]] {
    var out: [String: [String]] = [:]
    for table in ["annotations", "inputs", "counts"] { out[table] = try dump(path, table: table) }
    return out
  }

  /// Writers with and without a user and task, one whose rows carry no user (bound as NULL after
  /// rows that had one), and a re-run over the same store with other thresholds.
  static let workflow = """
    weir: 1
    workflow: rows
    vars: {accept: 0.9, review: 0.4}
    models:
      pets: {type: visual-detector, concepts: [cat, dog, fox], backend: {replay: predictions.jsonl}}
    nodes:
      detect: {model: pets}
      sure:
        type: region-thresholder
        input: detect
        params: {concept_threshold_type: GREATER_THAN, concepts: {cat: $accept, dog: $accept, fox: $accept}}
      write-sure:
        type: annotation-writer
        input: sure
        params: {annotation_status: ANNOTATION_SUCCESS, annotation_user_id: bot, task_id: pets}
      unsure:
        type: region-thresholder
        input: detect
        params: {concept_threshold_type: LESS_THAN_OR_EQUAL, concepts: {cat: $accept, dog: $accept, fox: $accept}}
      plausible:
        type: region-thresholder
        input: unsure
        params: {concept_threshold_type: GREATER_THAN, concepts: {cat: $review, dog: $review, fox: $review}}
      write-review:
        type: annotation-writer
        input: plausible
        params: {annotation_status: ANNOTATION_AWAITING_REVIEW}

    """

  @Test func rowsAreWrittenAsTheRecordsWouldBe() async throws {
    let folder = try TemporaryDirectory("weir-rows")
    defer { folder.remove() }
    let predictions = folder.url.appendingPathComponent("predictions.jsonl")
    let gen = SyntheticPredictions(
      images: 300, regionsPerImage: 7, concepts: ["cat", "dog", "fox"], conceptsPerRegion: 2, seed: 11)
    try gen.jsonLines().write(to: predictions, atomically: true, encoding: .utf8)
    var written: [Bool: [String: [String]]] = [:]
    for columnar in [true, false] {
      let path = folder.url.appendingPathComponent("\(columnar).db").path
      let first = try await Self.run(Self.workflow, predictions: predictions, into: path, columnar: columnar)
      #expect(first.summary.annotations > 500)
      // A re-run with other thresholds replaces each input's rows: the delete and upsert paths.
      let stricter = Self.workflow.replacingOccurrences(of: "review: 0.4", with: "review: 0.6")
      _ = try await Self.run(
        stricter, predictions: predictions, into: path, columnar: columnar, runId: "run-2")
      written[columnar] = try Self.tables(path)
    }
    let rows = try #require(written[true])
    let records = try #require(written[false])
    #expect(rows["annotations"]?.count ?? 0 > 500)
    for table in ["annotations", "inputs", "counts"] {
      #expect(rows[table] == records[table], "\(table)")
    }
  }

  @Test func otherStoresGetRecordsBuiltFromTheRows() async throws {
    let folder = try TemporaryDirectory("weir-rows")
    defer { folder.remove() }
    let predictions = folder.url.appendingPathComponent("predictions.jsonl")
    try SyntheticPredictions(images: 20, regionsPerImage: 5, seed: 3).jsonLines()
      .write(to: predictions, atomically: true, encoding: .utf8)
    let file = SourceFile(path: folder.url.appendingPathComponent("workflow.yaml").path, text: Self.workflow)
    let checked = try #require(Frontend.check(file).checked)
    let plan = try #require(Planner().plan(checked, baseDirectory: folder.url.path).0)
    let backend = try ReplayBackend(path: predictions.path)
    let columns = await Interpreter(plan: plan, backends: [backend]).run(batch: backend.inputs)
    let records = await Interpreter(plan: plan, backends: [backend], columnar: false).run(
      batch: backend.inputs)
    for (c, r) in zip(columns, records) {
      let outcome = c.outcome(runId: "r")
      // An input with no annotation has no rows either.
      #expect((outcome.rows != nil) == !r.annotations.isEmpty)
      #expect(outcome.annotationCount == r.annotations.count)
      #expect(outcome.annotations == r.annotations)
      #expect(outcome == r.outcome(runId: "r"))
    }
  }
}
