import Foundation
import GRDB
import Testing
import WeirCore
import WeirTestSupport

@testable import WeirStore

let fixtures = Repository.root.appendingPathComponent("Tests/Fixtures/store")

/// 2024-05-01 12:00:00 UTC, so goldens do not change with the clock.
let fixedDate = Date(timeIntervalSince1970: 1_714_564_800)

/// Compares `actual` with `Tests/Fixtures/store/<name>` through the shared golden harness: a missing
/// file is written (and the test fails), and `UPDATE_GOLDEN=1` rewrites it.
func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
  GoldenFile.check(actual, against: fixtures.appendingPathComponent(name), sourceLocation: sourceLocation)
}

/// Opens a store at `path` with a fixed clock and the given batch size.
func openStore(_ path: String, batchSize: Int = 256, busyTimeout: TimeInterval = 5) throws
  -> SQLiteAnnotationStore
{
  try SQLiteAnnotationStore(
    path: path, options: .init(busyTimeout: busyTimeout, batchSize: batchSize, clock: { fixedDate }))
}

/// Every row of a table as text, sorted, for comparing whole database states.
func dump(_ path: String, table: String) throws -> [String] {
  let queue = try DatabaseQueue(path: path)
  return try queue.read { db in
    try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map { $0.description }.sorted()
  }
}

/// The pets example as outcomes: an accepted cat, a dog for review, an image-level tag, a URL input
/// and an input that failed.
enum Pets {
  static let workflow = "pets"

  static func run(_ id: String) -> RunInfo {
    RunInfo(
      id: id, workflowId: workflow, workflowHash: "sha256:abc", workflowPath: "examples/pets/workflow.yaml",
      vars: ["accept": "0.95", "review": "0.5"], startedAt: fixedDate)
  }

  static func annotation(
    _ input: String, _ region: String, _ concept: String, _ confidence: Double, node: String,
    status: AnnotationStatus, box: BoundingBox?
  ) -> AnnotationRecord {
    AnnotationRecord(
      workflowId: workflow, nodeId: node, inputId: input, regionId: region, box: box, conceptId: concept,
      conceptName: concept, confidence: confidence, status: status.rawValue, userId: "bot", taskId: "pets")
  }

  static func outcomes(runId: String) -> [InputOutcome] {
    [
      InputOutcome(
        runId: runId, input: InputItem(id: "cat1.jpg", path: "photos/cat1.jpg"), error: nil,
        annotations: [
          annotation(
            "cat1.jpg", "r1", "cat", 0.97, node: "write-sure", status: .success,
            box: BoundingBox(topRow: 0.1, leftCol: 0.2, bottomRow: 0.6, rightCol: 0.7)),
          annotation(
            "cat1.jpg", "r2", "dog", 0.62, node: "write-review", status: .awaitingReview,
            box: BoundingBox(topRow: 0.5, leftCol: 0.05, bottomRow: 0.9, rightCol: 0.35)),
        ], width: 640, height: 480),
      InputOutcome(
        runId: runId, input: InputItem(id: "dog2.jpg", url: "https://example.com/img/dog2.jpg"), error: nil,
        annotations: [
          annotation(
            "dog2.jpg", "r1", "dog", 0.99, node: "write-sure", status: .success,
            box: BoundingBox(topRow: 0, leftCol: 0, bottomRow: 1, rightCol: 0.5)),
          annotation("dog2.jpg", "", "outdoor", 0.9, node: "write-tags", status: .pending, box: nil),
        ], width: 800, height: 600),
      InputOutcome(
        runId: runId, input: InputItem(id: "broken.jpg", path: "photos/broken.jpg"),
        error: InputError(node: "detect", message: "cannot decode image: not a JPEG or PNG"), annotations: []),
    ]
  }
}
