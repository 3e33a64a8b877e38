import Foundation
import Testing

@testable import WeirCore

#if canImport(Glibc)
  import Glibc
#endif

/// Issue 12, items 17–19: names that are not UTF-8, control characters shown visibly, model output
/// checked where it enters the runtime.
@Suite struct HygieneTests {
  typealias S = RuntimeTestSupport

  /// Creates a file whose name is raw bytes (not necessarily UTF-8) in `folder`.
  func touch(_ folder: URL, _ name: [UInt8]) throws {
    var path = Array(folder.path.utf8) + [UInt8(ascii: "/")] + name + [0]
    let fd = path.withUnsafeMutableBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
    }
    try #require(fd >= 0)
    close(fd)
  }

  @Test func imagesWithNamesThatAreNotUTF8AreSkippedAndNamed() throws {
    let root = try S.temporaryFolder("weir-names")
    defer { try? FileManager.default.removeItem(at: root) }
    let photos = root.appendingPathComponent("photos")
    try S.write("x", to: photos.appendingPathComponent("cat.jpg"))
    try touch(photos, Array("caf".utf8) + [0xE9] + Array(".jpg".utf8))
    try touch(photos, [0xFF, 0xFE] + Array(".png".utf8))
    try touch(photos, Array("notes".utf8) + [0xE9] + Array(".txt".utf8))
    try FileManager.default.createDirectory(
      at: photos.appendingPathComponent("sub"), withIntermediateDirectories: true)
    try touch(photos.appendingPathComponent("sub"), Array("x".utf8) + [0x80] + Array(".jpeg".utf8))

    let resolver = InputResolver(baseDirectory: root.path)
    let folder = try resolver.resolveAll(["photos"])
    #expect(folder.items.map(\.id) == ["cat.jpg"])
    // The text file is no input either way; the images are named with their bad bytes escaped.
    #expect(folder.skipped == ["photos/\\xFF\\xFE.png", "photos/caf\\xE9.jpg", "photos/sub/x\\x80.jpeg"])
    #expect(
      folder.skippedMessage
        == "skipped 3 images or folders whose names are not UTF-8 (input ids must be text): "
        + "photos/\\xFF\\xFE.png, photos/caf\\xE9.jpg, photos/sub/x\\x80.jpeg")

    let glob = try resolver.resolveAll(["photos/*.jpg"])
    #expect(glob.items.map(\.id) == ["cat.jpg"])
    #expect(glob.skipped == ["photos/caf\\xE9.jpg"])

    // A folder holding only such images says so in its error.
    let only = root.appendingPathComponent("only")
    try FileManager.default.createDirectory(at: only, withIntermediateDirectories: true)
    try touch(only, [0xE9] + Array(".jpg".utf8))
    #expect(throws: InputSourceError.self) { try resolver.resolveAll(["only"]) }
    do {
      _ = try resolver.resolveAll(["only"])
    } catch {
      #expect(
        error.description
          == "only: no images (.jpg, .jpeg, .png, …) in this folder; skipped 1 image or folder whose name is "
          + "not UTF-8 (input ids must be text): \\xE9.jpg")
    }
  }

  @Test func controlCharactersAreShownAsEscapes() {
    #expect(VisibleText.escaped("cat.jpg") == "cat.jpg")
    #expect(VisibleText.escaped("猫 café 🐈") == "猫 café 🐈")
    #expect(VisibleText.escaped("a\u{1B}[2Jb") == "a\\x1B[2Jb")
    #expect(VisibleText.escaped("line\nnext\tx\r") == "line\\nnext\\tx\\r")
    #expect(VisibleText.escaped("\u{7F}\u{9B}31m") == "\\x7F\\u{9B}31m")
    #expect(VisibleText.escaped("evil\u{202E}gpj.exe") == "evil\\u{202E}gpj.exe")
    #expect(VisibleText.escaped("back\\slash") == "back\\slash")
    #expect(
      VisibleText.bytes(Array("ok ".utf8) + [0xC3, 0xA9, 0xFF, 0x1B, 0xE2, 0x82])
        == "ok é\\xFF\\x1B\\xE2\\x82")
  }

  func record(concepts: [Concept] = [], regions: [Region] = []) -> DataRecord {
    DataRecord(concepts: concepts, regions: regions)
  }

  @Test func confidencesOutsideZeroToOneFailTheInputAndTinyOvershootIsClamped() {
    let bad = ModelOutputCheck.check(record(concepts: [Concept(id: "cat", value: 5)]), model: "pets")
    #expect(
      bad.failureMessage
        == "model 'pets' gave concept 'cat' the confidence 5; confidences are between 0 and 1")
    let region = Region(id: "r1", concepts: [Concept(id: "dog", value: -0.2)])
    #expect(
      ModelOutputCheck.check(record(regions: [region]), model: "pets").failureMessage
        == "model 'pets' gave concept 'dog' in region 'r1' the confidence -0.2; confidences are between 0 and 1"
    )
    let valued = Region(id: "r2", value: .nan)
    #expect(
      ModelOutputCheck.check(record(regions: [valued]), model: "pets").failureMessage
        == "model 'pets' gave region 'r2' the confidence nan; confidences are between 0 and 1")
    let tiny = ModelOutputCheck.check(
      record(concepts: [Concept(id: "cat", value: 1.000_000_1), Concept(id: "dog", value: -1e-9)]),
      model: "pets")
    #expect(tiny.successValue?.concepts.map(\.value) == [1, 0])
  }

  @Test func boxesMustBeInsideTheImageAndNotInverted() {
    func box(_ t: Double, _ l: Double, _ b: Double, _ r: Double) -> Result<DataRecord, ModelError> {
      let region = Region(
        id: "r1", boundingBox: BoundingBox(topRow: t, leftCol: l, bottomRow: b, rightCol: r))
      return ModelOutputCheck.check(record(regions: [region]), model: "pets")
    }
    #expect(
      box(0.9, 0.9, 0.1, 0.1).failureMessage
        == "model 'pets' gave region 'r1' the box top 0.9, left 0.9, bottom 0.1, right 0.1: its top is below its bottom"
    )
    #expect(
      box(0.1, 0.9, 0.5, 0.1).failureMessage
        == "model 'pets' gave region 'r1' the box top 0.1, left 0.9, bottom 0.5, right 0.1: its left is right of its right"
    )
    #expect(
      box(-0.8, 0.1, 2, 0.5).failureMessage
        == "model 'pets' gave region 'r1' the box top -0.8, left 0.1, bottom 2, right 0.5; box sides are fractions "
        + "of the image, between 0 and 1")
    #expect(
      box(-1e-8, 0, 1 + 1e-8, 1).successValue?.regions.first?.boundingBox
        == BoundingBox(topRow: 0, leftCol: 0, bottomRow: 1, rightCol: 1))
    #expect(box(0.5, 0.5, 0.5, 0.5).successValue != nil)
  }

  @Test func aConceptListedTwiceInARegionKeepsItsHigherValueWhereItWasFirst() {
    let region = Region(
      id: "r1",
      concepts: [
        Concept(id: "cat", value: 0.4), Concept(id: "dog", value: 0.7), Concept(id: "cat", value: 0.9),
        Concept(id: "dog", value: 0.2),
      ])
    let checked = ModelOutputCheck.check(record(regions: [region]), model: "pets")
    #expect(
      checked.successValue?.regions.first?.concepts == [
        Concept(id: "cat", value: 0.9), Concept(id: "dog", value: 0.7),
      ])
  }

  @Test func cleanAnswersComeBackAsTheyAreAndMinusZeroBecomesZero() {
    let concepts = [
      Concept(id: "cat", value: 0), Concept(id: "dog", value: 1), Concept(id: "cow", value: 0.5),
    ]
    let region = Region(
      id: "r1", boundingBox: BoundingBox(topRow: 0, leftCol: 0.25, bottomRow: 1, rightCol: 0.75),
      concepts: concepts, value: 0.5)
    let clean = record(concepts: concepts, regions: [region])
    #expect(ModelOutputCheck.check(clean, model: "pets").successValue == clean)
    let zero = ModelOutputCheck.check(record(concepts: [Concept(id: "cat", value: -0.0)]), model: "pets")
    #expect(zero.successValue?.concepts.first?.value.sign == .plus)
    // Many concepts, one repeated at the end: still merged.
    let many = (0..<10).map { Concept(id: "c\($0)", value: 0.1) } + [Concept(id: "c0", value: 0.9)]
    let merged = ModelOutputCheck.check(record(concepts: many), model: "pets").successValue?.concepts
    #expect(merged?.count == 10 && merged?.first?.value == 0.9)
  }
}

extension Result {
  fileprivate var failureMessage: String? {
    if case .failure(let e) = self { return "\(e)" }
    return nil
  }

  fileprivate var successValue: Success? {
    if case .success(let v) = self { return v }
    return nil
  }
}
