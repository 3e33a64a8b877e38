import Foundation
import Testing
import WeirVision

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A whole tuning session through the real binary: the example workflow with the built-in
/// cat-face detector on real photos, thresholds changed, swept with plots, explained and saved.
@Suite struct ReplSessionScriptTests {
  static let photos = [
    "cat_tabby_opencvdoc.jpg", "cat_kitten_gcompris.jpg", "cat_chelsea_skimage.png", "cat_yarn_gcompris.jpg",
  ]

  /// A scratch folder with the example workflow and four of its photos; the caller removes it.
  static func example() throws -> URL {
    let dir = try ReplCLI.scratch()
    let pets = ReplCLI.root.appendingPathComponent("examples/pets")
    try FileManager.default.copyItem(
      at: pets.appendingPathComponent("workflow.yaml"), to: dir.appendingPathComponent("workflow.yaml"))
    try FileManager.default.createDirectory(
      at: dir.appendingPathComponent("photos"), withIntermediateDirectories: true)
    for photo in photos {
      try FileManager.default.copyItem(
        at: pets.appendingPathComponent("photos/\(photo)"), to: dir.appendingPathComponent("photos/\(photo)"))
    }
    return dir
  }

  @Test func tuneSweepPlotExplainAndSave() throws {
    let dir = try Self.example()
    defer { try? FileManager.default.removeItem(at: dir) }
    let original = try String(contentsOf: dir.appendingPathComponent("workflow.yaml"), encoding: .utf8)
    let script = """
      # tune the example's accept threshold
      run
      set accept = 0.9
      run
      diff
      sweep accept 0.3..0.95 step 0.05 --plot sweep.svg
      sweep accept 0.3..0.95 14 points --plot sweep.png
      explain cat_tabby_opencvdoc.jpg
      save
      quit
      """
    let r = try ReplScriptTests.run(["workflow.yaml", "--inputs", "photos"], script: script, in: dir)
    #expect(r.stderr == "")
    #expect(r.status == 0)
    let out = r.stdout
    #expect(out.contains("4 inputs · 4 regions"))
    #expect(out.contains("run 2 · 4 inputs · 4 regions · 4 predictions"))
    #expect(out.contains("1 prediction changed branch between run 1 and run 2:\n  accepted → review: 1"))
    #expect(out.contains("cat 0.854247 → review"))
    #expect(out.contains("plot written to sweep.svg"))
    #expect(out.contains("plot written to sweep.png"))
    #expect(out.contains("saved 1 change to workflow.yaml\n  line 17: accept  0.80 → 0.90"), "\(out)")
    let saved = try String(contentsOf: dir.appendingPathComponent("workflow.yaml"), encoding: .utf8)
    #expect(saved == original.replacingOccurrences(of: "  accept: 0.80 ", with: "  accept: 0.90 "))
    try checkSVG(dir.appendingPathComponent("sweep.svg"))
    try checkPNG(dir.appendingPathComponent("sweep.png"))
  }

  /// The SVG is well-formed, with axes, tick labels, one line per branch through every value.
  func checkSVG(_ url: URL) throws {
    let document = try XMLDocument(contentsOf: url, options: [])
    let root = try #require(document.rootElement())
    #expect(root.name == "svg")
    // Attributes by scanning: FoundationXML's attribute(forName:) misses them under a default namespace.
    func attribute(_ element: XMLElement, _ name: String) -> String? {
      element.attributes?.first { $0.name == name }?.stringValue
    }
    func elements(_ role: String) -> [XMLElement] {
      (root.children ?? []).compactMap { $0 as? XMLElement }.filter { attribute($0, "class") == role }
    }
    for branch in ["accepted", "review", "dropped"] {
      let line = try #require(elements("series \(branch)").first, "a line for \(branch)")
      let points = attribute(line, "points")?.split(separator: " ") ?? []
      #expect(points.count == 14, "\(branch) has a point per value")
      #expect(elements("point \(branch)").count == 14)
    }
    #expect(elements("axis").count == 1)
    let xLabels = elements("tick-label x").compactMap(\.stringValue)
    #expect(xLabels.contains("0.4") && xLabels.contains("0.8"), "\(xLabels)")
    let yLabels = elements("tick-label y").compactMap(\.stringValue)
    #expect(yLabels.first == "0")
    #expect(elements("axis-label x").first?.stringValue == "accept")
    #expect(elements("axis-label y").first?.stringValue == "predictions")
    #expect(elements("current").count == 1, "the value in force is marked")
    #expect(elements("title").first?.stringValue == "sweep accept: 4 predictions on 4 inputs")
  }

  /// The PNG decodes, has the chart's size, and shows the branch colours, the ink of the axes and
  /// a mostly white background.
  func checkPNG(_ url: URL) throws {
    let image = try ImageDecoder.decodeRGB(contentsOf: url)
    #expect(image.width == 900)
    #expect(image.height == 540)
    var counts: [String: Int] = [:]
    let colors = [
      "accepted": (46, 125, 50), "review": (239, 108, 0), "dropped": (117, 117, 117), "ink": (33, 33, 33),
      "white": (255, 255, 255),
    ]
    for i in stride(from: 0, to: image.pixels.count, by: 3) {
      let p = (Int(image.pixels[i]), Int(image.pixels[i + 1]), Int(image.pixels[i + 2]))
      for (name, c) in colors where p == c { counts[name, default: 0] += 1 }
    }
    for name in ["accepted", "review", "dropped", "ink"] {
      #expect(counts[name, default: 0] > 200, "\(name): \(counts)")
    }
    #expect(counts["white", default: 0] > image.width * image.height / 2)
    // The left axis is a dark vertical line at x = 80 through the plot area.
    let axisDark = (100..<400).filter { y in image.pixels[(y * image.width + 80) * 3] < 100 }.count
    #expect(axisDark > 250)
  }
}

@Suite struct ReplTruthScriptTests {
  /// Replayed predictions and COCO ground truth: precision and recall in the table and on the plot.
  @Test func sweepWithGroundTruthPlotsPrecisionAndRecall() throws {
    let dir = try ReplCLI.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let script = "sweep accept 0.5..0.95 step 0.05 --plot accept.svg --iou 0.5\nrun\n"
    let r = try ReplScriptTests.run(["pets.yaml", "--truth", "pets-truth.json"], script: script, in: dir)
    #expect(r.stderr == "")
    #expect(r.status == 0)
    #expect(
      r.stdout.hasPrefix("loaded pets.yaml (native): 6 nodes, 2 vars, 2 writers · 16 inputs · 46 regions\n"))
    #expect(
      r.stdout.contains(
        "ground truth pets-truth.json: 35 objects on 16 images (cat 23, dog 12) · covers 16 of 16 inputs"))
    #expect(r.stdout.contains("  accept  accepted  review  dropped  precision  recall  in review  missed"))
    #expect(r.stdout.contains("  ground truth: precision "))
    let svg = try String(contentsOf: dir.appendingPathComponent("accept.svg"), encoding: .utf8)
    #expect(svg.contains("class=\"series precision\""))
    #expect(svg.contains("class=\"series recall\""))
    #expect(svg.contains(">100%</text>"), "the right axis is in percent")
  }

  @Test func aMissingFileOnTheCommandLineIsAnErrorAndTheRestGoesOn() throws {
    let dir = try ReplCLI.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try ReplScriptTests.run(["nope.yaml"], script: "help run\n", in: dir)
    #expect(r.stderr == "error: cannot read 'nope.yaml': no such file\n")
    #expect(
      r.stdout == "usage: run\n  run over the cached model outputs; counts per writer, status and concept\n")
    #expect(r.status == 1)
  }
}
