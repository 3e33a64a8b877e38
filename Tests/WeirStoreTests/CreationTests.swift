import Foundation
import GRDB
import Testing
import WeirCore
import WeirTestSupport

@testable import WeirStore

/// A store is created whole or not at all: a SIGKILLed creator, two creators at once, and the
/// half-made files older weirs left behind.
@Suite struct CreationTests {
  /// What an older weir left when killed while creating a store: only the migrations table.
  @Test func aStoreHoldingOnlyTheMigrationsTableIsFinishedByTheNextWriter() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    let path = temp.path("weir.db")
    try DatabaseQueue(path: path).write { db in
      try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
    }
    #expect(throws: StoreError.unfinished(path: path)) {
      try SQLiteAnnotationStore(path: path, options: .init(readOnly: true))
    }
    #expect(
      StoreError.unfinished(path: "weir.db").description
        == "the annotation store 'weir.db' was never finished (its creation was interrupted); the next `weir run` with this --store finishes it"
    )
    let store = try openStore(path)
    try store.beginRun(Pets.run("r1"))
    for outcome in Pets.outcomes(runId: "r1") { try store.record(outcome) }
    try store.finishRun(id: "r1", status: .completed, endedAt: Date(), summary: nil)
    let (version, applied) = try DatabaseQueue(path: path).read { db in
      (
        try Int.fetchOne(db, sql: "PRAGMA user_version"),
        try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
      )
    }
    #expect(version == SQLiteAnnotationStore.schemaVersion)
    #expect(applied == StoreSchema.migrations.map(\.identifier))
    let reader = try SQLiteAnnotationStore(path: path, options: .init(readOnly: true))
    #expect(try reader.runs().map(\.status) == [.completed])
  }

  /// `weir annotations write-synthetic` SIGKILLed the moment its store file appears, many times:
  /// the next writer always opens the store and finishes its run.
  @Test func aCreatorKilledDuringCreationNeverLeavesAStoreThatIsRefused() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    var killedWithAFile = 0
    for trial in 0..<40 {
      let path = temp.path("s\(trial).db")
      let child = Process()
      child.executableURL = try WeirProcess.executable()
      child.arguments = [
        "annotations", "write-synthetic", "--store", path, "--inputs", "1", "--regions", "1",
      ]
      child.currentDirectoryURL = temp.url
      child.standardOutput = FileHandle.nullDevice
      child.standardError = FileHandle.nullDevice
      try child.run()
      // Kill 4 to 14 ms after the file appears, a little later on each trial: in a debug build
      // the schema is made in that window (an older weir left about one store in seven refused).
      while child.isRunning && !FileManager.default.fileExists(atPath: path) { usleep(50) }
      usleep(4000 + UInt32(trial % 40) * 250)
      kill(child.processIdentifier, SIGKILL)
      child.waitUntilExit()
      if child.terminationReason == .uncaughtSignal && FileManager.default.fileExists(atPath: path) {
        killedWithAFile += 1
      }
      let next = try WeirProcess.run(
        ["annotations", "write-synthetic", "--store", path, "--inputs", "2", "--regions", "1"], in: temp.url)
      #expect(next.status == 0, "trial \(trial): \(next.stderr)")
      let runs = try WeirProcess.run(["annotations", "runs", "--store", path], in: temp.url)
      #expect(runs.status == 0 && runs.stdout.contains("completed"), "trial \(trial): \(runs.stderr)")
    }
    #expect(killedWithAFile > 0, "no trial killed a creator after its file appeared")
  }

  /// Two writers creating one store at the same moment, many times: both finish their runs.
  @Test func twoCreatorsOfOneStoreBothSucceed() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    for trial in 0..<20 {
      let path = temp.path("s\(trial).db")
      let writers = try ["a", "b"].map { id -> (Process, Pipe) in
        let child = Process()
        child.executableURL = try WeirProcess.executable()
        child.arguments = [
          "annotations", "write-synthetic", "--store", path, "--run-id", id, "--inputs", "20", "--regions",
          "2",
          "--batch-size", "5",
        ]
        child.currentDirectoryURL = temp.url
        let err = Pipe()
        child.standardError = err
        child.standardOutput = FileHandle.nullDevice
        try child.run()
        return (child, err)
      }
      for (child, err) in writers {
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        child.waitUntilExit()
        #expect(child.terminationStatus == 0, "trial \(trial): \(stderr)")
      }
      let store = try SQLiteAnnotationStore(path: path, options: .init(readOnly: true))
      #expect(try store.runs().map(\.status) == [.completed, .completed], "trial \(trial)")
    }
  }
}
