import Foundation
import Testing
import WeirTestSupport

/// `truth` beyond COCO: a YOLO dataset folder (both layouts) and an annotation store's reviewed
/// labels, through the real `weir repl`, with the pets fixtures (replayed predictions, COCO truth).
@Suite struct ReplLabelTruthTests {
  /// The sweep's table rows (value, counts, precision, recall…), without the ground truth's name.
  static func sweepRows(_ stdout: String) -> [String] {
    stdout.split(separator: "\n").map(String.init).filter { $0.contains("%") && !$0.contains(":") }
  }

  /// `pets-truth.json` written as YOLO label files: `class cx cy w h`, normalized, six decimals. The
  /// images are placeholders (the reader never opens them: normalized boxes need no size).
  static func writeYOLO(
    _ dir: URL, folder: String, layout: (images: String, labels: String), extra: (String) -> String = { $0 }
  ) throws {
    let coco = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("pets-truth.json")))
        as? [String: Any])
    let images = try #require(coco["images"] as? [[String: Any]])
    let annotations = try #require(coco["annotations"] as? [[String: Any]])
    let fm = FileManager.default
    let root = dir.appendingPathComponent(folder)
    for sub in [layout.images, layout.labels] {
      try fm.createDirectory(at: root.appendingPathComponent(sub), withIntermediateDirectories: true)
    }
    for image in images {
      let name = try #require(image["file_name"] as? String)
      let id = try #require(image["id"] as? Int)
      let (w, h) = (
        Double(try #require(image["width"] as? Int)), Double(try #require(image["height"] as? Int))
      )
      try Data([0xFF, 0xD8]).write(to: root.appendingPathComponent("\(layout.images)/\(name)"))
      var lines = ""
      for a in annotations where a["image_id"] as? Int == id {
        let b = try #require(a["bbox"] as? [Double])
        let c = try #require(a["category_id"] as? Int) - 1
        let values = [(b[0] + b[2] / 2) / w, (b[1] + b[3] / 2) / h, b[2] / w, b[3] / h]
        lines += "\(c) " + values.map { String(format: "%.6f", $0) }.joined(separator: " ") + "\n"
      }
      let stem = (name as NSString).deletingPathExtension
      try extra(lines).write(
        to: root.appendingPathComponent("\(layout.labels)/\(stem).txt"), atomically: true, encoding: .utf8)
    }
  }

  @Test func aYOLODatasetGivesTheSameFiguresAsTheSameLabelsInCOCO() throws {
    let dir = try ReplCLI.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    // Ultralytics' layout, with data.yaml naming the classes by id.
    try Self.writeYOLO(dir, folder: "ultralytics", layout: ("images/val", "labels/val"))
    try "path: .\ntrain: images/val\nval: images/val\nnames:\n  0: cat\n  1: dog\n".write(
      to: dir.appendingPathComponent("ultralytics/data.yaml"), atomically: true, encoding: .utf8)
    // The plain layout: classes.txt, each image's labels beside it.
    try Self.writeYOLO(dir, folder: "plain", layout: ("", ""))
    try "cat\ndog\n".write(
      to: dir.appendingPathComponent("plain/classes.txt"), atomically: true, encoding: .utf8)

    let sweep = "sweep accept 0.5..0.95 step 0.05 --iou 0.5\n"
    let coco = try ReplScriptTests.run(["pets.yaml", "--truth", "pets-truth.json"], script: sweep, in: dir)
    #expect(coco.status == 0, "\(coco.stderr)")
    for folder in ["ultralytics", "plain"] {
      let yolo = try ReplScriptTests.run(["pets.yaml", "--truth", folder], script: sweep, in: dir)
      #expect(yolo.stderr == "")
      #expect(yolo.status == 0)
      #expect(
        yolo.stdout.contains(
          "ground truth \(folder): 35 objects on 16 images (cat 23, dog 12) · covers 16 of 16 inputs"),
        "\(yolo.stdout)")
      #expect(Self.sweepRows(yolo.stdout).count == 10)
      #expect(Self.sweepRows(yolo.stdout) == Self.sweepRows(coco.stdout))
    }
  }

  /// A bad dataset is an error that says where and what, and the ground truth loaded before stays.
  @Test func aBadYOLODatasetIsAnErrorAndKeepsTheTruthLoadedBefore() throws {
    let dir = try ReplCLI.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Self.writeYOLO(dir, folder: "noclasses", layout: ("images", "labels"))
    try Self.writeYOLO(dir, folder: "short", layout: ("images", "labels")) { text in
      text.isEmpty ? text : "0 0.5 0.5 0.2\n"
    }
    try "cat\ndog\n".write(
      to: dir.appendingPathComponent("short/classes.txt"), atomically: true, encoding: .utf8)
    try Self.writeYOLO(dir, folder: "badyaml", layout: ("images/train", "labels/train"))
    try "train: images/train\nnames: {0: cat, 2: dog}\n".write(
      to: dir.appendingPathComponent("badyaml/data.yaml"), atomically: true, encoding: .utf8)

    let script = "truth noclasses\ntruth short\ntruth badyaml\nrun\n"
    let r = try ReplScriptTests.run(["pets.yaml", "--truth", "pets-truth.json"], script: script, in: dir)
    #expect(r.status == 1)
    let errors = r.stderr.split(separator: "\n").map(String.init)
    #expect(
      errors == [
        "line 1: error: noclasses: not a YOLO dataset: the folder has no data.yaml or classes.txt naming the classes",
        "line 2: error: short/labels/img01.txt:1: expected 'class cx cy w h' (5 numbers), found 4: '0 0.5 0.5 0.2'",
        "line 3: error: badyaml/data.yaml:2:17: names must map the class ids 0, 1, 2, … in order to names",
      ], "\(r.stderr)")
    #expect(r.stdout.contains("  ground truth: precision "), "the COCO truth is still loaded")
  }

  /// A store whose review items were decided through a Label Studio import: reviewers kept every box above
  /// 0.7 and rejected the rest. As ground truth it scores a sweep and says, per band, what they kept.
  @Test func aReviewedStoreIsGroundTruthAndSweepSaysWhatReviewersKeptPerBand() throws {
    let dir = try ReplCLI.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try WeirProcess.run(["run", "pets.yaml", "--store", "weir.db"], in: dir)
    #expect(run.status == 0, "\(run.stderr)")

    let undecided = try ReplScriptTests.run(["pets.yaml", "--truth", "weir.db"], script: "", in: dir)
    #expect(undecided.status == 1)
    #expect(
      undecided.stderr
        == "error: weir.db: the store holds no review decisions, so its labels are only the model's own "
        + "predictions; review them first (weir review, or weir annotations import of a reviewed export)\n")

    let export = try WeirProcess.run(
      ["annotations", "export", "--format", "labelstudio", "--output", "tasks.json"], in: dir)
    #expect(export.status == 0, "\(export.stderr)")
    var tasks = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("tasks.json")))
        as? [[String: Any]])
    for t in tasks.indices {
      guard let predictions = tasks[t]["predictions"] as? [[String: Any]],
        let results = predictions.first?["result"] as? [[String: Any]]
      else { continue }
      tasks[t]["annotations"] = [
        [
          "completed_by": 1, "created_at": "2024-05-02T09:00:00Z",
          "result": results.filter { ($0["score"] as? Double ?? 0) > 0.7 },
        ]
      ]
    }
    try JSONSerialization.data(withJSONObject: tasks).write(to: dir.appendingPathComponent("reviewed.json"))
    let imported = try WeirProcess.run(
      ["annotations", "import", "reviewed.json", "--format", "labelstudio"], in: dir)
    #expect(imported.status == 0, "\(imported.stderr)")

    let r = try ReplScriptTests.run(
      ["pets.yaml", "--truth", "weir.db"], script: "sweep accept 0.5..0.95 step 0.05\n", in: dir)
    #expect(r.stderr == "")
    #expect(r.status == 0)
    #expect(r.stdout.contains("review decisions: sweep shows what reviewers kept per band"), "\(r.stdout)")
    #expect(r.stdout.contains("reviewers' decisions in weir.db, per band between swept values:"))
    let bands = r.stdout.split(separator: "\n").map(String.init).filter { $0.hasPrefix("  at accept = ") }
    #expect(!bands.isEmpty)
    for line in bands {
      // "  at accept = 0.65, reviewers accepted 0% of (0.65, 0.7] (0 of 3 decided)"
      let low = try #require(Double(line.dropFirst("  at accept = ".count).prefix { $0 != "," }))
      #expect(
        line.contains(low >= 0.7 ? "reviewers accepted 100% of" : "reviewers accepted 0% of"), "\(line)")
    }
  }
}
