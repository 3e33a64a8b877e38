import Foundation
import WeirCore

/// Reads a COCO file that weir exported, after a reviewer's changes.
///
/// weir's COCO export carries each annotation's key in `attributes` (workflow, node, region,
/// concept) and each image's input in `weir_input_id`. For every image in the file, each of its
/// review rows is accepted when an annotation with its key is still there (relabelled when its
/// category changed, corrected when its `bbox` moved) and rejected when it was deleted.
struct COCOImporter {
  let path: String
  let source: String
  let now: Date

  typealias JSONObject = [String: Any]

  func plan(_ data: Data, store: any ReviewStore) throws -> ImportPlan {
    guard let root = (try? JSONSerialization.jsonObject(with: data)) as? JSONObject,
      let images = root["images"] as? [Any], let annotations = root["annotations"] as? [Any]
    else { throw malformed("the file", "expected an object with 'images' and 'annotations' lists") }
    var categories: [Int: String] = [:]
    for item in root["categories"] as? [Any] ?? [] {
      guard let c = item as? JSONObject, let id = LabelStudioImporter.number(c["id"]),
        let name = c["name"] as? String
      else { throw malformed("categories", "a category without 'id' or 'name'") }
      categories[Int(id)] = name
    }
    var inputOfImage: [Int: (input: String, width: Double, height: Double)] = [:]
    var inputs: [String] = []
    for (i, item) in images.enumerated() {
      guard let image = item as? JSONObject, let id = LabelStudioImporter.number(image["id"]),
        let input = image["weir_input_id"] as? String
      else { throw malformed("image \(i + 1)", "no 'id' or 'weir_input_id' (weir writes both)") }
      let w = LabelStudioImporter.number(image["width"]) ?? 0
      let h = LabelStudioImporter.number(image["height"]) ?? 0
      inputOfImage[Int(id)] = (input, w, h)
      inputs.append(input)
    }
    let unknown = try AnnotationImporter.unknown(inputs, in: store)
    guard unknown.isEmpty else { throw ImportError.unknownInputs(path: path, inputs: unknown) }
    var kept: [AnnotationKey: (concept: String, box: BoundingBox?)] = [:]
    for (i, item) in annotations.enumerated() {
      let at = "annotation \(i + 1)"
      guard let a = item as? JSONObject, let imageId = LabelStudioImporter.number(a["image_id"]),
        let image = inputOfImage[Int(imageId)]
      else { throw malformed(at, "no 'image_id' of an image in the file") }
      guard let attributes = a["attributes"] as? JSONObject,
        let workflow = attributes["workflow_id"] as? String,
        let node = attributes["node_id"] as? String, let region = attributes["region_id"] as? String,
        let concept = attributes["concept_id"] as? String
      else { continue }  // drawn by the reviewer: not a row of this store
      let key = AnnotationKey(
        workflowId: workflow, inputId: image.input, nodeId: node, regionId: region, conceptId: concept)
      let name = LabelStudioImporter.number(a["category_id"]).flatMap { categories[Int($0)] } ?? concept
      var box: BoundingBox?
      if let b = a["bbox"] as? [Any], b.count == 4, image.width > 0, image.height > 0 {
        let v = b.compactMap(LabelStudioImporter.number)
        if v.count == 4 {
          box = BoundingBox(
            topRow: v[1] / image.height, leftCol: v[0] / image.width, bottomRow: (v[1] + v[3]) / image.height,
            rightCol: (v[0] + v[2]) / image.width)
        }
      }
      kept[key] = (name, box)
    }
    let rows = try AnnotationImporter.reviewable(inputs, in: store)
    var decisions: [ReviewDecision] = []
    for input in inputs {
      for (row, prediction) in rows[input] ?? [] {
        decisions.append(
          AnnotationImporter.decision(
            for: row, prediction: prediction, kept: kept[row.key], reviewer: "coco", time: now, source: source
          ))
      }
    }
    return ImportPlan(decisions: decisions, untouched: 0)
  }

  func malformed(_ location: String, _ reason: String) -> ImportError {
    ImportError.malformed(path: path, format: .coco, location: location, reason: reason)
  }
}
