import Foundation
import Testing
import WeirCore
import WeirTestSupport

@testable import WeirStore

/// `weir annotations import`: a reviewed export comes back as decisions, all of it or nothing.
@Suite struct ImportTests {
  /// Four photos, each with two boxes for review (`r0`, `r1`) and one accepted box.
  static func store(_ path: String) throws -> SQLiteAnnotationStore {
    let store = try openStore(path)
    try store.beginRun(Pets.run("r1"))
    for i in 0..<4 {
      let input = "photo\(i).jpg"
      try store.record(
        InputOutcome(
          runId: "r1", input: InputItem(id: input, path: "photos/\(input)"), error: nil,
          annotations: [
            Pets.annotation(
              input, "sure", "cat", 0.97, node: "write-sure", status: .success,
              box: BoundingBox(topRow: 0.1, leftCol: 0.1, bottomRow: 0.3, rightCol: 0.3)),
            Pets.annotation(
              input, "r0", "cat", 0.6, node: "write-review", status: .awaitingReview,
              box: BoundingBox(topRow: 0.4, leftCol: 0.1, bottomRow: 0.8, rightCol: 0.4)),
            Pets.annotation(
              input, "r1", "cat", 0.7, node: "write-review", status: .awaitingReview,
              box: BoundingBox(topRow: 0.4, leftCol: 0.5, bottomRow: 0.8, rightCol: 0.9)),
          ], width: 640, height: 480))
    }
    try store.finishRun(id: "r1", status: .completed, endedAt: fixedDate, summary: nil)
    return store
  }

  static func key(_ input: Int, _ region: String) -> AnnotationKey {
    AnnotationKey(
      workflowId: "pets", inputId: "photo\(input).jpg", nodeId: "write-review", regionId: region,
      conceptId: "cat")
  }

  /// What a reviewer does in Label Studio: on photo 0 keeps r0 and deletes r1; on photo 1 relabels
  /// r0 to dog and moves r1; photos 2 and 3 are left alone.
  static func review(_ exported: Data) throws -> Data {
    var tasks = try #require(try JSONSerialization.jsonObject(with: exported) as? [[String: Any]])
    for (t, task) in tasks.enumerated() {
      let data = try #require(task["data"] as? [String: Any])
      let input = try #require(data["weir_input_id"] as? String)
      let predictions = try #require(task["predictions"] as? [[String: Any]])
      var results = try #require(predictions.first?["result"] as? [[String: Any]])
      switch input {
      case "photo0.jpg":
        results.removeAll { $0["id"] as? String == "r1-cat" }
      case "photo1.jpg":
        for i in results.indices {
          var value = try #require(results[i]["value"] as? [String: Any])
          if results[i]["id"] as? String == "r0-cat" { value["rectanglelabels"] = ["dog"] }
          if results[i]["id"] as? String == "r1-cat" { value["x"] = (value["x"] as? Double ?? 0) - 10 }
          results[i]["value"] = value
        }
      default: continue
      }
      var annotations = task["annotations"] as? [[String: Any]] ?? []
      annotations.append([
        "id": 100 + t, "completed_by": ["id": 7, "email": "ana@example.com"],
        "created_at": "2024-05-02T09:00:00.000000Z", "updated_at": "2024-05-02T10:00:00.123456Z",
        "was_cancelled": false, "result": results,
      ])
      tasks[t]["annotations"] = annotations
    }
    return try JSONSerialization.data(withJSONObject: tasks, options: [.prettyPrinted, .sortedKeys])
  }

  @Test func aLabelStudioRoundTripFlipsExactlyTheReviewedRows() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    let store = try Self.store(temp.path("weir.db"))
    let export = try WeirProcess.run(
      ["annotations", "export", "--format", "labelstudio", "--output", "tasks.json"], in: temp.url)
    #expect(export.status == 0, "\(export.stderr)")
    try Self.review(try Data(contentsOf: temp.url.appendingPathComponent("tasks.json")))
      .write(to: temp.url.appendingPathComponent("reviewed.json"))

    let imported = try WeirProcess.run(
      ["annotations", "import", "reviewed.json", "--format", "labelstudio"], in: temp.url)
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(
      imported.stdout
        == "imported 4 decisions from 'reviewed.json' (1 accept, 1 reject, 1 relabel, 1 correct)\n")

