// swift-format-ignore-file: AlwaysUseLowerCamelCase
// (the Encodable types below spell the JSON keys of COCO, JSON lines and Label Studio as those formats do)

import Foundation
import WeirCore

/// Label Studio tasks JSON: one task per image, boxes as `rectanglelabels` results in percent of
/// the image, image-level concepts as `choices`.
///
/// Accepted annotations (`ANNOTATION_SUCCESS`) become the task's `annotations`; every other status
/// (awaiting review, pending…) becomes `predictions`, which is what a reviewer confirms or fixes
/// in Label Studio. The labeling config must name its controls `label` (RectangleLabels),
/// `choice` (Choices) and its image `image` (Documentation/Store.md shows one).
enum LabelStudioExporter {
  static func export(_ set: ExportSet) throws -> ExportResult {
    var tasks: [Task] = []
    for (image, annotations) in set.annotationsByImage {
      let accepted = annotations.filter { $0.record.status == AnnotationStatus.success.rawValue }
      let proposed = annotations.filter { $0.record.status != AnnotationStatus.success.rawValue }
      let model = Array(Set(annotations.map(\.record.workflowId))).sorted().joined(separator: ",")
      tasks.append(
        Task(
          data: TaskData(image: image.url ?? image.path ?? image.fileName, weir_input_id: image.inputId),
          annotations: accepted.isEmpty
            ? [] : [Annotation(result: accepted.map { result($0, image: image) })],
          predictions: proposed.isEmpty
            ? []
            : [Prediction(model_version: "weir:\(model)", result: proposed.map { result($0, image: image) })])
      )
    }
    let text = try AnnotationExporter.lines(tasks) + "\n"
    return ExportResult(files: [ExportedFile(path: "tasks.json", contents: Data(text.utf8))])
  }

  static func result(_ a: StoredAnnotation, image: StoredImage) -> Result {
    let r = a.record
    let id = r.regionId.isEmpty ? r.conceptId : "\(r.regionId)-\(r.conceptId)"
    guard let box = r.box else {
      return Result(
        id: id, type: "choices", from_name: "choice", to_name: "image", original_width: image.width,
        original_height: image.height, score: r.confidence, value: Value(choices: [r.conceptName]))
    }
    func percent(_ x: Double) -> Double { AnnotationExporter.rounded(x * 100, 4) }
    let value = Value(
      x: percent(box.leftCol), y: percent(box.topRow), width: percent(box.rightCol - box.leftCol),
      height: percent(box.bottomRow - box.topRow), rotation: 0, rectanglelabels: [r.conceptName])
    return Result(
      id: id, type: "rectanglelabels", from_name: "label", to_name: "image", original_width: image.width,
      original_height: image.height, score: r.confidence, value: value)
  }

  // Property names are Label Studio's own, hence snake_case.
  struct Task: Encodable {
    var data: TaskData
    var annotations: [Annotation]
    var predictions: [Prediction]
  }

  struct TaskData: Encodable {
    var image: String
    var weir_input_id: String
  }

  struct Annotation: Encodable {
    var result: [Result]
  }

  struct Prediction: Encodable {
    var model_version: String
    var result: [Result]
  }

  struct Result: Encodable {
    var id: String
    var type: String
    var from_name: String
    var to_name: String
    var original_width: Int?
    var original_height: Int?
    var score: Double
    var value: Value
  }

  struct Value: Encodable {
    var x: Double?
    var y: Double?
    var width: Double?
    var height: Double?
    var rotation: Double?
    var rectanglelabels: [String]?
    var choices: [String]?
  }
}
