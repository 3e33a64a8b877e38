import Foundation
import Testing
import WeirCore
import WeirTestSupport

@testable import WeirStore

#if canImport(Glibc)
  import Glibc
#endif

/// `weir annotations export --output` misused: the store itself, a link planted in a YOLO folder.
@Suite struct ExportSafetyTests {
  func makeStore(_ temp: TemporaryDirectory) throws {
    let store = try openStore(temp.path("weir.db"))
    try store.beginRun(Pets.run("r1"))
    for o in Pets.outcomes(runId: "r1") { try store.record(o) }
    try store.finishRun(id: "r1", status: .completed, endedAt: fixedDate, summary: nil)
  }

  @Test func exportingOverTheStoreIsRefused() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    try makeStore(temp)
    let before = try Data(contentsOf: URL(fileURLWithPath: temp.path("weir.db")))
    for format in ["jsonl", "yolo"] {
      let r = try WeirProcess.run(
        ["annotations", "export", "--format", format, "--output", "weir.db"], in: temp.url)
      #expect(r.status == 1)
      #expect(r.stderr.hasPrefix("error: refusing to write 'weir.db': it is "), "\(r.stderr)")
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: temp.path("weir.db"))) == before)
  }

  /// `labels/cat1.txt` is a link to a file outside the folder: the export is refused (the folder is
  /// not empty), nothing is written, and the file outside keeps its bytes.
  @Test func aYOLOExportNeverWritesThroughALinkPlantedInItsFolder() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    try makeStore(temp)
    try Data("precious\n".utf8).write(to: temp.url.appendingPathComponent("victim.txt"))
    try FileManager.default.createDirectory(atPath: temp.path("labels"), withIntermediateDirectories: true)
    #expect(symlink("../victim.txt", temp.path("labels/cat1.txt")) == 0)
    let r = try WeirProcess.run(
      ["annotations", "export", "--format", "yolo", "--output", "labels"], in: temp.url)
    #expect(r.status == 1)
    #expect(
      r.stderr.hasSuffix(
        "error: cannot write 'labels': the folder is not empty; an export writes a new or empty folder, so nothing was written\n"
      ), "\(r.stderr)")
    #expect(try String(contentsOfFile: temp.path("victim.txt"), encoding: .utf8) == "precious\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: temp.path("labels")) == ["cat1.txt"])
  }
}
