import Foundation
import GRDB
import Testing
import WeirCore
import WeirTestSupport

@testable import WeirStore

/// A real writer process SIGKILLed in the middle of a run: every input it committed is whole, and
/// resuming (or re-running) leaves every expected row exactly once.
///
/// The writer is the built `weir` binary's hidden `annotations write-synthetic` command, which
/// records deterministic outcomes through `SQLiteAnnotationStore` exactly as `weir run` does, so
/// the test knows every row that should exist.
@Suite struct KillTests {
  static let inputs = 8_000
  static let regions = 4
  static let generator = SyntheticOutcomes(inputs: inputs, regionsPerInput: regions, seed: 7)

  func writerArguments(_ path: String, resume: Bool) -> [String] {
    [
      "annotations", "write-synthetic", "--store", path, "--run-id", "killed", "--inputs",
      String(Self.inputs),
      "--regions", String(Self.regions), "--batch-size", "50", "--progress-every", "250", "--seed", "7",
    ] + (resume ? ["--resume"] : [])
  }

  /// Starts the writer and SIGKILLs it once it has recorded `after` inputs.
  func killWriter(_ path: String, folder: URL, after: Int) throws {
    let child = Process()
    child.executableURL = try WeirProcess.executable()
    child.arguments = writerArguments(path, resume: false)
    child.currentDirectoryURL = folder
    let out = Pipe()
    child.standardOutput = out
    child.standardError = FileHandle.nullDevice
    try child.run()
    var seen = ""
    while !seen.contains("recorded \(after)\n") {
      let chunk = out.fileHandleForReading.availableData
      if chunk.isEmpty { break }  // the child ended on its own
      seen += String(decoding: chunk, as: UTF8.self)
    }
    kill(child.processIdentifier, SIGKILL)
    child.waitUntilExit()
    #expect(
      child.terminationReason == .uncaughtSignal, "the writer finished before it could be killed: \(seen)")
  }

  @Test func aKilledWriterLeavesWholeInputsAndResumingCompletesTheRun() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    let path = temp.path("weir.db")
    try killWriter(path, folder: temp.url, after: 2000)

    // After the kill: a sound file, and every committed input has all of its annotations.
    let store = try SQLiteAnnotationStore(path: path, options: .init(create: false))
    #expect(
      try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
    let done = try store.completedInputs(runId: "killed")
    // Batches of 50 commit inside `record`, so the 2000 inputs reported were committed.
    #expect(done.count >= 2000 && done.count < Self.inputs, "committed \(done.count) inputs before the kill")
    let perInput = Dictionary(grouping: try store.annotations(), by: \.record.inputId).mapValues(\.count)
    #expect(Set(perInput.keys) == done)
    #expect(perInput.values.allSatisfy { $0 == Self.regions })

    // Resume: the rest is written, nothing twice.
    let resumed = try WeirProcess.run(writerArguments(path, resume: true), in: temp.url)
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(resumed.stdout.hasSuffix("done \(Self.inputs - done.count)\n"))
    let expected = Set((0..<Self.inputs).flatMap { Self.generator.outcome($0, runId: "killed").annotations })
    let rows = try store.annotations().map(\.record)
    #expect(rows.count == Self.inputs * Self.regions)
    #expect(Set(rows) == expected)
    #expect(try store.runs().map(\.status) == [.completed])

    // Running everything again from scratch changes nothing.
    let before = try dump(path, table: "annotations").count
    let again = try WeirProcess.run(writerArguments(path, resume: false), in: temp.url)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(try store.count() == before)
    #expect(Set(try store.annotations().map(\.record)) == expected)
  }
}
