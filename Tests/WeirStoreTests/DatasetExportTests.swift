import Foundation
import Testing
import WeirCore
import WeirTestSupport

@testable import WeirStore

/// A store and a folder as a user has them after `weir run`: the pets outcomes plus an image with
/// nothing on it, the workflow file that ran (declaring dog before cat), and the image files.
struct PetsDataset {
  let temp: TemporaryDirectory
  let store: SQLiteAnnotationStore

  static let workflow = """
    weir: 1
    workflow: pets
    models:
      animals: {type: visual-detector, concepts: [dog, cat], backend: {replay: p.json}}
      scene: {type: visual-classifier, concepts: [outdoor], backend: {replay: p.json}}
    nodes:
      detect: {model: animals}
    """

  init(workflowFile: Bool = true) throws {
    temp = try TemporaryDirectory("weir-dataset-tests")
    if workflowFile { try temp.write("examples/pets/workflow.yaml", Self.workflow) }
    let photos = Repository.root.appendingPathComponent("examples/pets/photos")
    let photo = try Data(contentsOf: photos.appendingPathComponent("cat_tabby_opencvdoc.jpg"))
    for name in ["photos/cat1.jpg", "photos/park/empty.jpg", "photos/broken.jpg"] {
      try temp.write(name, [UInt8](photo))
    }
    store = try openStore(temp.path("weir.db"))
    try store.beginRun(Pets.run("r1"))
    for o in Pets.outcomes(runId: "r1") { try store.record(o) }
    try store.record(
      InputOutcome(
        runId: "r1", input: InputItem(id: "empty.jpg", path: "photos/park/empty.jpg"), error: nil,
        annotations: [], width: 320, height: 240))
    try store.finishRun(id: "r1", status: .completed, endedAt: fixedDate, summary: nil)
  }

  var options: ExportOptions { ExportOptions(valFraction: 0, workingDirectory: temp.url.path) }

  func export(
    _ format: ExportFormat, _ filter: AnnotationFilter = AnnotationFilter(), options: ExportOptions? = nil
  )
    throws -> ExportResult
  {
    try AnnotationExporter.export(try store.exportSet(filter, options: options ?? self.options), as: format)
  }
}

/// Exports a trainer reads: class ids fixed by the workflow whatever the filter, negatives in every
/// format, the YOLO dataset's tree, the Label Studio addresses, CVAT.
@Suite struct DatasetExportTests {
  func file(_ result: ExportResult, _ path: String) -> String? {
    result.files.first { $0.path == path }.map { String(decoding: $0.contents, as: UTF8.self) }
  }

