import Foundation

/// The `images` and `categories` of a COCO file: what COCO detection results need to become boxes
/// in normalized coordinates with concept names.
struct COCOIndex {
  struct Image {
    var id: String
    var fileName: String
    var width: Double
    var height: Double
  }

  var images: [Image] = []
  var imageIndex: [String: Int] = [:]
  var categories: [String: String] = [:]

  /// Reads `images` and `categories` of a COCO object; `annotations` go to `onAnnotations` when given
  /// (a COCO file whose annotations carry scores can be replayed as predictions).
  mutating func read(
    _ s: inout JSONScanner, onAnnotations: ((inout JSONScanner) throws(JSONScanError) -> Void)? = nil
  ) throws(JSONScanError) {
    try s.readObject { (s, key) throws(JSONScanError) in
      if key == "images" {
        try s.readArray { (s) throws(JSONScanError) in try readImage(&s) }
      } else if key == "categories" {
        try s.readArray { (s) throws(JSONScanError) in
          var id: String?
          var name: String?
          try s.readObject { (s, key) throws(JSONScanError) in
            if key == "id" {
              id = try s.readStringOrNumber()
            } else if key == "name" {
              name = try s.readString()
            } else {
              try s.skipValue()
            }
          }
          guard let id, let name else { throw s.error("a COCO category needs an id and a name") }
          categories[id] = name
        }
      } else if key == "annotations", let onAnnotations {
        try onAnnotations(&s)
      } else {
        try s.skipValue()
      }
    }
  }

  private mutating func readImage(_ s: inout JSONScanner) throws(JSONScanError) {
    let start = s.index
    var id: String?
    var fileName: String?
    var width: Double?
    var height: Double?
    try s.readObject { (s, key) throws(JSONScanError) in
      if key == "id" {
        id = try s.readStringOrNumber()
      } else if key == "file_name" {
        fileName = try s.readString()
      } else if key == "width" {
        width = try s.readNumber()
      } else if key == "height" {
        height = try s.readNumber()
      } else {
        try s.skipValue()
      }
    }
    guard let id, let width, let height, width > 0, height > 0, width < 1e9, height < 1e9 else {
      s.index = start
      throw s.error("a COCO image needs an id and a positive width and height")
    }
    imageIndex[id] = images.count
    images.append(Image(id: id, fileName: fileName ?? id, width: width, height: height))
  }
}

/// One COCO detection (`{image_id, category_id, bbox, score}`), grouped per image.
struct COCODetection {
  var categoryId: String
  var bbox: (x: Double, y: Double, w: Double, h: Double)
  var score: Double

  /// Reads a detection or a scored annotation; `score` defaults to 1 (a ground-truth annotation).
  static func read(_ s: inout JSONScanner) throws(JSONScanError) -> (imageId: String, COCODetection) {
    let start = s.index
    var imageId: String?
    var categoryId: String?
    // Four slots and a count, not an array: no allocation per detection.
    var bbox = (0.0, 0.0, 0.0, 0.0)
    var sides = 0
    var score = 1.0
    try s.readObject { (s, key) throws(JSONScanError) in
      if key == "image_id" {
        imageId = try s.readStringOrNumber()
      } else if key == "category_id" {
        categoryId = try s.readStringOrNumber()
      } else if key == "bbox" {
        sides = 0
        try s.readArray { (s) throws(JSONScanError) in
          let x = try s.readNumber()
          switch sides {
          case 0: bbox.0 = x
          case 1: bbox.1 = x
          case 2: bbox.2 = x
          case 3: bbox.3 = x
          default: break
          }
          sides += 1
        }
      } else if key == "score" {
        score = try s.readNumber()
      } else {
        try s.skipValue()
      }
    }
    guard let imageId, let categoryId, sides == 4 else {
      s.index = start
      throw s.error("a COCO detection needs image_id, category_id and bbox [x, y, width, height]")
    }
    return (
      imageId, COCODetection(categoryId: categoryId, bbox: bbox, score: score)
    )
  }
}

extension COCOIndex {
  /// Turns detections into one record per image of the index (an image with no detection gets an
  /// empty record: the detector saw nothing). Detections of one image with the same box become one
  /// region holding each category as a concept, highest score first. Region ids are a stable hash
  /// of the file name and the box. Many images are turned in parallel chunks, in order.
  func records(_ detections: [String: [COCODetection]]) -> [(InputItem, DataRecord)] {
    let chunks = images.count < 1024 ? 1 : max(1, ProcessInfo.processInfo.activeProcessorCount) * 2
    guard chunks > 1 else { return images.map { record(of: $0, detections[$0.id] ?? []) } }
    let out = UnsafeMutableBufferPointer<(InputItem, DataRecord)>.allocate(capacity: images.count)
    DispatchQueue.concurrentPerform(iterations: chunks) { c in
      for i in images.count * c / chunks..<images.count * (c + 1) / chunks {
        out.initializeElement(at: i, to: record(of: images[i], detections[images[i].id] ?? []))
      }
    }
    defer {
      out.deinitialize()
      out.deallocate()
    }
    return Array(out)
  }

  /// One image's record: its detections grouped into regions.
  private func record(of image: Image, _ detections: [COCODetection]) -> (InputItem, DataRecord) {
    var regions: [Region] = []
    var regionIndex: [BoxKey: Int] = [:]
    for d in detections {
      let name = categories[d.categoryId] ?? d.categoryId
      let box = BoundingBox(
        topRow: clip(d.bbox.y / image.height), leftCol: clip(d.bbox.x / image.width),
        bottomRow: clip((d.bbox.y + d.bbox.h) / image.height),
        rightCol: clip((d.bbox.x + d.bbox.w) / image.width))
      // Equal boxes have equal bit patterns and equal text (JSON gives no NaN; -0 and 0 differ in
      // both), so the pattern finds the region and the text is made only for a new one.
      let key = BoxKey(d.bbox)
      let concept = Concept(id: name, name: name, value: d.score)
      if let i = regionIndex[key] {
        regions[i].concepts.append(concept)
        regions[i].value = max(regions[i].value ?? 0, d.score)
      } else {
        var h = StableHash()
        h.combine(image.fileName)
        h.combine(joining: d.bbox.x, d.bbox.y, d.bbox.w, d.bbox.h)
        regionIndex[key] = regions.count
        regions.append(Region(id: h.hexId, boundingBox: box, concepts: [concept], value: d.score))
      }
    }
    for i in regions.indices { regions[i].concepts.sort { $0.value > $1.value } }
    let ref = ImageRef(width: Int(image.width), height: Int(image.height))
    return (InputItem(id: image.fileName), DataRecord(image: ref, regions: regions))
  }

  private func clip(_ x: Double) -> Double { min(1, max(0, x)) }
}

/// A COCO box `[x, y, w, h]` by the bit patterns of its numbers, for grouping detections.
private struct BoxKey: Hashable {
  var x, y, w, h: UInt64

  init(_ b: (x: Double, y: Double, w: Double, h: Double)) {
    (x, y, w, h) = (b.x.bitPattern, b.y.bitPattern, b.w.bitPattern, b.h.bitPattern)
  }
}
