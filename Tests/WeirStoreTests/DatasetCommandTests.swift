import Foundation
import Testing
import WeirCore
import WeirTestSupport

@testable import WeirStore

/// `weir annotations export` as a trainer's data: COCO loaded by pycocotools, the YOLO folder read
/// the way Ultralytics reads a dataset, and an existing folder never written into.
@Suite struct DatasetCommandTests {
  @Test func pycocotoolsLoadsEveryImageTheCategoriesAndTheScores() throws {
    let pets = try PetsDataset()
    let r = try WeirProcess.run(
      ["annotations", "export", "--format", "coco", "--status", "all", "--output", "coco.json"],
      in: pets.temp.url)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(
      try String(contentsOfFile: pets.temp.path("coco.classes.txt"), encoding: .utf8) == "dog\ncat\noutdoor\n"
    )
    let script = """
      import json, sys
      from pycocotools.coco import COCO
      gt = COCO(sys.argv[1])
      print(len(gt.getImgIds()), sorted((c["id"], c["name"]) for c in gt.loadCats(gt.getCatIds())))
      print(sorted(gt.imgs[a["image_id"]]["file_name"] + " " + str(a["category_id"]) for a in gt.loadAnns(gt.getAnnIds())))
      dt = gt.loadRes(json.load(open(sys.argv[1]))["annotations"])
      print(sorted(round(a["score"], 2) for a in dt.loadAnns(dt.getAnnIds())))
      """
    let out = try Self.python(script, [pets.temp.path("coco.json")])
    #expect(
      out.split(separator: "\n").filter {
        !$0.hasPrefix("loading") && !$0.hasPrefix("Done") && !$0.hasPrefix("creating")
          && !$0.hasPrefix("index") && !$0.hasPrefix("Loading") && !$0.hasPrefix("DONE")
      }
        == [
          "3 [(1, 'dog'), (2, 'cat'), (3, 'outdoor')]",
          "['cat1.jpg 1', 'cat1.jpg 2', 'dog2.jpg 1']",
          "[0.62, 0.97, 0.99]",
        ], "\(out)")
  }

  @Test func theYOLODatasetReadsAsUltralyticsReadsIt() throws {
    let pets = try PetsDataset()
    let r = try WeirProcess.run(
      [
        "annotations", "export", "--format", "yolo", "--output", "dataset", "--val-fraction", "0.5", "--seed",
        "1",
      ],
      in: pets.temp.url)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(
      r.stderr
        == "note: 1 image known only by URL left out of the YOLO dataset: it needs files\n"
        + "wrote 2 annotations on 3 images (3 classes) to 'dataset'\n")
    let dataset = try YOLODataset(folder: pets.temp.url.appendingPathComponent("dataset"))
    #expect(dataset.names == ["dog", "cat", "outdoor"])
    // Accepted only by default: cat1.jpg's dog for review is not a label.
    #expect(dataset.labels["cat1.jpg"] == [YOLODataset.Label(cls: 1, box: [0.45, 0.35, 0.5, 0.5])])
    #expect(dataset.labels["park/empty.jpg"] == [], "a negative is in the dataset with no labels")
    #expect(dataset.labels.count == 2)
    for (name, source) in dataset.sources {
      #expect(source == pets.temp.url.path + "/photos/" + name, "images are links to the photos")
    }
    let other = try WeirProcess.run(
      [
        "annotations", "export", "--format", "yolo", "--output", "again", "--val-fraction", "0.5", "--seed",
        "1",
        "--concept", "dog", "--status", "all",
      ], in: pets.temp.url)
    #expect(other.status == 0, "\(other.stderr)")
    let again = try YOLODataset(folder: pets.temp.url.appendingPathComponent("again"))
    #expect(again.splits == dataset.splits, "the split does not depend on the filter")
    #expect(again.labels["cat1.jpg"]?.map(\.cls) == [0], "dog keeps its id under --concept dog")
  }

  @Test func anExportIntoAFolderThatHoldsAnythingIsRefusedAndWritesNothing() throws {
    let pets = try PetsDataset()
    try pets.temp.write("dataset/keep.txt", "mine\n")
    let r = try WeirProcess.run(
      ["annotations", "export", "--format", "yolo", "--output", "dataset"], in: pets.temp.url)
    #expect(r.status == 1)
    #expect(
      r.stderr
        == "error: cannot write 'dataset': the folder is not empty; an export writes a new or empty folder, so nothing was written\n"
    )
    #expect(try FileManager.default.contentsOfDirectory(atPath: pets.temp.path("dataset")) == ["keep.txt"])
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: pets.temp.url.path).filter { $0.hasPrefix(".") }
        == [])
    // An empty folder is fine, and --copy-images copies.
    try FileManager.default.createDirectory(
      atPath: pets.temp.path("empty"), withIntermediateDirectories: false)
    let ok = try WeirProcess.run(
      [
        "annotations", "export", "--format", "yolo", "--output", "empty", "--copy-images", "--val-fraction",
        "0",
      ],
      in: pets.temp.url)
    #expect(ok.status == 0, "\(ok.stderr)")
    let copy = pets.temp.path("empty/images/train/cat1.jpg")
    #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: copy)) == nil)
    #expect(
      FileManager.default.contents(atPath: copy)
        == FileManager.default.contents(atPath: pets.temp.path("photos/cat1.jpg")))
  }

  /// Runs a Python script; pycocotools comes from `scripts/install-deps.sh`.
  static func python(_ script: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script] + arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    try #require(
      process.terminationStatus == 0,
      "python3 failed (is pycocotools installed? scripts/install-deps.sh): \(text)")
    return text
  }
}

