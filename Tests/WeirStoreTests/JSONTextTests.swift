import Foundation
import Testing
import WeirCore

@testable import WeirStore

/// The COCO export writes its images and annotations without `JSONEncoder`; these check that the
/// bytes are the ones the encoder gives for the same values, on awkward strings and numbers.
@Suite struct JSONTextTests {
  static let strings = [
    "", "plain", "a/b/c.jpg", "quote \" and backslash \\", "tab\tnew\nline\rreturn", "\u{8}\u{c}\u{1}\u{1f}",
    "caf\u{e9} \u{1F408} \u{2028}\u{2029} \u{7f}", "</script>", "emoji 👩‍👩‍👧",
  ]
  static let numbers: [Double] = [
    0, 1, -1, 0.5, 64, 1e-05, 1.5e-7, 123_456_789.12, 1e16, 1e21, 0.1 + 0.2, 3.14159, 255.99, -0.0,
    Double.leastNonzeroMagnitude, 1.7976931348623157e308, 100.00000000000001,
  ]

  func encoded<T: Encodable>(_ value: T) throws -> String {
    String(decoding: try AnnotationExporter.encoder().encode(value), as: UTF8.self)
  }

  @Test func imagesAreWrittenAsTheEncoderWritesThem() throws {
    for (i, s) in Self.strings.enumerated() {
      let image = COCOExporter.Image(id: i, file_name: s, width: 640 + i, height: -i, weir_input_id: s + "x")
      var json = JSONText()
      COCOExporter.write(image, into: &json)
      #expect(String(decoding: json.bytes, as: UTF8.self) == (try encoded(image)), "\(s.debugDescription)")
    }
  }

  @Test func annotationsAreWrittenAsTheEncoderWritesThem() throws {
    for (i, x) in Self.numbers.enumerated() {
      let s = Self.strings[i % Self.strings.count]
      var record = AnnotationRecord(
        workflowId: s, nodeId: "n" + s, inputId: "i", regionId: s, box: nil, conceptId: s, conceptName: s,
        confidence: x, status: 24157, userId: i % 2 == 0 ? s : nil, taskId: i % 3 == 0 ? nil : s)
      record.status = i % 4 == 0 ? 99 : 24150
      let stored = StoredAnnotation(record: record, runId: s, writtenAt: Date(timeIntervalSince1970: 0))
      let annotation = COCOExporter.Annotation(
        id: i, image_id: i * 7, category_id: i % 3, bbox: [x, -x, x / 3, 0.25], area: x / 7, iscrowd: 0,
        score: x,
        attributes: COCOExporter.Attributes(stored))
      var json = JSONText()
      COCOExporter.write(annotation, into: &json)
      #expect(String(decoding: json.bytes, as: UTF8.self) == (try encoded(annotation)), "\(x)")
    }
  }
}
