import Foundation
import GRDB
import Testing
import WeirTestSupport

/// The README's main job end to end: `weir run examples/pets/workflow.yaml` with the built-in
/// cat-face detector over the real photos into a real SQLite store, read back with
/// `weir annotations export`; the recording replayed; damaged images among good ones.
///
/// The boxes are OpenCV 4.14's own `detectMultiScale` output on these photos (scale factor 1.1,
/// 3 neighbours; Tests/Fixtures/vision holds the figures the detector is checked against).
@Suite(.serialized) struct PetsExampleTests {
  /// The example run over every photo, made once and shared by the tests that read it: the
  /// detector takes about a second a photo in a debug build.
  struct ExampleRun: Sendable {
    var folder: URL
    var store: String
    var recording: String
    var status: Int32
    var stdout: String
    var stderr: String

    static let shared: Result<ExampleRun, any Error> = Result { try make() }

    static func make() throws -> ExampleRun {
      let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "weir-pets-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      PetsExampleTests.removeAtExit = folder
      atexit { if let f = PetsExampleTests.removeAtExit { try? FileManager.default.removeItem(at: f) } }
      let store = folder.appendingPathComponent("weir.db").path
      let recording = folder.appendingPathComponent("recorded.jsonl").path
      let r = try WeirProcess.run([
        "run", "examples/pets/workflow.yaml", "--inputs", "examples/pets/photos", "--store", store,
        "--record", recording,
        // On a loaded machine the run can pass the 10 s after which a plain progress line is
        // printed; the tests below are about what a normal run prints.
        "--progress-interval", "3600",
      ])
      return ExampleRun(
        folder: folder, store: store, recording: recording, status: r.status, stdout: r.stdout,
        stderr: r.stderr)
    }
  }

  nonisolated(unsafe) static var removeAtExit: URL?

  /// One exported annotation: COCO's pixel box with weir's attributes.
  struct Box: Hashable, CustomStringConvertible {
    var image: String
    var bbox: [Int]
    var node: String
    var status: Int
    var concept: String
    var score: Double

    var description: String { "\(image) \(bbox) \(concept) \(score) \(status) \(node)" }
  }

