import Foundation
import Testing
import WeirCore
import WeirTestSupport

@testable import WeirStore

/// Filters, status parsing and the `list` table.
@Suite struct QueryTests {
  func twoRuns(_ temp: TemporaryDirectory) throws -> SQLiteAnnotationStore {
    let store = try openStore(temp.path("weir.db"))
    try store.beginRun(Pets.run("r1"))
    for o in Pets.outcomes(runId: "r1") { try store.record(o) }
    try store.finishRun(id: "r1", status: .completed, endedAt: fixedDate, summary: nil)
    var later = Pets.run("r2")
    later.startedAt = fixedDate.addingTimeInterval(60)
    try store.beginRun(later)
    try store.record(Pets.outcomes(runId: "r2")[1])
    try store.finishRun(id: "r2", status: .completed, endedAt: later.startedAt, summary: nil)
    return store
  }

  func keys(_ rows: [StoredAnnotation]) -> [String] {
    rows.map { "\($0.record.inputId)/\($0.record.regionId)/\($0.record.conceptName)" }
  }

  @Test func filtersTakeStatusConceptTaskRunAndNode() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    let store = try twoRuns(temp)
    #expect(keys(try store.annotations(.init(statuses: [24150]))) == ["cat1.jpg/r1/cat", "dog2.jpg/r1/dog"])
    #expect(keys(try store.annotations(.init(concepts: ["dog"]))) == ["cat1.jpg/r2/dog", "dog2.jpg/r1/dog"])
    #expect(
      keys(try store.annotations(.init(statuses: [24157, 24151]))) == [
        "cat1.jpg/r2/dog", "dog2.jpg//outdoor",
      ])
    #expect(try store.annotations(.init(tasks: ["other"])).isEmpty)
    #expect(keys(try store.annotations(.init(runs: .latest))) == ["dog2.jpg//outdoor", "dog2.jpg/r1/dog"])
    #expect(keys(try store.annotations(.init(runs: .ids(["r1"])))) == ["cat1.jpg/r1/cat", "cat1.jpg/r2/dog"])
    #expect(keys(try store.annotations(.init(nodes: ["write-tags"]))) == ["dog2.jpg//outdoor"])
    #expect(try store.annotations(.init(limit: 1)).count == 1)
    #expect(try store.count(.init(limit: 1)) == 4)
    #expect(throws: StoreError.noSuchRun(id: "r9", known: ["r1", "r2"])) {
      try store.annotations(.init(runs: .ids(["r9"])))
    }
  }

  @Test(arguments: [
    ("ANNOTATION_SUCCESS", 24150), ("success", 24150), ("24150", 24150), ("awaiting-review", 24157),
    ("Awaiting_Review", 24157), ("ANNOTATION_AWAITING_CONSENSUS_REVIEW", 24159), ("pending", 24151),
  ])
  func statusesParseByNameOrNumber(text: String, code: Int) throws {
    #expect(try AnnotationFilter.parseStatus(text) == code)
  }

  @Test func anUnknownStatusSuggestsTheNearest() throws {
    #expect(throws: FilterError.unknownStatus("sucess", suggestion: "ANNOTATION_SUCCESS")) {
      try AnnotationFilter.parseStatus("sucess")
    }
    #expect(throws: FilterError.unknownStatus("12345", suggestion: nil)) {
      try AnnotationFilter.parseStatus("12345")
    }
    #expect(
      try AnnotationFilter.parseStatuses(["success,awaiting-review", "24151"]) == [24150, 24157, 24151])
  }

  @Test func theListTableShowsWhatAUserReads() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    let store = try twoRuns(temp)
    expectGolden(AnnotationTable.render(try store.annotations(), total: try store.count()), "list.out")
    expectGolden(
      AnnotationTable.render(try store.annotations(.init(limit: 2)), total: 4), "list-limited.out")
    expectGolden(AnnotationTable.render(runs: try store.runs()), "runs.out")
  }
}