/// A YOLO dataset read as Ultralytics reads one: `data.yaml`'s `train`/`val` folders beside it, every
/// image file below them, and for each image the label file at the path Ultralytics derives
/// (`img2label_paths`: the last `/images/` becomes `/labels/`, the extension `.txt`); a missing label
/// file is an image with no labels. Lines are `class cx cy w h`, normalized, class < `nc`.
struct YOLODataset {
  struct Label: Equatable {
    var cls: Int
    var box: [Double]

    static func == (a: Label, b: Label) -> Bool {
      a.cls == b.cls && zip(a.box, b.box).allSatisfy { abs($0 - $1) < 1e-6 }
    }
  }

  var names: [String] = []
  /// Image path below its split folder → labels.
  var labels: [String: [Label]] = [:]
  /// Image path below its split folder → train or val.
  var splits: [String: String] = [:]
  /// Image path below its split folder → the file its link points at.
  var sources: [String: String] = [:]

  init(folder: URL) throws {
    let yaml = try String(contentsOf: folder.appendingPathComponent("data.yaml"), encoding: .utf8)
    var folders: [String: String] = [:]
    var nc = -1
    for line in yaml.split(separator: "\n") where !line.hasPrefix("#") {
      if line.hasPrefix("  ") {
        let parts = line.trimmingCharacters(in: .whitespaces).split(separator: ":", maxSplits: 1)
        try #require(Int(parts[0]) == names.count, "names are numbered 0, 1, …: \(line)")
        names.append(String(parts[1].trimmingCharacters(in: .whitespaces).dropFirst().dropLast()))
      } else if let colon = line.firstIndex(of: ":") {
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        switch line[..<colon] {
        case "train", "val": folders[String(line[..<colon])] = value
        case "nc": nc = Int(value) ?? -1
        case "names": break
        default: Issue.record("unexpected key in data.yaml: \(line)")
        }
      }
    }
    #expect(nc == names.count)
    for split in ["train", "val"] where split == "train" || folders["val"] != folders["train"] {
      let images = folder.appendingPathComponent(try #require(folders[split]))
      guard let walker = FileManager.default.enumerator(atPath: images.path) else { continue }
      for case let name as String in walker where [".jpg", ".png"].contains(where: name.hasSuffix) {
        let image = images.path + "/" + name
        let label = Self.labelPath(image)
        let text = (try? String(contentsOfFile: label, encoding: .utf8)) ?? ""
        labels[name] = try text.split(separator: "\n").map { line in
          let fields = line.split(separator: " ")
          try #require(fields.count == 5, "\(label): \(line)")
          let cls = try #require(Int(fields[0]))
          let box = fields.dropFirst().compactMap { Double($0) }
          #expect(cls >= 0 && cls < nc && box.count == 4 && box.allSatisfy { $0 >= 0 && $0 <= 1 }, "\(line)")
          return Label(cls: cls, box: box)
        }
        splits[name] = folders[split] == "images/val" ? "val" : "train"
        sources[name] = try? FileManager.default.destinationOfSymbolicLink(atPath: image)
      }
    }
  }

  /// Ultralytics' `img2label_paths`.
  static func labelPath(_ image: String) -> String {
    guard let range = image.range(of: "/images/", options: .backwards) else { return image }
    let swapped = image.replacingCharacters(in: range, with: "/labels/")
    return (swapped as NSString).deletingPathExtension + ".txt"
  }
}
