import Foundation

/// The expected answers computed the plain way, straight from the fixture files with
/// JSONSerialization and simple loops, independent of the session's tables and pipelines.
enum Reference {
  struct Prediction {
    var input: String
    var region: String
    var concept: String
    var value: Double
    /// top, left, bottom, right (normalized).
    var box: [Double]
  }

  struct Object {
    var image: String
    var concept: String
    var box: [Double]
  }

  static func predictions(_ path: String = ReplFixtures.path("pets.jsonl")) -> [Prediction] {
    let text = try! String(contentsOfFile: path, encoding: .utf8)
    var result: [Prediction] = []
    for line in text.split(separator: "\n") {
      let object = try! JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
      for region in object["regions"] as! [[String: Any]] {
        let b = ((region["region_info"] as! [String: Any])["bounding_box"] as! [String: Double])
        for concept in (region["data"] as! [String: Any])["concepts"] as! [[String: Any]] {
          result.append(
            Prediction(
              input: object["input"] as! String, region: region["id"] as! String,
              concept: concept["id"] as! String,
              value: concept["value"] as! Double,
              box: [b["top_row"]!, b["left_col"]!, b["bottom_row"]!, b["right_col"]!]))
        }
      }
    }
    return result
  }

  static func objects(_ path: String = ReplFixtures.path("pets-truth.json")) -> [Object] {
    let root =
      try! JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
    var images: [Int: (String, Double, Double)] = [:]
    for i in root["images"] as! [[String: Any]] {
      images[i["id"] as! Int] = (
        i["file_name"] as! String, Double(i["width"] as! Int), Double(i["height"] as! Int)
      )
    }
    var names: [Int: String] = [:]
    for c in root["categories"] as! [[String: Any]] { names[c["id"] as! Int] = c["name"] as? String }
    return (root["annotations"] as! [[String: Any]]).map { a in
      let (file, w, h) = images[a["image_id"] as! Int]!
      let bb = (a["bbox"] as! [Any]).map { ($0 as! NSNumber).doubleValue }
      return Object(
        image: file, concept: names[a["category_id"] as! Int]!,
        box: [bb[1] / h, bb[0] / w, (bb[1] + bb[3]) / h, (bb[0] + bb[2]) / w])
    }
  }

  /// The reference workflow by hand: accepted above `accept`, review in (review, accept], else dropped.
  static func branch(_ v: Double, accept: Double, review: Double) -> String {
    if v > accept { return "accepted" }
    if v > review { return "review" }
    return "dropped"
  }

  static func counts(accept: Double, review: Double) -> [String: Int] {
    var counts = ["accepted": 0, "review": 0, "dropped": 0]
    for p in predictions() { counts[branch(p.value, accept: accept, review: review)]! += 1 }
    return counts
  }

  static func iou(_ a: [Double], _ b: [Double]) -> Double {
    let h = min(a[2], b[2]) - max(a[0], b[0])
    let w = min(a[3], b[3]) - max(a[1], b[1])
    if h <= 0 || w <= 0 { return 0 }
    let inter = h * w
    return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter)
  }

  /// Precision and recall of accepted predictions, and true objects accepted / in review, by the
  /// textbook greedy loop: per image and concept, surest prediction first, best unmatched object.
  static func truth(accept: Double, review: Double, iouThreshold: Double = 0.5)
    -> (accepted: Int, correct: Int, objects: Int, objectsAccepted: Int, objectsInReview: Int)
  {
    let predictions = predictions()
    let objects = objects()
    var taken = [Bool](repeating: false, count: objects.count)
    var accepted = 0
    var correct = 0
    var inReview = 0
    func match(_ p: Prediction) -> Bool {
      var best = -1
      var bestIoU = -1.0
      for (k, o) in objects.enumerated() where !taken[k] && o.image == p.input && o.concept == p.concept {
        let v = iou(p.box, o.box)
        if v >= iouThreshold && v > bestIoU {
          best = k
          bestIoU = v
        }
      }
      if best >= 0 { taken[best] = true }
      return best >= 0
    }
    let sorted = predictions.enumerated().sorted {
      $0.element.value != $1.element.value ? $0.element.value > $1.element.value : $0.offset < $1.offset
    }.map(\.element)
    for p in sorted where branch(p.value, accept: accept, review: review) == "accepted" {
      accepted += 1
      if match(p) { correct += 1 }
    }
    for p in sorted where branch(p.value, accept: accept, review: review) == "review" {
      if match(p) { inReview += 1 }
    }
    return (accepted, correct, objects.count, correct, inReview)
  }
}
