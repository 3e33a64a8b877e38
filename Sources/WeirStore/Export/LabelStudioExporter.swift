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
/// `choice` (Choices) and its image `image` (Documentation/Store.md shows one). Every image is a
/// task, those without an annotation too, so a reviewer can label what the model missed.
///
/// An image's address: with `--url-prefix`, the prefix and the image's path below the image root;
/// with only `--image-root`, Label Studio's local-files address (`/data/local-files/?d=` and that
/// path, for a local storage whose document root is the image root); otherwise the path as `weir
/// run` recorded it. An image known only by URL keeps its URL.
enum LabelStudioExporter {
  static func export(_ set: ExportSet) throws -> ExportResult {
    let placement = try ImagePlacement(set.images, options: set.options)
    var tasks: [Task] = []
    for (image, annotations) in set.annotationsByImage {
      let accepted = annotations.filter { $0.record.status == AnnotationStatus.success.rawValue }
      let proposed = annotations.filter { $0.record.status != AnnotationStatus.success.rawValue }
      let model = Array(Set(annotations.map(\.record.workflowId))).sorted().joined(separator: ",")
      tasks.append(
        Task(
          data: TaskData(image: address(image, placement, set.options), weir_input_id: image.inputId),
          annotations: accepted.isEmpty
            ? [] : [Annotation(result: accepted.map { result($0, image: image) })],
          predictions: proposed.isEmpty
            ? []
            : [Prediction(model_version: "weir:\(model)", result: proposed.map { result($0, image: image) })])
      )
    }
    let text = try AnnotationExporter.lines(tasks) + "\n"
    return ExportResult(
      files: [ExportedFile(path: "tasks.json", contents: Data(text.utf8))], notes: set.classes.notes)
  }

  /// Where Label Studio finds an image (see the type's comment).
  static func address(_ image: StoredImage, _ placement: ImagePlacement, _ options: ExportOptions) -> String {
    guard let path = image.path, !path.isEmpty, let name = placement.names[image.inputId] else {
      return image.url ?? image.fileName
    }
    let escaped = name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? name
    if let prefix = options.urlPrefix { return (prefix.hasSuffix("/") ? prefix : prefix + "/") + escaped }
    if options.imageRoot != nil { return "/data/local-files/?d=" + escaped }
    return path
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
