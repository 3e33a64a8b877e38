import Foundation
import GRDB
import Testing
import WeirCore
import WeirTestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// `weir run`'s output files and store, as a user would misuse them: outputs that are inputs,
/// device files and FIFOs made in the test's own folder (never the machine's /dev), and two runs
/// on one store at once.
@Suite(.serialized) struct RunOutputSafetyTests {
  typealias Temp = TemporaryDirectory

  static let workflow = "examples/auto-annotation/workflow.yaml"
  static let predictions = Repository.root.appendingPathComponent(
    "examples/auto-annotation/predictions.json"
  ).path

  func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

  func type(_ path: String) -> mode_t {
    var st = stat()
    return lstat(path, &st) == 0 ? st.st_mode & S_IFMT : 0
  }

  /// `--output` naming the store (through a link) and `--record` naming the predictions the run
  /// replays: both refused, both reported, status 2, nothing changed.
  @Test func outputsThatAreTheStoreOrAnInputAreRefusedBeforeAnythingIsWritten() throws {
    let temp = try Temp()
    defer { temp.remove() }
    let store = temp.path("b.db")
    #expect(try WeirProcess.run(["run", Self.workflow, "--store", store]).status == 0)
    let storeBefore = try bytes(store)
    let predictionsBefore = try bytes(Self.predictions)
    symlink(store, temp.path("results.jsonl"))
    let r = try WeirProcess.run([
      "run", Self.workflow, "--store", store, "--output", temp.path("results.jsonl"), "--record",
      Self.predictions,
    ])
    #expect(r.status == 2)
    #expect(
      r.stderr
        == """
        weir: --record: refusing to write '\(Self.predictions)': it is the same file as the predictions file 'examples/auto-annotation/predictions.json'
        weir: --output: refusing to write '\(temp.path("results.jsonl"))': it is the same file as the annotation store '\(store)'

        """)
    #expect(r.stdout == "")
    #expect(try bytes(store) == storeBefore)
    #expect(try bytes(Self.predictions) == predictionsBefore)
    let runs = try WeirProcess.run(["annotations", "runs", "--store", store])
    #expect(runs.stdout.split(separator: "\n").count == 2, "no second run began: \(runs.stdout)")
    // The workflow itself, and --output and --record naming one file.
    let same = try WeirProcess.run([
      "run", Self.workflow, "--dry-run", "--output", temp.path("x.jsonl"), "--record", temp.path("x.jsonl"),
    ])
    #expect(same.status == 2)
    #expect(same.stderr.contains("it is the same file as the --record file"), "\(same.stderr)")
    #expect(!FileManager.default.fileExists(atPath: temp.path("x.jsonl")))
  }

  @Test func aReadOnlyOutputIsRefused() throws {
    let temp = try Temp()
    defer { temp.remove() }
    try temp.write("results.jsonl", "keep\n")
    chmod(temp.path("results.jsonl"), 0o444)
    let r = try WeirProcess.run(["run", Self.workflow, "--dry-run", "--output", temp.path("results.jsonl")])
    #expect(r.status == 2)
    #expect(
      r.stderr == "weir: --output: cannot write '\(temp.path("results.jsonl"))': the file is read-only\n")
    #expect(try String(contentsOfFile: temp.path("results.jsonl"), encoding: .utf8) == "keep\n")
  }

  /// A FIFO gets the lines and stays a FIFO.
  @Test func aFIFOOutputIsWrittenIntoAndStaysAFIFO() throws {
    let temp = try Temp()
    defer { temp.remove() }
    let fifo = temp.path("pipe")
    #expect(mkfifo(fifo, 0o644) == 0)
    let received = DataBox()
    let reader = Thread {
      // Plain read(2) until the writer closes: the FIFO's end is its only end.
      let fd = open(fifo, O_RDONLY)
      var buffer = [UInt8](repeating: 0, count: 65536)
      while fd >= 0 {
        let n = read(fd, &buffer, buffer.count)
        if n <= 0 { break }
        received.data.append(contentsOf: buffer[0..<n])
      }
      if fd >= 0 { close(fd) }
      received.done.signal()
    }
    reader.start()
    let r = try WeirProcess.run(["run", Self.workflow, "--dry-run", "--output", fifo])
    received.done.wait()
    #expect(r.status == 0, "\(r.stderr)")
    #expect(String(decoding: received.data, as: UTF8.self).split(separator: "\n").count == 12)
    #expect(type(fifo) == S_IFIFO)
  }

  /// Device nodes made here (root only): a null device takes --output and --record and stays a
  /// device (both at once: a device is never one of the run's files); a full device fails both,
  /// and both failures are reported.
  @Test(.enabled(if: geteuid() == 0, "mknod needs root"))
  func deviceOutputsAreWrittenIntoNeverReplacedAndBothFailuresAreReported() throws {
    let temp = try Temp()
    defer { temp.remove() }
    let null = temp.path("null")
    let full = temp.path("full")
    let full2 = temp.path("full2")
    // makedev(1, 3) is the null device and makedev(1, 7) the full device on Linux.
    #expect(mknod(null, S_IFCHR | 0o666, 0x103) == 0)
    #expect(mknod(full, S_IFCHR | 0o666, 0x107) == 0)
    #expect(mknod(full2, S_IFCHR | 0o666, 0x107) == 0)
    let ok = try WeirProcess.run([
      "run", Self.workflow, "--dry-run", "--output", null, "--record", null,
    ])
    #expect(ok.status == 0, "\(ok.stderr)")
    #expect(type(null) == S_IFCHR)
    let failing = try WeirProcess.run([
      "run", Self.workflow, "--dry-run", "--output", full, "--record", full2,
    ])
    #expect(failing.status == 1)
    #expect(failing.stderr.contains("cannot write '\(full)': no space left on device"), "\(failing.stderr)")
    #expect(
      failing.stderr.contains("cannot write the recording: no space left on device"), "\(failing.stderr)")
    #expect(type(full) == S_IFCHR && type(full2) == S_IFCHR)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: temp.url.path).sorted() == [
        "full", "full2", "null",
      ])
  }

  /// Two runs started together on one new store, several times: both create, wait for each other
  /// and finish; no run is left `running`.
  @Test func twoRunsOnOneStoreWaitForEachOtherAndBothFinish() throws {
    let temp = try Temp()
    defer { temp.remove() }
    for trial in 0..<10 {
      let store = temp.path("s\(trial).db")
      let runs = try (0..<2).map { _ -> (Process, Pipe) in
        let child = Process()
        child.executableURL = try WeirProcess.executable()
        child.arguments = ["run", Self.workflow, "--store", store]
        child.currentDirectoryURL = Repository.root
        let err = Pipe()
        child.standardError = err
        child.standardOutput = FileHandle.nullDevice
        try child.run()
        return (child, err)
      }
      for (child, err) in runs {
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        child.waitUntilExit()
        #expect(child.terminationStatus == 0, "trial \(trial): \(stderr)")
      }
      let statuses = try DatabaseQueue(path: store).read { db in
        try String.fetchAll(db, sql: "SELECT status FROM runs")
      }
      #expect(!statuses.isEmpty && statuses.allSatisfy { $0 == "completed" }, "trial \(trial): \(statuses)")
    }
  }

  /// Another connection takes the write lock in the middle of a long run and keeps it past
  /// `--lock-timeout`: the run gives up with status 1, prints the summary of what it wrote, and
  /// its run is marked failed once the lock is gone.
  @Test func aRunThatGivesUpOnTheLockSaysWhatItWroteAndIsMarkedFailed() throws {
    let temp = try Temp()
    defer { temp.remove() }
    let gen = SyntheticPredictions(images: 20_000, regionsPerImage: 3, seed: 11)
    try temp.write("synthetic.jsonl", gen.jsonLines())
    let workflow = try String(
      contentsOf: Repository.root.appendingPathComponent(Self.workflow), encoding: .utf8)
    try temp.write(
      "workflow.yaml", workflow.replacingOccurrences(of: "predictions.json", with: "synthetic.jsonl"))
    let store = temp.path("weir.db")
    let child = try BackgroundWeir(
      [
        "run", temp.path("workflow.yaml"), "--store", store, "--jobs", "1", "--batch-size", "50",
        "--progress-interval", "0", "--lock-timeout", "1",
      ], in: temp.url)
    child.readStandardError(until: #"progress: ([1-9]\d{3})/"#)
    // The lock is taken between two of the run's batches (waiting for them as long as it takes),
    // held for 2.5 s, then released.
    var config = Configuration()
    config.busyMode = .timeout(30)
    let holder = try DatabaseQueue(path: store, configuration: config)
    try holder.inTransaction(.immediate) { _ in
      Thread.sleep(forTimeInterval: 2.5)
      return .rollback
    }
    let (status, stdout) = child.finish()
    let seen = child.standardError
    #expect(status == 1, "\(seen)")
    #expect(
      seen.contains(
        "weir: cannot write to the store: the annotation store '\(store)' is locked by another writer (waited 1.0 s)"
      ), "\(seen)")
    #expect(stdout.hasPrefix("ran 'auto-annotation' on "), "\(stdout)")
    #expect(stdout.contains(" written to \(store) (run "), "\(stdout)")
    let statuses = try DatabaseQueue(path: store).read { db in
      try String.fetchAll(db, sql: "SELECT status FROM runs")
    }
    #expect(statuses == ["failed"])
  }
}

/// Bytes filled in by another thread, handed over through `done`.
final class DataBox: @unchecked Sendable {
  var data = Data()
  let done = DispatchSemaphore(value: 0)
}
