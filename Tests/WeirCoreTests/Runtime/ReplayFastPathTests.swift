import Foundation
import Testing

@testable import WeirCore

/// The COCO reader's fast paths (numeric ids read as text, detections grouped per image, boxes
/// keyed by bit pattern, region ids written without formatting) give what the plain reading gave.
@Suite struct ReplayFastPathTests {
  typealias S = RuntimeTestSupport

  /// Loads COCO results written as `results`, against a COCO file with images 7 (`x.jpg`) and
  /// 10 (`y.jpg`) and categories 1 (cat) and 2 (dog).
  static func load(results: String) throws -> ReplayData {
    let folder = try S.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let images = folder.appendingPathComponent("images.json")
    try S.write(
      """
      {"images": [{"id": 7, "file_name": "x.jpg", "width": 100, "height": 50},
                  {"id": 10, "file_name": "y.jpg", "width": 200, "height": 100}],
       "categories": [{"id": 1, "name": "cat"}, {"id": 2, "name": "dog"}]}
      """, to: images)
    let file = folder.appendingPathComponent("results.json")
    try S.write(results, to: file)
    return try ReplayLoader(images: images.path).load(file.path)
  }

  @Test func regionIdsAreTheHashOfTheFileNameAndTheBoxText() throws {
    let data = try Self.load(
      results: """
        [{"image_id": 7, "category_id": 1, "bbox": [10, 5.5, 50, 25], "score": 0.9}]
        """)
    let x = try data.prediction(for: InputItem(id: "x.jpg")).get()
    var hash = StableHash()
    hash.combine("x.jpg")
    hash.combine("10.0,5.5,50.0,25.0")
    #expect(x.regions.map(\.id) == [hash.hexId])
    // The hex digits are the 64-bit values in lowercase, zero-padded to 16 each.
    let value = hash.value
    let plain = String(value, radix: 16)
    #expect(hash.hexId.hasPrefix(String(repeating: "0", count: 16 - plain.count) + plain))
    #expect(StableHash.hex(0xab) == "00000000000000ab")
    #expect(StableHash.hex(.max) == "ffffffffffffffff")
  }

  @Test func numericIdsReadAsTheirText() throws {
    // 7.0 and 1e1 are the whole numbers 7 and 10; their ids are "7" and "10" as before.
    let data = try Self.load(
      results: """
        [{"image_id": 7.0, "category_id": 1, "bbox": [0, 0, 10, 10], "score": 0.5},
         {"image_id": 1e1, "category_id": 2.0, "bbox": [0, 0, 20, 10], "score": 0.6}]
        """)
    #expect(
      try data.prediction(for: InputItem(id: "x.jpg")).get().regions.first?.concepts.first?.name == "cat")
    #expect(
      try data.prediction(for: InputItem(id: "y.jpg")).get().regions.first?.concepts.first?.name == "dog")
  }

  @Test func detectionsOfOneImageAreGroupedWhereverTheyStand() throws {
    let data = try Self.load(
      results: """
        [{"image_id": 7, "category_id": 1, "bbox": [0, 0, 10, 10], "score": 0.5},
         {"image_id": 10, "category_id": 1, "bbox": [0, 0, 20, 10], "score": 0.6},
         {"image_id": 7, "category_id": 2, "bbox": [0, 0, 10, 10], "score": 0.7},
         {"image_id": 7, "category_id": 2, "bbox": [0, 0, 10, 20], "score": 0.8}]
        """)
    let x = try data.prediction(for: InputItem(id: "x.jpg")).get()
    #expect(x.regions.count == 2)
    #expect(x.regions[0].concepts.map(\.name) == ["dog", "cat"])
    #expect(x.regions[0].value == 0.7)
    #expect(x.regions[1].concepts.map(\.name) == ["dog"])
    #expect(try data.prediction(for: InputItem(id: "y.jpg")).get().regions.count == 1)
  }

  @Test func zeroAndMinusZeroAreDifferentBoxesAsTheirTextIs() throws {
    let data = try Self.load(
      results: """
        [{"image_id": 7, "category_id": 1, "bbox": [0, 0, 10, 10], "score": 0.5},
         {"image_id": 7, "category_id": 2, "bbox": [-0.0, 0, 10, 10], "score": 0.6}]
        """)
    #expect(try data.prediction(for: InputItem(id: "x.jpg")).get().regions.count == 2)
  }

  @Test func unknownImagesAndCategoriesAreFoundInsideARun() {
    #expect {
      _ = try Self.load(
        results: """
          [{"image_id": 7, "category_id": 1, "bbox": [0, 0, 10, 10], "score": 0.5},
           {"image_id": 7, "category_id": 3, "bbox": [0, 0, 10, 10], "score": 0.5}]
          """)
    } throws: {
      "\($0)".contains("detection with category_id 3, which the COCO images file does not list")
    }
    #expect {
      _ = try Self.load(
        results: """
          [{"image_id": 7, "category_id": 1, "bbox": [0, 0, 10, 10], "score": 0.5},
           {"image_id": 70, "category_id": 1, "bbox": [0, 0, 10, 10], "score": 0.5}]
          """)
    } throws: {
      "\($0)".contains("detection for image_id 70, which the COCO images file does not list")
    }
  }

  @Test func plainWholeNumbersAndOthersReadAsBefore() throws {
    for (json, text) in [
      ("0", "0"), ("7", "7"), ("123456789012345", "123456789012345"), ("7.0", "7"), ("-3", "-3"),
      ("1e3", "1000"), ("2.5", "2.5"), ("1234567890123456", "1234567890123456.0"), ("-0", "0"),
    ] {
      let bytes = Array("[\(json), 1]".utf8)
      let read = try bytes.withUnsafeBufferPointer { buffer in
        var s = JSONScanner(buffer)
        var texts: [String] = []
        try s.readArray { (s) throws(JSONScanError) in texts.append(try s.readStringOrNumber()) }
        return texts
      }
      #expect(read == [text, "1"], "\(json)")
      #expect(read.first == NumberText.format(Double(json)!), "\(json)")
    }
  }

  @Test func boxTextIsHashedAsTheJoinedStringWouldBe() {
    var generator = SplitMix64(seed: 9)
    var numbers: [Double] = [0, -0.0, 1, 0.1 + 0.2, 1e-7, 123_456_789.125, 5e300, 640, 12.34, -3.5]
    for _ in 0..<2000 {
      numbers.append(Double(generator.next() % 1_000_000) / Double(1 + generator.next() % 1000))
    }
    for i in 0..<(numbers.count - 3) {
      let (a, b, c, d) = (numbers[i], numbers[i + 1], numbers[i + 2], numbers[i + 3])
      var joined = StableHash()
      joined.combine("img.jpg")
      joined.combine("\(a),\(b),\(c),\(d)")
      var direct = StableHash()
      direct.combine("img.jpg")
      direct.combine(joining: a, b, c, d)
      #expect(direct.hexId == joined.hexId, "\(a),\(b),\(c),\(d)")
    }
  }
}
