import Foundation
import GRDB
import Testing
import WeirCore
import WeirTestSupport

@testable import WeirStore

/// Another connection holding the write lock: a clear error after the busy timeout, never a hang,
/// and nothing recorded meanwhile is lost.
@Suite struct LockTests {
  /// A second connection, with its own SQLite locks, that holds the write lock (an open
  /// `BEGIN IMMEDIATE` transaction) on its own thread until `release`.
  final class LockHolder: @unchecked Sendable {
    private let locked = DispatchSemaphore(value: 0)
    private let releasing = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private var released = false

    init(path: String) throws {
      let queue = try DatabaseQueue(path: path)
      Thread { [locked, releasing, finished] in
        try? queue.inTransaction(.immediate) { _ in
          locked.signal()
          releasing.wait()
          return .rollback
        }
        finished.signal()
      }.start()
      locked.wait()
    }

    func release() {
      guard !released else { return }
      released = true
      releasing.signal()
      finished.wait()
    }
  }

  @Test func aHeldLockIsAClearErrorAndTheBufferedOutcomesSurvive() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    let path = temp.path("weir.db")
    let store = try openStore(path, busyTimeout: 0.2)
    try store.beginRun(Pets.run("r1"))
    for o in Pets.outcomes(runId: "r1") { try store.record(o) }

    let holder = try LockHolder(path: path)
    let start = Date()
    #expect(throws: StoreError.locked(path: path, waited: 0.2)) { try store.flush() }
    #expect(Date().timeIntervalSince(start) < 3, "the busy timeout bounds the wait")
    #expect(
      StoreError.locked(path: "weir.db", waited: 0.2).description
        == "the annotation store 'weir.db' is locked by another writer (waited 200 ms); "
        + "wait for the other `weir run` to finish or use another --store")

    holder.release()
    try store.flush()
    #expect(try store.count() == 4)
  }

  @Test func aBatchThatCannotBeWrittenIsRetriedByTheNextFlush() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    let path = temp.path("weir.db")
    let store = try openStore(path, batchSize: 1, busyTimeout: 0.1)
    try store.beginRun(Pets.run("r1"))
    let outcomes = Pets.outcomes(runId: "r1")
    try store.record(outcomes[0])

    let holder = try LockHolder(path: path)
    #expect(throws: StoreError.locked(path: path, waited: 0.1)) { try store.record(outcomes[1]) }
    holder.release()
    try store.record(outcomes[2])
    try store.flush()
    #expect(try store.completedInputs(runId: "r1") == ["cat1.jpg", "dog2.jpg"])
    #expect(try store.count() == 4)
  }

  @Test func beginningARunWhileLockedFailsClearly() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    let path = temp.path("weir.db")
    _ = try openStore(path)
    let holder = try LockHolder(path: path)
    defer { holder.release() }
    let store = try openStore(path, busyTimeout: 0.1)  // opening an up-to-date store only reads
    #expect(try store.count() == 0, "reading is never blocked by a writer in WAL mode")
    #expect(throws: StoreError.locked(path: path, waited: 0.1)) { try store.beginRun(Pets.run("r1")) }
  }
}
