// swift-format-ignore-file: AlwaysUseLowerCamelCase
// (the Encodable types below spell the JSON keys of COCO, JSON lines and Label Studio as those formats do)

import Foundation
import WeirCore

/// COCO detection format: `images`, `categories` and `annotations` with pixel `[x, y, w, h]` boxes.
///
/// Every image of the selected runs is listed, those without a box too (a trainer's background),
/// and the categories are the whole class map (id = class index + 1), so ids never depend on the
/// filter. Boxes are denormalized with each image's stored size; an image without one is an error,
/// not a guess. weir's extra facts (status, writer node, run…) ride in each annotation's
/// `attributes` and `score` is the confidence, as in COCO results files: pycocotools ignores both.
enum COCOExporter {
  static func export(_ set: ExportSet) throws -> ExportResult {
    let unsized = set.images.filter { $0.width == nil || $0.height == nil }.map(\.inputId)
    if !unsized.isEmpty { throw ExportError.unknownImageSizes(inputIds: unsized, total: set.images.count) }
    let placement = try ImagePlacement(set.images, options: set.options)
    let classIndex = set.classes.lookup()
    let categories = set.classes.names.enumerated().map { Category(id: $0 + 1, name: $1, supercategory: "") }
    // Images and annotations are written straight into bytes (`JSONText`): with a million boxes,
    // encoding each one with `JSONEncoder` took most of the export's time. The output is the same.
    var images = JSONText(capacity: set.images.count * 120)
    var boxes = JSONText(capacity: set.annotations.count * 330)
    var (boxless, count) = (0, 0)
    for (index, (image, annotations)) in set.annotationsByImage.enumerated() {
      let (width, height) = (image.width ?? 0, image.height ?? 0)
      images.raw(index == 0 ? "[\n    " : ",\n    ")
      write(
        Image(
          id: index + 1, file_name: placement.names[image.inputId] ?? image.fileName, width: width,
          height: height, weir_input_id: image.inputId), into: &images)
      for a in annotations {
        guard let box = a.record.box else {
          boxless += 1
          continue
        }
        guard let category = classIndex(a.record.conceptId, a.record.conceptName) else { continue }
        count += 1
        boxes.raw(count == 1 ? "[\n    " : ",\n    ")
        write(
          annotation(
            a, box: box, id: count, image: index + 1, category: category + 1, width: width, height: height),
          into: &boxes)
      }
    }
    images.raw(set.images.isEmpty ? "[]" : "\n  ]")
    boxes.raw(count == 0 ? "[]" : "\n  ]")
    var text = JSONText(capacity: images.bytes.count + boxes.bytes.count + 1024)
    text.raw("{\n  \"info\": ")
    text.bytes += try AnnotationExporter.encoder().encode(["description": "annotations exported by weir"])
    text.raw(",\n  \"images\": ")
    text.bytes += images.bytes
    text.raw(",\n  \"categories\": ")
    text.raw(try AnnotationExporter.lines(categories, indent: "  "))
    text.raw(",\n  \"annotations\": ")
    text.bytes += boxes.bytes
    text.raw("\n}\n")
    return ExportResult(
      files: [ExportedFile(path: "annotations.json", contents: Data(text.bytes))],
      notes: set.classes.notes + AnnotationExporter.boxlessNote(boxless, format: "COCO")
        + set.unmappedNote(format: "COCO"))
  }

  static func annotation(
    _ a: StoredAnnotation, box: BoundingBox, id: Int, image: Int, category: Int, width: Int, height: Int
  ) -> Annotation {
    let w = AnnotationExporter.rounded((box.rightCol - box.leftCol) * Double(width), 2)
    let h = AnnotationExporter.rounded((box.bottomRow - box.topRow) * Double(height), 2)
    let x = AnnotationExporter.rounded(box.leftCol * Double(width), 2)
    let y = AnnotationExporter.rounded(box.topRow * Double(height), 2)
    return Annotation(
      id: id, image_id: image, category_id: category, bbox: [x, y, w, h],
      area: AnnotationExporter.rounded(w * h, 2), iscrowd: 0, score: a.record.confidence,
      attributes: Attributes(a))
  }

  // Property names are COCO's own, hence snake_case. The Encodable conformances are the format's
  // definition: the tests check that `write` gives what `JSONEncoder` gives for them.
  struct Image: Encodable {
    var id: Int
    var file_name: String
    var width: Int
    var height: Int
    var weir_input_id: String
  }

  struct Category: Encodable {
    var id: Int
    var name: String
    var supercategory: String
  }

  struct Annotation: Encodable {
    var id: Int
    var image_id: Int
    var category_id: Int
    var bbox: [Double]
    var area: Double
    var iscrowd: Int
    var score: Double
    var attributes: Attributes
  }

  struct Attributes: Encodable {
    var status: Int
    var status_name: String
    var workflow_id: String
    var node_id: String
    var region_id: String
    var concept_id: String
    var run_id: String
    var task_id: String?
    var user_id: String?

    init(_ a: StoredAnnotation) {
      status = a.record.status
      status_name = AnnotationStatus(rawValue: a.record.status)?.name ?? String(a.record.status)
      workflow_id = a.record.workflowId
      node_id = a.record.nodeId
      region_id = a.record.regionId
      concept_id = a.record.conceptId
      run_id = a.runId
      task_id = a.record.taskId
      user_id = a.record.userId
    }
  }

  /// An image as compact JSON, keys sorted.
  static func write(_ image: Image, into json: inout JSONText) {
    json.raw("{")
    json.key("file_name")
    json.string(image.file_name)
    json.raw(",")
    json.key("height")
    json.int(image.height)
    json.raw(",")
    json.key("id")
    json.int(image.id)
    json.raw(",")
    json.key("weir_input_id")
    json.string(image.weir_input_id)
    json.raw(",")
    json.key("width")
    json.int(image.width)
    json.raw("}")
  }

  /// An annotation as compact JSON, keys sorted (its attributes' too).
  static func write(_ a: Annotation, into json: inout JSONText) {
    json.raw("{")
    json.key("area")
    json.number(a.area)
    json.raw(",")
    json.key("attributes")
    write(a.attributes, into: &json)
    json.raw(",")
    json.key("bbox")
    json.raw("[")
    for (i, v) in a.bbox.enumerated() {
      if i > 0 { json.raw(",") }
      json.number(v)
    }
    json.raw("],")
    json.key("category_id")
    json.int(a.category_id)
    json.raw(",")
    json.key("id")
    json.int(a.id)
    json.raw(",")
    json.key("image_id")
    json.int(a.image_id)
    json.raw(",")
    json.key("iscrowd")
    json.int(a.iscrowd)
    json.raw(",")
    json.key("score")
    json.number(a.score)
    json.raw("}")
  }

  static func write(_ a: Attributes, into json: inout JSONText) {
    json.raw("{")
    json.key("concept_id")
    json.string(a.concept_id)
    json.raw(",")
    json.key("node_id")
    json.string(a.node_id)
    json.raw(",")
    json.key("region_id")
    json.string(a.region_id)
    json.raw(",")
    json.key("run_id")
    json.string(a.run_id)
    json.raw(",")
    json.key("status")
    json.int(a.status)
    json.raw(",")
    json.key("status_name")
    json.string(a.status_name)
    json.optionalMember("task_id", a.task_id)
    json.optionalMember("user_id", a.user_id)
    json.raw(",")
    json.key("workflow_id")
    json.string(a.workflow_id)
    json.raw("}")
  }
}
