import Foundation
import Testing
import WeirCore
import WeirTestSupport

@testable import WeirStore

/// `weir annotations …` as a user runs it: exit codes, stderr and the files it writes.
@Suite struct CommandTests {
  @Test func aMissingStoreTellsTheUserToRunFirst() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    for command in [["annotations", "list"], ["annotations", "export", "--format", "coco"]] {
      let result = try WeirProcess.run(command, in: temp.url)
      #expect(result.status == 1)
      #expect(result.stderr == "error: no annotation store at 'weir.db'; run `weir run` first\n")
      #expect(result.stdout.isEmpty)
    }
    #expect(!FileManager.default.fileExists(atPath: temp.path("weir.db")), "reading never creates a store")
  }

  @Test func exportWritesTheFilesTheLibraryMakes() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    let store = try openStore(temp.path("weir.db"))
    try store.beginRun(Pets.run("r1"))
    for o in Pets.outcomes(runId: "r1") { try store.record(o) }
    try store.finishRun(id: "r1", status: .completed, endedAt: fixedDate, summary: nil)
    let set = try store.exportSet(
      AnnotationFilter(statuses: [24150]), options: ExportOptions(workingDirectory: temp.url.path))

    let coco = try WeirProcess.run(["annotations", "export", "--format", "coco"], in: temp.url)
    #expect(coco.status == 0, "\(coco.stderr)")
    #expect(Data(coco.stdout.utf8) == (try AnnotationExporter.export(set, as: .coco)).files[0].contents)

    let yolo = try WeirProcess.run(
      ["annotations", "export", "--format", "yolo", "--output", "labels"], in: temp.url)
    #expect(yolo.status == 0, "\(yolo.stderr)")
    #expect(
      yolo.stderr
        == "note: the workflow file 'examples/pets/workflow.yaml' is gone; class ids follow the stored concepts sorted by name (--classes sets them)\n"
        + "note: 1 image known only by URL left out of the YOLO dataset: it needs files\n"
        + "wrote 2 annotations on 2 images (3 classes) to 'labels'\n")
    let written = try FileManager.default.contentsOfDirectory(atPath: temp.path("labels")).sorted()
    #expect(written == ["classes.txt", "data.yaml", "images", "labels"])

    let bad = try WeirProcess.run(["annotations", "list", "--status", "sucess"], in: temp.url)
    #expect(bad.status == 1)
    #expect(
      bad.stderr.hasPrefix("error: unknown annotation status 'sucess'; did you mean 'ANNOTATION_SUCCESS'?"))
  }
}
