import Foundation
import Testing
import WeirCore
import WeirTestSupport

@testable import WeirStore

#if canImport(Glibc)
  import Glibc
#endif

/// A store in a folder nobody may write (a shared dataset, a read-only mount) is read without
/// creating WAL side files: `weir annotations list`, `export` and `runs` work.
@Suite struct ReadOnlyStoreTests {
  /// Runs `weir` as a user who cannot write the folder: as root (who may write anywhere) the
  /// command drops to `nobody` with setpriv; as anyone else the folder's mode is enough.
  func runAsReader(_ arguments: [String], in folder: URL) throws -> WeirProcess.Result {
    guard geteuid() == 0 else { return try WeirProcess.run(arguments, in: folder) }
    return try WeirProcess.run(
      arguments, in: folder,
      launcher: ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"])
  }

  @Test(.enabled(if: geteuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
  func aStoreInAReadOnlyFolderIsListedAndExported() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer {
      chmod(temp.url.path, 0o755)
      temp.remove()
    }
    let path = temp.path("weir.db")
    do {
      let store = try openStore(path)
      try store.beginRun(Pets.run("r1"))
      for outcome in Pets.outcomes(runId: "r1") { try store.record(outcome) }
      try store.finishRun(id: "r1", status: .completed, endedAt: Date(), summary: nil)
    }
    // The writer is gone: its WAL side files went with it.
    #expect(try FileManager.default.contentsOfDirectory(atPath: temp.url.path) == ["weir.db"])
    chmod(path, 0o444)
    chmod(temp.url.path, 0o555)

    let list = try runAsReader(["annotations", "list", "--store", path], in: temp.url)
    #expect(list.status == 0, "\(list.stderr)")
    #expect(list.stdout.hasPrefix("input "), "\(list.stdout)")
    #expect(list.stdout.contains("cat"))
    let export = try runAsReader(
      ["annotations", "export", "--format", "jsonl", "--store", path], in: temp.url)
    #expect(export.status == 0, "\(export.stderr)")
    #expect(
      export.stdout.split(separator: "\n").count == Pets.outcomes(runId: "r1").flatMap(\.annotations).count)
    let runs = try runAsReader(["annotations", "runs", "--store", path], in: temp.url)
    #expect(runs.status == 0 && runs.stdout.contains("completed"), "\(runs.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: temp.url.path) == ["weir.db"])
  }
}