  /// The store read back as COCO: image sizes by file name, and every annotation.
  static func coco(_ store: String) throws -> (sizes: [String: [Int]], boxes: [Box]) {
    let r = try WeirProcess.run([
      "annotations", "export", "--store", store, "--format", "coco", "--status", "all",
    ])
    try #require(r.status == 0, "\(r.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    let images = try #require(json["images"] as? [[String: Any]])
    let categories = try #require(json["categories"] as? [[String: Any]])
    let annotations = try #require(json["annotations"] as? [[String: Any]])
    var names: [Int: String] = [:]
    var sizes: [String: [Int]] = [:]
    for image in images {
      let name: String = try field(image, "file_name")
      names[try field(image, "id")] = name
      sizes[name] = [try field(image, "width"), try field(image, "height")]
    }
    var concepts: [Int: String] = [:]
    for c in categories { concepts[try field(c, "id")] = try field(c, "name") }
    let boxes = try annotations.map { a in
      let attributes: [String: Any] = try field(a, "attributes")
      let bbox: [Double] = try field(a, "bbox")
      return Box(
        image: try #require(names[try field(a, "image_id")]), bbox: bbox.map { Int($0.rounded()) },
        node: try field(attributes, "node_id"), status: try field(attributes, "status"),
        concept: try #require(concepts[try field(a, "category_id")]), score: try field(a, "score"))
    }
    return (sizes, boxes)
  }

  /// `object[key]` as a `T`, or a failed test naming the key.
  static func field<T>(_ object: [String: Any], _ key: String) throws -> T {
    try #require(object[key] as? T, "no \(T.self) '\(key)' in \(object)")
  }

  /// Every annotation as `weir annotations export --format jsonl` writes it, without what differs
  /// from run to run (the run id, the time it was written).
  static func jsonLines(_ store: String) throws -> [String] {
    let r = try WeirProcess.run(["annotations", "export", "--store", store, "--format", "jsonl"])
    try #require(r.status == 0, "\(r.stderr)")
    return try r.stdout.split(separator: "\n").map { line in
      var row = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      row["run_id"] = nil
      row["written_at"] = nil
      return String(
        decoding: try JSONSerialization.data(withJSONObject: row, options: .sortedKeys), as: UTF8.self)
    }.sorted()
  }

  /// The run id and the store's path replaced, so that a summary can be compared whole.
  static func normalized(_ stdout: String, store: String) -> String {
    stdout.replacingOccurrences(of: store, with: "STORE")
      .replacingOccurrences(of: #"\(run [0-9a-f-]+\)"#, with: "(run ID)", options: .regularExpression)
  }

  @Test func theKittenAndTheTabbyGetAcceptedCatsAtOpenCVsBoxes() throws {
    let run = try ExampleRun.shared.get()
    #expect(run.status == 0, "\(run.stderr)")
    let (sizes, boxes) = try Self.coco(run.store)
    let accepted = boxes.filter { $0.status == 24150 }
    #expect(
      Set(accepted.map { "\($0.image) \($0.bbox) \($0.concept) \($0.node)" }) == [
        "cat_kitten_gcompris.jpg [263, 140, 130, 130] cat write-sure",
        "cat_tabby_opencvdoc.jpg [175, 67, 90, 90] cat write-sure",
      ])
    #expect(accepted.allSatisfy { $0.score > 0.80 }, "above the workflow's accept: \(accepted)")
    // Boxes are stored relative to the image; these sizes turn them back into OpenCV's pixels.
    #expect(sizes["cat_kitten_gcompris.jpg"] == [640, 360])
    #expect(sizes["cat_tabby_opencvdoc.jpg"] == [300, 225])
  }

  /// OpenCV finds two more boxes: a 32-pixel one on the tabby's nose, whose confidence (0.41) is
  /// between the workflow's review (0.30) and accept (0.80), so it waits for a person; and a
  /// 128-pixel one in the kitten's background at 0.20, which is dropped. No other photo gets
  /// anything: the horses photo, the dogs, and the cats whose faces the cascade misses.
  @Test func theTabbysNoseGoesToReviewAndTheOtherPhotosGetNothing() throws {
    let run = try ExampleRun.shared.get()
    var found: [String] = []
    for line in try String(contentsOfFile: run.recording, encoding: .utf8).split(separator: "\n") {
      let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      let input: [String: Any] = try Self.field(record, "input")
      let id: String = try Self.field(input, "id")
      for region in record["regions"] as? [[String: Any]] ?? [] {
        let value: Double = try Self.field(region, "value")
        found.append("\(id) \(try Self.field(region, "id") as String) \(String(format: "%.3f", value))")
      }
    }
    #expect(
      found.sorted() == [
        "cat_kitten_gcompris.jpg cat-face@20,12,128x128 0.198",
        "cat_kitten_gcompris.jpg cat-face@263,140,130x130 0.992",
        "cat_tabby_opencvdoc.jpg cat-face@175,67,90x90 0.854",
        "cat_tabby_opencvdoc.jpg cat-face@208,118,32x32 0.412",
      ], "the detector's boxes, as OpenCV finds them")
    let (sizes, boxes) = try Self.coco(run.store)
    let review = boxes.filter { $0.status != 24150 }
    #expect(
      review.map { "\($0.image) \($0.bbox) \($0.concept) \($0.status) \($0.node)" } == [
        "cat_tabby_opencvdoc.jpg [208, 118, 32, 32] cat 24157 write-review"
      ])
    #expect(review.allSatisfy { $0.score > 0.30 && $0.score <= 0.80 }, "\(review)")
    #expect(boxes.count == 3)
    // Every photo is in the export, those without a box as negatives (background for a trainer).
    #expect(sizes.count == 10 && sizes["horses_darknet.jpg"] == [773, 512], "\(sizes)")
    #expect(!boxes.contains { $0.image == "horses_darknet.jpg" })
  }

  /// What the README's first command prints: the tables, then each photo under what it got.
  @Test func standardOutputSaysWhatEachPhotoGot() throws {
    let run = try ExampleRun.shared.get()
    #expect(
      Self.normalized(run.stdout, store: run.store) == """
        ran 'pets' on 10 inputs: 3 annotations written to STORE (run ID)

        writer        ANNOTATION_SUCCESS  ANNOTATION_AWAITING_REVIEW  total
        write-sure                     2                           0      2
        write-review                   0                           1      1

        concept  ANNOTATION_SUCCESS  ANNOTATION_AWAITING_REVIEW  total
        cat                       2                           1      3

        inputs
          accepted  2  cat_kitten_gcompris.jpg (cat 0.99), cat_tabby_opencvdoc.jpg (cat 0.85)
          review    1  cat_tabby_opencvdoc.jpg (cat 0.41)
          nothing   8  cat_chelsea_skimage.png, cat_dogs_goat_opencvdoc.png, cat_yarn_gcompris.jpg,
                       dog_bicycle_darknet.jpg, dog_person_horse_darknet.jpg, dog_shepherd_gcompris.jpg,
                       dog_shepherd_grass_opencvdoc.png, horses_darknet.jpg

        """)
    // Times go to standard error; a run slower than ten seconds (a loaded machine) also prints
    // plain progress lines there first.
    let timing = run.stderr.split(separator: "\n").filter { !$0.hasPrefix("progress: ") }
    #expect(
      timing.count == 1 && timing[0].hasPrefix("weir: ran in "), "times go to standard error: \(run.stderr)")
  }

  /// The recording of the live run, replayed into another store, gives the same annotations row
  /// for row (boxes, confidences, statuses, image sizes) and the same summary, without the detector.
  @Test func replayingTheRecordingGivesTheSameAnnotations() throws {
    let run = try ExampleRun.shared.get()
    let lines = try String(contentsOfFile: run.recording, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 10, "one line per photo, found or not")
    let folder = run.folder.appendingPathComponent("replay")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let workflow = try String(
      contentsOf: Repository.root.appendingPathComponent("examples/pets/workflow.yaml"),
      encoding: .utf8)
    let replaying = workflow.replacingOccurrences(
      of: "backend: {builtin: cat-face, scale_factor: 1.1, min_neighbors: 3}",
      with: "backend: {replay: \(run.recording)}")
    try #require(replaying != workflow)
    try Data(replaying.utf8).write(to: folder.appendingPathComponent("workflow.yaml"))
    let store = folder.appendingPathComponent("weir.db").path
    let r = try WeirProcess.run([
      "run", folder.appendingPathComponent("workflow.yaml").path, "--store", store,
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(Self.normalized(r.stdout, store: store) == Self.normalized(run.stdout, store: run.store))
    let live = try Self.jsonLines(run.store)
    #expect(live.count == 3)
    #expect(try Self.jsonLines(store) == live)
  }

  /// A truncated JPEG, a JPEG with garbage in its compressed data and a truncated PNG among good
  /// photos: each is a failed input with the codec's reason, recorded in the store; the good
  /// photo's annotation is written; the exit status is 1.
  @Test func damagedImagesFailAloneAndTheGoodPhotoIsWritten() throws {
    let temp = FileManager.default.temporaryDirectory.appendingPathComponent(
      "weir-pets-bad-\(UUID().uuidString)")
    let photos = temp.appendingPathComponent("photos")
    try FileManager.default.createDirectory(at: photos, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: temp) }
    let examples = Repository.root.appendingPathComponent("examples/pets/photos")
    try FileManager.default.copyItem(
      at: examples.appendingPathComponent("cat_kitten_gcompris.jpg"),
      to: photos.appendingPathComponent("cat_kitten_gcompris.jpg"))
    let jpeg = try Data(contentsOf: examples.appendingPathComponent("cat_tabby_opencvdoc.jpg"))
    try jpeg.prefix(jpeg.count / 2).write(to: photos.appendingPathComponent("truncated.jpg"))
    var corrupt = [UInt8](jpeg)
    for i in corrupt.count / 2..<corrupt.count / 2 + 200 { corrupt[i] = UInt8(truncatingIfNeeded: i &* 37) }
    try Data(corrupt).write(to: photos.appendingPathComponent("corrupt.jpg"))
    let png = try Data(contentsOf: examples.appendingPathComponent("cat_chelsea_skimage.png"))
    try png.prefix(png.count / 2).write(to: photos.appendingPathComponent("truncated.png"))
    let store = temp.appendingPathComponent("weir.db").path

    let r = try WeirProcess.run([
      "run", "examples/pets/workflow.yaml", "--inputs", photos.path, "--store", store,
    ])
    #expect(r.status == 1)
    let out = Self.normalized(r.stdout, store: store)
    #expect(
      out.hasPrefix("ran 'pets' on 4 inputs, 3 failed: 1 annotation written to STORE (run ID)\n"), "\(out)")
    #expect(
      out.contains(
        """
        inputs
          accepted  1  cat_kitten_gcompris.jpg (cat 0.99)
          failed    3  corrupt.jpg, truncated.jpg, truncated.png

        failed inputs

        """), "\(out)")
    let reason = { (name: String) in "at detect: cannot read image '\(photos.path)/\(name)': " }
    #expect(out.contains("\n  corrupt.jpg \(reason("corrupt.jpg"))corrupt JPEG data: "), "\(out)")
    #expect(out.contains("\n  truncated.jpg \(reason("truncated.jpg"))truncated JPEG data\n"), "\(out)")
    #expect(out.contains("\n  truncated.png \(reason("truncated.png"))truncated PNG data\n"), "\(out)")

    let (_, boxes) = try Self.coco(store)
    #expect(
      boxes.map { "\($0.image) \($0.bbox) \($0.status)" } == [
        "cat_kitten_gcompris.jpg [263, 140, 130, 130] 24150"
      ])
    let failed = try DatabaseQueue(path: store).read { db in
      try Row.fetchAll(
        db,
        sql:
          "SELECT input_id, error_node, error_message FROM inputs WHERE status = 'failed' ORDER BY input_id"
      )
      .map {
        "\($0["input_id"] as String) \($0["error_node"] as String? ?? "-") \($0["error_message"] as String? ?? "")"
      }
    }
    #expect(failed.count == 3)
    #expect(
      failed.map { $0.split(separator: " ").prefix(2).joined(separator: " ") } == [
        "corrupt.jpg detect", "truncated.jpg detect", "truncated.png detect",
      ])
    #expect(
      failed.allSatisfy { $0.contains(": corrupt JPEG data") || $0.contains(": truncated") }, "\(failed)")
  }

  /// A long run lists twenty inputs per group, the first by name, and counts the rest; an input
  /// with several annotations names its two most confident. 60 synthetic images of 5 boxes each
  /// (`weir bench gen`, seed 1), replayed through the reference thresholds at 0.95 / 0.60.
  @Test func longRunsListTwentyInputsPerGroupAndCountTheRest() throws {
    let temp = FileManager.default.temporaryDirectory.appendingPathComponent(
      "weir-pets-long-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: temp, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: temp) }
    let predictions = temp.appendingPathComponent("predictions.jsonl").path
    let gen = try WeirProcess.run(["bench", "gen", "--images", "60", "--regions", "5", "-o", predictions])
    try #require(gen.status == 0, "\(gen.stderr)")
    let workflow = temp.appendingPathComponent("workflow.yaml")
    try Data(
      ReferenceWorkflow.replayed(name: "long").utf8
    ).write(to: workflow)
    let r = try WeirProcess.run(["run", workflow.path, "--dry-run"])
    #expect(r.status == 0, "\(r.stderr)")
    let section = try #require(r.stdout.range(of: "\ninputs\n")).lowerBound
    #expect(
      String(r.stdout[section...]) == """

        inputs
          accepted  11  img-000001.jpg (dog 0.99), img-000009.jpg (dog 0.96), img-000011.jpg (dog 0.99),
                        img-000015.jpg (cat 0.97), img-000025.jpg (dog 0.99), img-000041.jpg (cat 0.95),
                        img-000043.jpg (cat 0.97), img-000044.jpg (dog 0.99), img-000045.jpg (cat 0.99),
                        img-000049.jpg (dog 0.99), img-000052.jpg (cat 0.98)
          review    52  img-000001.jpg (dog 0.81, dog 0.76, +1), img-000002.jpg (cat 0.94, cat 0.87, +1),
                        img-000003.jpg (dog 0.88, dog 0.86, +2), img-000006.jpg (cat 0.88, cat 0.79),
                        img-000007.jpg (cat 0.72, dog 0.67), img-000008.jpg (dog 0.88),
                        img-000009.jpg (dog 0.64), img-000010.jpg (cat 0.76, cat 0.61),
                        img-000011.jpg (dog 0.91, cat 0.78, +1), img-000012.jpg (dog 0.90),
                        img-000014.jpg (cat 0.89), img-000015.jpg (dog 0.88), img-000016.jpg (cat 0.79),
                        img-000017.jpg (dog 0.87), img-000018.jpg (dog 0.77, dog 0.69, +1),
                        img-000020.jpg (dog 0.91, dog 0.85, +1), img-000021.jpg (cat 0.93, cat 0.70),
                        img-000022.jpg (cat 0.74, cat 0.60), img-000023.jpg (dog 0.79),
                        img-000024.jpg (cat 0.87) and 32 more
          nothing    6  img-000004.jpg, img-000005.jpg, img-000013.jpg, img-000019.jpg, img-000030.jpg,
                        img-000055.jpg

        """)
  }

  /// `weir bench vision` on one photo: its size, the boxes found, the times; a photo that cannot be
  /// read is named with the reason and exit status 1.
  @Test func benchVisionTimesEachPhotoOnOneThreadAndAllCores() throws {
    let tabby = "examples/pets/photos/cat_tabby_opencvdoc.jpg"
    let r = try WeirProcess.run(["bench", "vision", "--repetitions", "1", tabby])
    #expect(r.status == 0, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(
      lines.first?.hasPrefix("cat-face on 1 photo: scale factor 1.1, min neighbors 3, fastest of 1, ") == true
    )
    let row = try #require(lines.first { $0.hasPrefix("cat_tabby_opencvdoc.jpg ") }).split(separator: " ")
    #expect(row.count == 7, "\(row)")
    #expect(row[1] == "300x225" && row[2] == "catFace" && row[6] == "2", "two boxes, as OpenCV: \(row)")
    #expect(row[3...5].allSatisfy { Double($0).map { $0 > 0 } == true }, "\(row)")
    #expect(lines.contains { $0.hasPrefix("per photo (mean): decode ") })

    let temp = FileManager.default.temporaryDirectory.appendingPathComponent(
      "weir-bench-\(UUID().uuidString).jpg")
    defer { try? FileManager.default.removeItem(at: temp) }
    let jpeg = try Data(contentsOf: Repository.root.appendingPathComponent(tabby))
    try jpeg.prefix(jpeg.count / 2).write(to: temp)
    let bad = try WeirProcess.run(["bench", "vision", "--repetitions", "1", temp.path])
    #expect(bad.status == 1)
    #expect(bad.stderr.hasSuffix("weir: \(temp.path): truncated JPEG data\n"), "\(bad.stderr)")
    let missing = try WeirProcess.run(["bench", "vision", "no/such/photos"])
    #expect(missing.status == 2)
    #expect(missing.stderr == "weir: no/such/photos: no such file or folder\n")
  }
}
