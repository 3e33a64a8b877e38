import Foundation
import Testing

@testable import WeirCore

/// COCO detection results read in parallel chunks give what reading them in one go gives: the same
/// detections in the same runs, or the same first error; a cut that falls inside a value is found
/// and the file is read in one go instead.
@Suite struct COCOResultsReaderTests {
  /// Images 1…20 and categories 1 (cat) and 2 (dog).
  static let coco: COCOIndex = {
    let text = """
      {"images": [\((1...20).map { "{\"id\": \($0), \"file_name\": \"i\($0).jpg\", \"width\": 640, \"height\": 480}" }.joined(separator: ", "))],
       "categories": [{"id": 1, "name": "cat"}, {"id": 2, "name": "dog"}]}
      """
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { buffer in
      var s = JSONScanner(buffer)
      var index = COCOIndex()
      try? index.read(&s)
      return index
    }
  }()

  /// `count` detections, a few per image in order, with blanks of every kind between them; `extra`
  /// adds a key to detection `at`.
  static func results(_ count: Int, extra: (at: Int, text: String)? = nil) -> String {
    var generator = SplitMix64(seed: 5)
    let blanks = [", ", ",", ",\n  ", " ,\t", "\r\n,"]
    var items: [String] = []
    for i in 0..<count {
      let image = 1 + i * 20 / count
      let category = 1 + Int(generator.next() % 2)
      let box = (0..<4).map { _ in String(Double(generator.next() % 50_000) / 100) }.joined(separator: ", ")
      let more = extra.map { $0.at == i ? ", \($0.text)" : "" } ?? ""
      items.append(
        "{\"image_id\": \(image), \"category_id\": \(category), \"bbox\": [\(box)], \"score\": 0.\(generator.next() % 1000)\(more)}"
      )
    }
    var text = "["
    for (i, item) in items.enumerated() {
      text += (i == 0 ? "" : blanks[i % blanks.count]) + item
    }
    return text + "]\n"
  }

  /// Reads in one go: the runs as text, or the error.
  static func sequential(_ text: String) -> Result<[String], JSONScanError> {
    Array(text.utf8).withUnsafeBufferPointer { buffer in
      var s = JSONScanner(buffer)
      var reader = COCOResultsReader(coco: coco)
      do throws(JSONScanError) {
        try s.readArray { (s) throws(JSONScanError) in try reader.read(&s) }
        return .success(reader.runs.map(describe))
      } catch {
        return .failure(error)
      }
    }
  }

  /// Reads in `chunks`: the runs as text (`nil` when it gave up on its cuts), or the error.
  static func parallel(_ text: String, chunks: Int) -> Result<[String]?, JSONScanError> {
    Array(text.utf8).withUnsafeBufferPointer { buffer in
      do throws(JSONScanError) {
        guard
          let (runs, end) = try COCOResultsReader.readInParallel(buffer, from: 0, coco: coco, chunks: chunks)
        else { return .success(nil) }
        #expect(end == (buffer.lastIndex(of: UInt8(ascii: "]")) ?? 0) + 1, "ends after the ']'")
        return .success(runs.map(describe))
      } catch {
        return .failure(error)
      }
    }
  }

  static func describe(_ run: COCOResultsReader.Run) -> String {
    run.imageId + ": "
      + run.detections.map { "\($0.categoryId) \($0.bbox) \($0.score)" }.joined(separator: "; ")
  }

  @Test func chunksGiveWhatOneGoGives() throws {
    let text = Self.results(400)
    let expected = try Self.sequential(text).get()
    #expect(expected.count == 20)
    for chunks in [1, 2, 3, 4, 7, 16, 64] {
      #expect(try Self.parallel(text, chunks: chunks).get() == expected, "\(chunks) chunks")
    }
  }

  @Test func aCutInsideAStringIsFoundAndNothingIsReadWrong() throws {
    // A key whose text looks like the start of the next detection, in every detection, so some cut
    // lands inside a string: the reader must notice and give up, never return other runs.
    var text = "["
    for i in 0..<200 {
      if i > 0 { text += ", " }
      text +=
        "{\"note\": \"a, {\\\"image_id\\\": 3, ,  {\", \"image_id\": \(1 + i / 10), \"category_id\": 1, "
      text += "\"bbox\": [1, 2, 3, \(i)], \"score\": 0.5}"
    }
    text += "]"
    let expected = try Self.sequential(text).get()
    var gaveUp = 0
    for chunks in 2...24 {
      switch Self.parallel(text, chunks: chunks) {
      case .success(nil): gaveUp += 1
      case .success(let runs?): #expect(runs == expected, "\(chunks) chunks")
      case .failure(let e): Issue.record("\(chunks) chunks: \(e.message)")
      }
    }
    #expect(gaveUp > 0)
  }

  @Test func anErrorIsTheOneReadingInOneGoFinds() {
    for (at, extra) in [(250, "\"category_id\": 9"), (399, "\"bbox\": [1, 2]"), (3, "\"score\": tru")] {
      var text = Self.results(400, extra: (at, "\"x\": 0"))
      // Replace a detection's field with a bad one: an unknown category, a short box, bad JSON.
      text = text.replacingOccurrences(of: "\"x\": 0", with: extra)
      guard case .failure(let expected) = Self.sequential(text) else {
        Issue.record("no error for \(extra)")
        continue
      }
      for chunks in [2, 5, 16] {
        guard case .failure(let error) = Self.parallel(text, chunks: chunks) else {
          Issue.record("\(chunks) chunks: no error for \(extra)")
          continue
        }
        #expect(error.offset == expected.offset, "\(extra), \(chunks) chunks")
        #expect(error.message == expected.message, "\(extra), \(chunks) chunks")
      }
    }
  }
}
