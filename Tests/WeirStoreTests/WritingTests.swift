import Foundation
import GRDB
import Testing
import WeirCore
import WeirTestSupport

@testable import WeirStore

/// Writes: idempotence, re-runs replacing stale rows, failures keeping earlier work, concurrency.
@Suite struct WritingTests {
  /// Runs the pets outcomes as run `runId` into the store at `path`.
  func runPets(_ path: String, runId: String, outcomes: [InputOutcome]? = nil, batchSize: Int = 256) throws {
    let store = try openStore(path, batchSize: batchSize)
    try store.beginRun(Pets.run(runId))
    for o in outcomes ?? Pets.outcomes(runId: runId) { try store.record(o) }
    try store.finishRun(id: runId, status: .completed, endedAt: fixedDate, summary: "ok")
  }

  @Test(arguments: [1, 2, 256])
  func writingTheSameOutcomesTwiceGivesTheSameRows(batchSize: Int) throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    let path = temp.path("weir.db")
    try runPets(path, runId: "r1", batchSize: batchSize)
    let once = try dump(path, table: "annotations")
    let inputsOnce = try dump(path, table: "inputs")
    try runPets(path, runId: "r1", batchSize: batchSize)
    #expect(once.count == 4)
    #expect(try dump(path, table: "annotations") == once)
    #expect(try dump(path, table: "inputs") == inputsOnce)
  }

  @Test func aSecondRunTakesOverTheRowsWithoutDuplicating() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    let path = temp.path("weir.db")
    try runPets(path, runId: "r1")
    try runPets(path, runId: "r2")
    let store = try openStore(path)
    #expect(try store.count() == 4)
    #expect(Set(try store.annotations().map(\.runId)) == ["r2"])
    #expect(try dump(path, table: "inputs").count == 6, "each run keeps its own record of the inputs it saw")
  }

  @Test func aReRunThatNoLongerWritesARegionRemovesIt() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    let path = temp.path("weir.db")
    try runPets(path, runId: "r1")
    // A stricter review threshold: cat1.jpg's doubtful dog is no longer written.
    var stricter = Pets.outcomes(runId: "r2")
    stricter[0].annotations.removeAll { $0.regionId == "r2" }
    try runPets(path, runId: "r2", outcomes: stricter)

    let rows = try openStore(path).annotations()
    #expect(
      rows.map { "\($0.record.inputId)/\($0.record.regionId)/\($0.record.conceptId)" } == [
        "cat1.jpg/r1/cat", "dog2.jpg//outdoor", "dog2.jpg/r1/dog",
      ])
  }

  @Test func aFailedInputKeepsWhatEarlierRunsWrote() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    let path = temp.path("weir.db")
    try runPets(path, runId: "r1")
    var failing = Pets.outcomes(runId: "r2")
    failing[0] = InputOutcome(
      runId: "r2", input: failing[0].input, error: InputError(node: "detect", message: "model timed out"),
      annotations: [])
    try runPets(path, runId: "r2", outcomes: failing)

    let store = try openStore(path)
    let cat = try store.annotations().filter { $0.record.inputId == "cat1.jpg" }
    #expect(cat.count == 2)
    #expect(cat.allSatisfy { $0.runId == "r1" })
    let summary = try store.summary(runId: "r2")
    #expect(summary.failures.map(\.inputId) == ["broken.jpg", "cat1.jpg"])
    #expect(summary.failures.last?.message == "model timed out")
  }

  @Test func manyTasksRecordingAtOnceLoseNothing() async throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    let path = temp.path("weir.db")
    let store = try openStore(path, batchSize: 7)
    let generator = SyntheticOutcomes(inputs: 800, regionsPerInput: 3)
    try store.beginRun(generator.runInfo(id: "many"))
    try await withThrowingTaskGroup(of: Void.self) { group in
      for task in 0..<8 {
        group.addTask {
          for i in stride(from: task, to: generator.inputs, by: 8) {
            try store.record(generator.outcome(i, runId: "many"))
          }
        }
      }
      try await group.waitForAll()
    }
    try store.finishRun(id: "many", status: .completed, endedAt: fixedDate, summary: nil)
    #expect(try store.count() == 2400)
    #expect(try store.completedInputs(runId: "many").count == 800)
    let expected = (0..<800).flatMap { generator.outcome($0, runId: "many").annotations }
    #expect(Set(try store.annotations().map(\.record)) == Set(expected))
  }

  @Test func recordingForARunThatWasNeverBegunIsAnError() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    let store = try openStore(temp.path("weir.db"))
    #expect(throws: StoreError.unknownRun(id: "nope")) { try store.record(Pets.outcomes(runId: "nope")[0]) }
  }

  @Test func runsKeepTheirVarsStatusAndSummary() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    let path = temp.path("weir.db")
    try runPets(path, runId: "r1")
    let run = try #require(try openStore(path).runs().first)
    #expect(run.info == Pets.run("r1"))
    #expect(run.status == .completed)
    #expect(run.endedAt == fixedDate)
    #expect(run.summary == "ok")
  }

  @Test func completedInputsAreThoseThatWentThrough() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    let path = temp.path("weir.db")
    try runPets(path, runId: "r1")
    let store = try openStore(path)
    #expect(try store.completedInputs(runId: "r1") == ["cat1.jpg", "dog2.jpg"])
    #expect(try store.completedInputs(runId: "r9") == [])
  }

  @Test func theRunSummaryCountsPerWriterAndConcept() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    let path = temp.path("weir.db")
    try runPets(path, runId: "r1")
    expectGolden(try openStore(path).summary(runId: "r1").render(), "summary.out")
  }
}
