// swift-format-ignore-file: AlwaysUseLowerCamelCase
// (the Encodable types below spell the JSON keys of COCO, JSON lines and Label Studio as those formats do)

import Foundation
import WeirCore

/// JSON lines: one annotation per line with every stored fact, the normalized box in Clarifai's
/// names, and the image it is on. Made for `jq` and for loading into anything line by line.
enum JSONLinesExporter {
  static func export(_ set: ExportSet) throws -> ExportResult {
    let encoder = AnnotationExporter.encoder()
    let dates = ISO8601DateFormatter()
    dates.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    var data = Data()
    for (image, annotations) in set.annotationsByImage {
      for a in annotations {
        data += try encoder.encode(Line(a, image: image, dates: dates))
        data += Data("\n".utf8)
      }
    }
    return ExportResult(files: [ExportedFile(path: "annotations.jsonl", contents: data)])
  }

  struct Line: Encodable {
    var input_id: String
    var image: Image
    var region_id: String
    var box: BoundingBox?
    var concept: Concept
    var confidence: Double
    var status: Int
    var status_name: String
    var user_id: String?
    var task_id: String?
    var workflow_id: String
    var node_id: String
    var run_id: String
    var written_at: String

    init(_ a: StoredAnnotation, image: StoredImage, dates: ISO8601DateFormatter) {
      let r = a.record
      input_id = r.inputId
      self.image = Image(path: image.path, url: image.url, width: image.width, height: image.height)
      region_id = r.regionId
      box = r.box
      concept = Concept(id: r.conceptId, name: r.conceptName)
      confidence = r.confidence
      status = r.status
      status_name = AnnotationStatus(rawValue: r.status)?.name ?? String(r.status)
      user_id = r.userId
      task_id = r.taskId
      workflow_id = r.workflowId
      node_id = r.nodeId
      run_id = a.runId
      written_at = dates.string(from: a.writtenAt)
    }
  }

  struct Image: Encodable {
    var path: String?
    var url: String?
    var width: Int?
    var height: Int?
  }

  struct Concept: Encodable {
    var id: String
    var name: String
  }
}
