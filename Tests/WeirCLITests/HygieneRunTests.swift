import Foundation
import Testing
import WeirTestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Issue 12, items 17–19 end to end: a model's impossible answer fails its input alone, escape
/// sequences in ids reach the terminal as visible text, and images with names that are not UTF-8
/// are named on stderr instead of vanishing.
@Suite(.serialized) struct HygieneRunTests {
  static let workflow = """
    weir: 1
    workflow: hygiene
    models:
      pets: {type: visual-detector, concepts: [cat], backend: {replay: predictions.jsonl}}
    nodes:
      detect: {model: pets}
      write:
        type: annotation-writer
        input: detect
        params: {annotation_status: ANNOTATION_SUCCESS, annotation_user_id: bot, task_id: t}
    """

  static func answer(_ id: String, value: Double, box: [Double] = [0.1, 0.2, 0.5, 0.6]) -> String {
    let input = String(data: try! JSONEncoder().encode(id), encoding: .utf8)!
    return """
      {"input": \(input), "regions": [{"id": "r1", "region_info": {"bounding_box": {"top_row": \(box[0]), \
      "left_col": \(box[1]), "bottom_row": \(box[2]), "right_col": \(box[3])}}, "data": {"concepts": \
      [{"id": "cat", "value": \(value)}]}}]}
      """
  }

  @Test func badModelOutputFailsItsInputAndEscapesAreShownNotObeyed() throws {
    let temp = try TemporaryDirectory("weir-run")
    defer { temp.remove() }
    try temp.write("workflow.yaml", Self.workflow)
    let lines = [
      Self.answer("ok.jpg", value: 0.97),
      Self.answer("five.jpg", value: 5.0),
      Self.answer("flipped.jpg", value: 0.9, box: [0.9, 0.9, 0.1, 0.1]),
      Self.answer("\u{1B}[2Jred\u{1B}[31m.jpg", value: 0.97),
    ]
    try temp.write("predictions.jsonl", lines.joined(separator: "\n") + "\n")
    let store = temp.path("weir.db")
    let r = try WeirProcess.run(["run", temp.path("workflow.yaml"), "--store", store])
    #expect(r.status == 1, "\(r.stderr)")
    #expect(r.stdout.contains("ran 'hygiene' on 4 inputs, 2 failed: 2 annotations written to"))
    #expect(
      r.stdout.contains(
        "  five.jpg at detect: model 'pets' gave concept 'cat' in region 'r1' the confidence 5; confidences are "
          + "between 0 and 1\n"))
    #expect(
      r.stdout.contains(
        "  flipped.jpg at detect: model 'pets' gave region 'r1' the box top 0.9, left 0.9, bottom 0.1, right 0.1: "
          + "its top is below its bottom\n"))
    #expect(!r.stdout.contains("\u{1B}"), "a raw escape reached the terminal")
    #expect(r.stdout.contains("\\x1B[2Jred\\x1B[31m.jpg (cat 0.97)"))

    let list = try WeirProcess.run(["annotations", "list", "--store", store])
    #expect(list.status == 0, "\(list.stderr)")
    #expect(!list.stdout.contains("\u{1B}"))
    #expect(list.stdout.contains("\\x1B[2Jred\\x1B[31m.jpg"))
    #expect(list.stdout.hasSuffix("2 annotations\n"))
  }

  @Test func imagesWithNamesThatAreNotUTF8AreNamedOnStderr() throws {
    let temp = try TemporaryDirectory("weir-run")
    defer { temp.remove() }
    let photos = temp.url.appendingPathComponent("photos")
    try FileManager.default.createDirectory(at: photos, withIntermediateDirectories: true)
    let cat = Repository.root.appendingPathComponent(
      "examples/pets/photos/cat_kitten_gcompris.jpg")
    try FileManager.default.copyItem(at: cat, to: photos.appendingPathComponent("cat.jpg"))
    // photos/caf\xE9.jpg: Latin-1, as old cameras and archives write it.
    var name = Array(photos.path.utf8) + Array("/caf".utf8) + [0xE9] + Array(".jpg".utf8) + [0]
    let fd = name.withUnsafeMutableBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
    }
    try #require(fd >= 0)
    close(fd)
    let r = try WeirProcess.run([
      "run", "examples/pets/workflow.yaml", "--inputs", photos.path, "--store", temp.path("weir.db"),
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(
      r.stderr.contains(
        "weir: warning: skipped 1 image or folder whose name is not UTF-8 (input ids must be text): "
          + "\(photos.path)/caf\\xE9.jpg\n"))
    #expect(r.stdout.contains("ran 'pets' on 1 input"))
  }
}
