import Foundation
import Testing
import WeirCore
import WeirTestSupport

@testable import WeirStore

/// Exports of the pets run, compared with goldens in Tests/Fixtures/store, and COCO checked for
/// the structure COCO tools rely on.
@Suite struct ExportTests {
  /// A store holding the pets run, and its path.
  func petsStore(_ temp: TemporaryDirectory) throws -> SQLiteAnnotationStore {
    let store = try openStore(temp.path("weir.db"))
    try store.beginRun(Pets.run("r1"))
    for o in Pets.outcomes(runId: "r1") { try store.record(o) }
    try store.finishRun(id: "r1", status: .completed, endedAt: fixedDate, summary: nil)
    return store
  }

  /// Everything the store holds, exported from the test's folder (where the workflow file is gone,
  /// so the classes are the stored concepts by name) with no val split.
  func exportSet(_ temp: TemporaryDirectory) throws -> ExportSet {
    try petsStore(temp).exportSet(options: ExportOptions(valFraction: 0, workingDirectory: temp.url.path))
  }

  func text(_ result: ExportResult) -> String {
    result.files.map { String(decoding: $0.contents, as: UTF8.self) }.joined()
  }

  @Test(arguments: [
    (ExportFormat.coco, "export.coco.json"), (.jsonl, "export.jsonl"),
    (.labelstudio, "export.labelstudio.json"), (.cvat, "export.cvat-all.xml"),
  ])
  func singleFileExportsMatchTheirGoldens(format: ExportFormat, golden: String) throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    let result = try AnnotationExporter.export(try exportSet(temp), as: format)
    #expect(result.files.count == 1)
    expectGolden(text(result), golden)
  }

  @Test func yoloWritesADatasetWithALabelFilePerImageAndTheClasses() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    let result = try AnnotationExporter.export(try exportSet(temp), as: .yolo)
    #expect(result.files.map(\.path) == ["data.yaml", "classes.txt", "labels/train/cat1.txt"])
    for file in result.files {
      expectGolden(String(decoding: file.contents, as: UTF8.self), "yolo/" + file.path)
    }
    #expect(
      result.images == [
        ExportedImage(path: "images/train/cat1.jpg", source: temp.url.path + "/photos/cat1.jpg")
      ])
    #expect(
      result.notes == [
        "the workflow file 'examples/pets/workflow.yaml' is gone; class ids follow the stored concepts sorted by name (--classes sets them)",
        // dog2.jpg's image-level 'outdoor' goes with the image, which has no file.
        "1 image known only by URL left out of the YOLO dataset: it needs files",
      ])
  }

  @Test func cocoIsStructurallySoundWithPixelBoxes() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    let result = try AnnotationExporter.export(try exportSet(temp), as: .coco)
    let json = try JSONSerialization.jsonObject(with: result.files[0].contents) as? [String: Any]
    let images = try #require(json?["images"] as? [[String: Any]])
    let categories = try #require(json?["categories"] as? [[String: Any]])
    let annotations = try #require(json?["annotations"] as? [[String: Any]])
    let sizes = Dictionary(
      uniqueKeysWithValues: images.map { ($0["id"] as! Int, ($0["width"] as! Int, $0["height"] as! Int)) })
    let categoryIds = Set(categories.map { $0["id"] as! Int })
    #expect(annotations.count == 3)
    #expect(Set(annotations.map { $0["id"] as! Int }).count == annotations.count)
    for a in annotations {
      let size = try #require(sizes[a["image_id"] as! Int])
      #expect(categoryIds.contains(a["category_id"] as! Int))
      let bbox = (a["bbox"] as! [NSNumber]).map(\.doubleValue)
      #expect(bbox.count == 4)
      #expect(
        bbox[0] >= 0 && bbox[1] >= 0 && bbox[0] + bbox[2] <= Double(size.0)
          && bbox[1] + bbox[3] <= Double(size.1))
    }
    // cat1.jpg (640×480), box top 0.1 left 0.2 bottom 0.6 right 0.7 → x 128, y 48, w 320, h 240.
    #expect((annotations[0]["bbox"] as! [NSNumber]).map(\.doubleValue) == [128, 48, 320, 240])
    #expect(result.notes.last == "1 image-level annotation without a box left out of the COCO export")
  }

  @Test func cocoRefusesImagesOfUnknownSize() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    var set = try exportSet(temp)
    set.images[0].width = nil
    #expect(throws: ExportError.unknownImageSizes(inputIds: ["cat1.jpg"], total: 2)) {
      try AnnotationExporter.export(set, as: .coco)
    }
    #expect(
      ExportError.unknownImageSizes(inputIds: ["cat1.jpg"], total: 2).description
        == "cannot export COCO: 1 of 2 images have no known size ('cat1.jpg'), and COCO boxes are in pixels; "
        + "weir records a size when it reads the image or when replayed COCO data gives it. "
        + "Export as jsonl, yolo or labelstudio instead (normalized boxes need no size)")
    // Normalized formats need no size.
    #expect(try AnnotationExporter.export(set, as: .yolo).files.count == 3)
    #expect(throws: ExportError.unknownImageSizes(inputIds: ["cat1.jpg"], total: 2, format: "CVAT")) {
      try AnnotationExporter.export(set, as: .cvat)
    }
  }
}
