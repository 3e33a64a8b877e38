import Foundation
import GRDB
import Testing
import WeirCore
import WeirTestSupport

@testable import WeirStore

/// What object-counters count lands in the store (schema version 3): per input, replaced by a
/// re-run, kept when an input fails, shown by `weir annotations list` and the run summary; a store
/// of the older schema still reads.
@Suite struct CountsTests {
  func outcome(_ run: String, _ input: String, counts: [NodeCount], failed: Bool = false) -> InputOutcome {
    InputOutcome(
      runId: run, input: InputItem(id: input, path: "photos/\(input)"),
      error: failed ? InputError(node: "detect", message: "cannot decode image") : nil, annotations: [],
      counts: counts)
  }

  func store(_ temp: TemporaryDirectory) throws -> SQLiteAnnotationStore {
    let store = try openStore(temp.path("weir.db"))
    try store.beginRun(Pets.run("r1"))
    try store.record(outcome("r1", "a.jpg", counts: [NodeCount(nodeId: "count-cats", count: 3)]))
    try store.record(outcome("r1", "b.jpg", counts: [NodeCount(nodeId: "count-cats", count: 0)]))
    try store.finishRun(id: "r1", status: .completed, endedAt: fixedDate, summary: nil)
    return store
  }

  @Test func countsAreStoredPerInputAndARerunReplacesThem() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    let store = try store(temp)
    #expect(
      try store.counts() == [
        StoredCount(workflowId: "pets", inputId: "a.jpg", nodeId: "count-cats", count: 3, runId: "r1"),
        StoredCount(workflowId: "pets", inputId: "b.jpg", nodeId: "count-cats", count: 0, runId: "r1"),
      ])
    try store.beginRun(Pets.run("r2"))
    try store.record(outcome("r2", "a.jpg", counts: [NodeCount(nodeId: "count-cats", count: 1)]))
    // A failed input keeps what an earlier run counted, as it keeps its annotations.
    try store.record(outcome("r2", "b.jpg", counts: [], failed: true))
    try store.finishRun(id: "r2", status: .completed, endedAt: fixedDate, summary: nil)
    #expect(
      try store.counts().map { "\($0.inputId) \($0.count) \($0.runId)" } == ["a.jpg 1 r2", "b.jpg 0 r1"])
    #expect(try store.counts(AnnotationFilter(runs: .latest)).map(\.inputId) == ["a.jpg"])
    #expect(try store.counts(AnnotationFilter(nodes: ["other"])).isEmpty)
    #expect(
      try store.summary(runId: "r2").counters == [
        RunSummary.Counter(nodeId: "count-cats", inputs: 1, objects: 1)
      ])
  }

  @Test func listAndTheRunSummaryShowTheCounts() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    let store = try store(temp)
    let list = try WeirProcess.run(["annotations", "list"], in: temp.url)
    #expect(list.status == 0, "\(list.stderr)")
    #expect(
      list.stdout == """
        0 annotations

        object counts
        input  counter     count  workflow  run
        a.jpg  count-cats      3  pets      r1
        b.jpg  count-cats      0  pets      r1
        2 counts

        """)
    #expect(
      try store.summary(runId: "r1").render() == """
        run r1 (pets, completed): 2 inputs, 0 annotations

        counter     inputs  objects
        count-cats       2        3

        """)
  }

  /// A store made before counts were stored (schema version 2) reads with no counts, and a writer
  /// brings it up to date.
  @Test func aStoreOfTheOlderSchemaReadsAndIsMigratedByAWriter() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    let path = temp.path("weir.db")
    _ = try store(temp)
    try DatabaseQueue(path: path).write { db in
      try db.execute(sql: "DROP TABLE counts")
      try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v3'")
      try db.execute(sql: "PRAGMA user_version = 2")
    }
    let reader = try SQLiteAnnotationStore(path: path, options: .init(readOnly: true))
    #expect(try reader.counts().isEmpty)
    #expect(try reader.runs().map(\.info.id) == ["r1"])
    let list = try WeirProcess.run(["annotations", "list"], in: temp.url)
    #expect(list.status == 0 && list.stdout == "0 annotations\n", "\(list.stdout)\(list.stderr)")
    let writer = try openStore(path)
    try writer.beginRun(Pets.run("r3"))
    try writer.record(outcome("r3", "a.jpg", counts: [NodeCount(nodeId: "count-cats", count: 2)]))
    try writer.finishRun(id: "r3", status: .completed, endedAt: fixedDate, summary: nil)
    #expect(try writer.counts().map(\.count) == [2])
  }

  /// `weir run` of the reference example with an object-counter that nothing reads: the counter
  /// runs (the plan no longer skips it), every input's count is stored, and the summary shows them.
  @Test func aCounterNothingReadsRunsAndItsCountsLand() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    let example = Repository.root.appendingPathComponent("examples/auto-annotation")
    let workflow = try String(contentsOf: example.appendingPathComponent("workflow.yaml"), encoding: .utf8)
    try temp.write("workflow.yaml", workflow + "  count:\n    type: object-counter\n    input: detect\n")
    try temp.write(
      "predictions.json", [UInt8](try Data(contentsOf: example.appendingPathComponent("predictions.json"))))
    let r = try WeirProcess.run(["run", "workflow.yaml", "--store", "weir.db"], in: temp.url)
    #expect(r.status == 0, "\(r.stderr)")
    let store = try SQLiteAnnotationStore(path: temp.path("weir.db"), options: .init(readOnly: true))
    let counts = try store.counts()
    #expect(counts.count == 12, "one count per input")
    #expect(counts.allSatisfy { $0.nodeId == "count" && $0.workflowId == "auto-annotation" })
    let objects = counts.reduce(0) { $0 + $1.count }
    #expect(objects > 13, "every region is counted, not only the written ones")
    #expect(
      r.stdout.contains("counter  inputs  objects\ncount        12  \(String(objects).leftPadded(7))\n"),
      "\(r.stdout)")
    let lint = try WeirProcess.run(["lint", "workflow.yaml"], in: temp.url)
    #expect(!lint.stdout.contains("unread-node") && !lint.stderr.contains("unread-node"), "\(lint.stdout)")
  }
}

extension String {
  func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