    let accepted = try #require(try store.annotation(Self.key(0, "r0")))
    #expect(accepted.record.status == 24150)
    #expect(accepted.decision?.reviewer == "ana@example.com")
    #expect(accepted.decision?.source == "import:labelstudio:reviewed.json")
    #expect(abs((accepted.decision?.decidedAt.timeIntervalSince1970 ?? 0) - 1_714_644_000.123) < 0.002)
    #expect(try store.annotation(Self.key(0, "r1"))?.record.status == 24158)
    let relabelled = try #require(try store.annotation(Self.key(1, "r0")))
    #expect(relabelled.record.conceptName == "dog")
    #expect(relabelled.record.box == BoundingBox(topRow: 0.4, leftCol: 0.1, bottomRow: 0.8, rightCol: 0.4))
    let moved = try #require(try store.annotation(Self.key(1, "r1")))
    #expect(moved.decision?.action == .correct)
    #expect(abs((moved.record.box?.leftCol ?? 0) - 0.4) < 1e-9)
    #expect(abs((moved.record.box?.rightCol ?? 0) - 0.8) < 1e-9)
    for input in [2, 3] {
      for region in ["r0", "r1"] {
        let row = try #require(try store.annotation(Self.key(input, region)))
        #expect(row.record.status == 24157 && row.decision == nil, "photo\(input) \(region) was not reviewed")
      }
    }

    let again = try WeirProcess.run(
      ["annotations", "import", "reviewed.json", "--format", "labelstudio"], in: temp.url)
    #expect(again.status == 0)
    #expect(again.stdout == "imported 0 decisions from 'reviewed.json'; 4 already in the store\n")
    #expect(try store.allDecisions().count == 4)
  }

  @Test func aMalformedFileOrOneFromAnotherStoreChangesNothing() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    let store = try Self.store(temp.path("weir.db"))
    let before = try dump(temp.path("weir.db"), table: "annotations")
    _ = try temp.write("broken.json", "[{\"data\": {\"image\": \"x.jpg\"}}]")
    let broken = try WeirProcess.run(
      ["annotations", "import", "broken.json", "--format", "labelstudio"], in: temp.url)
    #expect(broken.status == 1)
    #expect(
      broken.stderr
        == "error: 'broken.json' is not a Label Studio export weir can import: task 1: no data.weir_input_id "
        + "(weir writes it into every task it exports); nothing was imported\n")
    _ = try temp.write("truncated.json", "[{\"data\": ")
    let truncated = try WeirProcess.run(
      ["annotations", "import", "truncated.json", "--format", "labelstudio"], in: temp.url)
    #expect(truncated.stderr.contains("expected a JSON array of tasks"))

    let other =
      #"[{"data": {"weir_input_id": "photo0.jpg"}}, {"data": {"weir_input_id": "elsewhere.jpg"}, "annotations": [{"completed_by": 3, "result": []}]}]"#
    _ = try temp.write("other.json", other)
    let foreign = try WeirProcess.run(
      ["annotations", "import", "other.json", "--format", "labelstudio"], in: temp.url)
    #expect(foreign.status == 1)
    #expect(
      foreign.stderr
        == "error: 'other.json' names input 'elsewhere.jpg' that this store does not have "
        + "(was it exported from another store?); nothing was imported\n")
    #expect(try dump(temp.path("weir.db"), table: "annotations") == before)
    #expect(try store.allDecisions().isEmpty)
  }

  @Test func aCOCORoundTripRejectsDeletedBoxesAndKeepsTheRest() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    let store = try Self.store(temp.path("weir.db"))
    let export = try WeirProcess.run(
      [
        "annotations", "export", "--format", "coco", "--status", "success,awaiting-review", "--output",
        "coco.json",
      ], in: temp.url)
    #expect(export.status == 0, "\(export.stderr)")
    var file = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: temp.url.appendingPathComponent("coco.json")))
        as? [String: Any])
    var annotations = try #require(file["annotations"] as? [[String: Any]])
    annotations.removeAll { a in
      let attributes = a["attributes"] as? [String: Any]
      return attributes?["region_id"] as? String == "r1"
    }
    file["annotations"] = annotations
    try JSONSerialization.data(withJSONObject: file).write(
      to: temp.url.appendingPathComponent("reviewed.json"))
    let imported = try WeirProcess.run(
      ["annotations", "import", "reviewed.json", "--format", "coco"], in: temp.url)
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout == "imported 8 decisions from 'reviewed.json' (4 accept, 4 reject)\n")
    #expect(try store.count(AnnotationFilter(statuses: [24158])) == 4)
    #expect(try store.count(AnnotationFilter(statuses: [24157])) == 0)
  }
}
