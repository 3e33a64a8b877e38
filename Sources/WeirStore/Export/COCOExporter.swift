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
    var file = File(
      info: ["description": "annotations exported by weir"], images: [],
      categories: set.classes.names.enumerated().map { Category(id: $0 + 1, name: $1, supercategory: "") },
      annotations: [])
    var boxless = 0
    for (index, (image, annotations)) in set.annotationsByImage.enumerated() {
      let (width, height) = (image.width ?? 0, image.height ?? 0)
      file.images.append(
        Image(
          id: index + 1, file_name: placement.names[image.inputId] ?? image.fileName, width: width,
          height: height, weir_input_id: image.inputId))
      for a in annotations {
        guard let box = a.record.box else {
          boxless += 1
          continue
        }
        guard let category = classIndex(a.record.conceptId, a.record.conceptName) else { continue }
        file.annotations.append(
          annotation(
            a, box: box, id: file.annotations.count + 1, image: index + 1,
            category: category + 1, width: width, height: height))
      }
    }
    let text = AnnotationExporter.object([
      ("info", String(decoding: try AnnotationExporter.encoder().encode(file.info), as: UTF8.self)),
      ("images", try AnnotationExporter.lines(file.images, indent: "  ")),
      ("categories", try AnnotationExporter.lines(file.categories, indent: "  ")),
      ("annotations", try AnnotationExporter.lines(file.annotations, indent: "  ")),
    ])
    return ExportResult(
      files: [ExportedFile(path: "annotations.json", contents: Data(text.utf8))],
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

  // Property names are COCO's own, hence snake_case.
  struct File {
    var info: [String: String]
    var images: [Image]
    var categories: [Category]
    var annotations: [Annotation]
  }

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
}