  /// COCO's categories and images, and its annotations as (image file, category name).
  func coco(_ result: ExportResult) throws -> (categories: [Int: String], images: [String], boxes: [String]) {
    let json = try #require(
      try JSONSerialization.jsonObject(with: result.files[0].contents) as? [String: Any])
    let categories = try #require(json["categories"] as? [[String: Any]])
    let images = try #require(json["images"] as? [[String: Any]])
    let annotations = try #require(json["annotations"] as? [[String: Any]])
    var byId: [Int: String] = [:]
    for c in categories { byId[try #require(c["id"] as? Int)] = try #require(c["name"] as? String) }
    let files = Dictionary(
      uniqueKeysWithValues: images.map { ($0["id"] as? Int ?? 0, $0["file_name"] as? String ?? "") })
    let boxes = annotations.map {
      "\(files[$0["image_id"] as? Int ?? 0] ?? "?") \($0["category_id"] as? Int ?? 0)"
    }
    return (byId, images.compactMap { $0["file_name"] as? String }, boxes.sorted())
  }

  @Test func theClassMapIsTheWorkflowsConceptsInDeclaredOrder() throws {
    let pets = try PetsDataset()
    let map = try pets.store.classMap(for: AnnotationFilter(), options: pets.options)
    #expect(map.names == ["dog", "cat", "outdoor"])
    #expect(map.origin == "the workflow 'examples/pets/workflow.yaml'")
    #expect(map.notes.isEmpty)
  }

  @Test(arguments: [
    AnnotationFilter(), AnnotationFilter(statuses: [24150]), AnnotationFilter(statuses: [24151]),
    AnnotationFilter(concepts: ["dog"]), AnnotationFilter(concepts: ["cat"]),
    AnnotationFilter(tasks: ["pets"]),
    AnnotationFilter(workflows: ["pets"]), AnnotationFilter(nodes: ["write-review"]),
    AnnotationFilter(runs: .latest),
    AnnotationFilter(runs: .ids(["r1"])),
  ])
  func classIdsNeverDependOnTheFilter(filter: AnnotationFilter) throws {
    let pets = try PetsDataset()
    let yolo = try pets.export(.yolo, filter)
    #expect(file(yolo, "classes.txt") == "dog\ncat\noutdoor\n")
    #expect(
      file(yolo, "data.yaml")?.contains("names:\n  0: \"dog\"\n  1: \"cat\"\n  2: \"outdoor\"\n") == true)
    for line in (file(yolo, "labels/train/cat1.txt") ?? "").split(separator: "\n") {
      // cat1.jpg holds an accepted cat (class 1) and a dog for review (class 0).
      #expect(line.hasPrefix("1 0.450000 0.350000") || line.hasPrefix("0 0.200000 0.700000"), "\(line)")
    }
    let (categories, _, boxes) = try coco(try pets.export(.coco, filter))
    #expect(categories == [1: "dog", 2: "cat", 3: "outdoor"])
    #expect(
      boxes.allSatisfy {
        $0.hasPrefix("cat1.jpg 2") || $0.hasPrefix("cat1.jpg 1") || $0.hasPrefix("dog2.jpg 1")
      })
    let cvat = try #require(file(try pets.export(.cvat, filter), "annotations.xml"))
    #expect(
      cvat.contains("<name>dog</name>")
        && cvat.range(of: "<name>dog</name>")!.lowerBound < cvat.range(of: "<name>cat</name>")!.lowerBound)
  }

  @Test func aFilterTakesLabelsButEveryImageStays() throws {
    let pets = try PetsDataset()
    let (_, images, boxes) = try coco(try pets.export(.coco, AnnotationFilter(concepts: ["cat"])))
    // broken.jpg failed to decode: nobody knows what is on it, so it is no negative.
    #expect(images == ["cat1.jpg", "dog2.jpg", "park/empty.jpg"])
    #expect(boxes == ["cat1.jpg 2"])
    let yolo = try pets.export(.yolo, AnnotationFilter(concepts: ["cat"]))
    #expect(
      yolo.files.map(\.path) == [
        "data.yaml", "classes.txt", "labels/train/cat1.txt", "labels/train/park/empty.txt",
      ])
    #expect(file(yolo, "labels/train/park/empty.txt") == "")
    #expect(
      yolo.images == [
        ExportedImage(path: "images/train/cat1.jpg", source: pets.temp.url.path + "/photos/cat1.jpg"),
        ExportedImage(
          path: "images/train/park/empty.jpg", source: pets.temp.url.path + "/photos/park/empty.jpg"),
      ])
    #expect(yolo.notes == ["1 image known only by URL left out of the YOLO dataset: it needs files"])
    let tasks = try #require(
      file(try pets.export(.labelstudio, AnnotationFilter(concepts: ["cat"])), "tasks.json"))
    #expect(tasks.split(separator: "\n").filter { $0.contains("\"weir_input_id\"") }.count == 3)
  }

  @Test func aGoneWorkflowFileFallsBackToTheStoredConceptsByName() throws {
    let pets = try PetsDataset(workflowFile: false)
    let yolo = try pets.export(.yolo, AnnotationFilter(concepts: ["dog"]))
    #expect(file(yolo, "classes.txt") == "cat\ndog\noutdoor\n")
    #expect(
      yolo.notes.first
        == "the workflow file 'examples/pets/workflow.yaml' is gone; class ids follow the stored concepts sorted by name (--classes sets them)"
    )
  }

  @Test func givenClassesWinAndConceptsOutsideThemAreLeftOutWithANote() throws {
    let pets = try PetsDataset()
    let set = try pets.store.exportSet(
      AnnotationFilter(), classes: try ClassMap.parse("cat", fileExists: { _ in false }),
      options: pets.options)
    let coco = try AnnotationExporter.export(set, as: .coco)
    #expect(try self.coco(coco).boxes == ["cat1.jpg 1"])
    #expect(
      coco.notes == [
        "1 image-level annotation without a box left out of the COCO export",
        "3 annotations of 'dog', 'outdoor' left out of the COCO export: not in the class map (--classes); name every class with --classes",
      ])
  }

  @Test func classesParseFromAListOrAFileAndRefuseDuplicates() throws {
    let temp = try TemporaryDirectory("weir-dataset-tests")
    try temp.write("classes.txt", "# ours\ncat\n\n dog \n")
    #expect(try ClassMap.parse(temp.path("classes.txt")).names == ["cat", "dog"])
    #expect(try ClassMap.parse("a, b,c", fileExists: { _ in false }).names == ["a", "b", "c"])
    #expect(throws: ClassMapError(message: "--classes names 'a' twice; a class has one id")) {
      try ClassMap.parse("a,b,a", fileExists: { _ in false })
    }
    #expect(throws: ClassMapError.self) { try ClassMap.parse("a,,b", fileExists: { _ in false }) }
  }

  @Test func theValSplitIsAStableShareChosenByTheSeed() throws {
    let ids = (0..<2000).map { "img-\($0).jpg" }
    let options = ExportOptions(valFraction: 0.25, seed: 7)
    let val = ids.filter { YOLOExporter.isValidation($0, options) }
    #expect(val.count > 400 && val.count < 600, "\(val.count) of 2000 at 0.25")
    #expect(val == ids.filter { YOLOExporter.isValidation($0, options) })
    let other = ids.filter { YOLOExporter.isValidation($0, ExportOptions(valFraction: 0.25, seed: 8)) }
    #expect(other != val)
    #expect(ids.allSatisfy { !YOLOExporter.isValidation($0, ExportOptions(valFraction: 0)) })
    #expect(ids.allSatisfy { YOLOExporter.isValidation($0, ExportOptions(valFraction: 1)) })
  }

  @Test func yoloNumbersAreWhatPercentSixFPrints() {
    var state: UInt64 = 42
    func next() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 11) / Double(UInt64(1) << 53)
    }
    let values = (0..<100_000).map { _ in next() } + [0, 1, 0.5, 0.45, 0.1 + 0.2, -0.25, 1e-7, 123.4567891]
    let differing = values.filter { YOLOExporter.sixDecimals($0) != String(format: "%.6f", $0) }
    #expect(differing.isEmpty, "\(differing.prefix(5).map { "\($0): \(YOLOExporter.sixDecimals($0))" })")
  }

  @Test func labelStudioAddressesFollowTheImageRootAndURLPrefix() throws {
    let pets = try PetsDataset()
    func images(_ options: ExportOptions) throws -> [String] {
      let text = try #require(file(try pets.export(.labelstudio, options: options), "tasks.json"))
      let tasks = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
      return tasks.compactMap { ($0["data"] as? [String: Any])?["image"] as? String }
    }
    let root = pets.temp.url.path
    #expect(
      try images(ExportOptions(workingDirectory: root))
        == ["photos/cat1.jpg", "https://example.com/img/dog2.jpg", "photos/park/empty.jpg"])
    #expect(
      try images(ExportOptions(imageRoot: root, workingDirectory: root)) == [
        "/data/local-files/?d=photos/cat1.jpg", "https://example.com/img/dog2.jpg",
        "/data/local-files/?d=photos/park/empty.jpg",
      ])
    #expect(
      try images(
        ExportOptions(imageRoot: "photos", urlPrefix: "https://cdn.example/set", workingDirectory: root))
        == [
          "https://cdn.example/set/cat1.jpg", "https://example.com/img/dog2.jpg",
          "https://cdn.example/set/park/empty.jpg",
        ])
  }

  @Test func cvatMatchesItsGolden() throws {
    let pets = try PetsDataset()
    let result = try pets.export(.cvat, AnnotationFilter())
    #expect(result.files.map(\.path) == ["annotations.xml"])
    expectGolden(file(result, "annotations.xml") ?? "", "export.cvat.xml")
  }

  @Test func twoImagesThatWouldShareALabelFileAreAClash() throws {
    let set = ExportSet(
      annotations: [],
      images: [
        StoredImage(inputId: "a", path: "/data/x/cat.jpg"),
        StoredImage(inputId: "b", path: "/data/x/cat.png"),
      ],
      options: ExportOptions(valFraction: 0))
    #expect(throws: ExportError.fileNameClash("labels/train/cat.txt", inputIds: ["a", "b"])) {
      try AnnotationExporter.export(set, as: .yolo)
    }
  }
}
