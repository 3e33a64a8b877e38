import Foundation
import Testing

@testable import WeirCore
@testable import WeirREPL

@Suite struct GroundTruthTests {
  func read(_ json: String) -> Result<GroundTruth, GroundTruthError> {
    COCOGroundTruthReader.read(Array(json.utf8), path: "gt.json")
  }

  @Test func readsAndNormalizesBoxes() throws {
    let truth = try read(
      """
      {"images": [{"id": 1, "file_name": "a/b.jpg", "width": 200, "height": 100}, {"id": 2, "file_name": "c.jpg", "width": 10, "height": 10}],
       "categories": [{"id": 7, "name": "cat"}],
       "annotations": [{"image_id": 1, "category_id": 7, "bbox": [20, 10, 100, 50]},
                       {"image_id": 1, "category_id": 7, "bbox": [0, 0, 5, 5], "iscrowd": 1}]}
      """
    ).get()
    #expect(truth.objectCount == 1)
    #expect(truth.skippedCrowd == 1)
    #expect(
      truth.objects(forInput: "a/b.jpg") == [
        .init(concept: "cat", box: BoundingBox(topRow: 0.1, leftCol: 0.1, bottomRow: 0.6, rightCol: 0.6))
      ])
    #expect(truth.objects(forInput: "b.jpg")?.count == 1, "matched by file name")
    #expect(truth.objects(forInput: "c.jpg") == [], "an image without objects is known and empty")
    #expect(truth.objects(forInput: "d.jpg") == nil)
  }

  @Test(arguments: [
    ("[1, 2]", "expected an object"),
    ("{", "not valid JSON"),
    (#"{"categories": []}"#, "not a COCO annotations file: it has no 'images' list"),
    (#"{"images": []}"#, "not a COCO annotations file: it has no 'categories' list"),
    (#"{"images": [{"id": 1}], "categories": []}"#, "images[0]: missing 'file_name'"),
    (
      #"{"images": [], "categories": [], "annotations": [{"image_id": 3, "category_id": 1, "bbox": [0,0,1,1]}]}"#,
      "annotations[0]: image_id 3 is not in 'images'"
    ),
    (
      #"{"images": [{"id": 1, "file_name": "a", "width": 1, "height": 1}], "categories": [], "annotations": [{"image_id": 1, "category_id": 1, "bbox": [0,0,1,1]}]}"#,
      "annotations[0]: category_id 1 is not in 'categories'"
    ),
    (
      #"{"images": [{"id": 1, "file_name": "a", "width": 1, "height": 1}], "categories": [{"id": 1, "name": "cat"}], "annotations": [{"image_id": 1, "category_id": 1, "bbox": [0,0,1]}]}"#,
      "annotations[0]: bbox must be [x, y, width, height] with width and height >= 0"
    ),
    (
      #"{"images": [{"id": 1, "file_name": "a"}], "categories": [{"id": 1, "name": "cat"}], "annotations": [{"image_id": 1, "category_id": 1, "bbox": [0,0,1,1]}]}"#,
      "images entry 'a' needs a positive width and height to place its boxes"
    ),
    (
      #"{"images": [{"id": 1, "file_name": "a"}, {"id": 1, "file_name": "b"}], "categories": []}"#,
      "images[1]: image id 1 appears twice"
    ),
    (
      #"{"images": [{"id": 1, "file_name": "a", "width": "wide"}], "categories": []}"#,
      "images[0].width: expected a number"
    ),
  ])
  func badFilesSayWhatAndWhere(json: String, message: String) {
    guard case .failure(let e) = read(json) else {
      Issue.record("expected a failure")
      return
    }
    #expect(e.message == message)
    #expect(e.description == "gt.json: \(message)")
  }

  @Test func iou() {
    let a = BoundingBox(topRow: 0, leftCol: 0, bottomRow: 1, rightCol: 1)
    let b = BoundingBox(topRow: 0, leftCol: 0.5, bottomRow: 1, rightCol: 1.5)
    #expect(BoxMatcher.iou(a, a) == 1)
    #expect(abs(BoxMatcher.iou(a, b) - 1.0 / 3) < 1e-12)
    #expect(BoxMatcher.iou(a, BoundingBox(topRow: 2, leftCol: 2, bottomRow: 3, rightCol: 3)) == 0)
  }

  @Test func greedyMatchingTakesTheSurestPredictionFirst() {
    let t = BoundingBox(topRow: 0, leftCol: 0, bottomRow: 1, rightCol: 1)
    let near = BoundingBox(topRow: 0, leftCol: 0, bottomRow: 1, rightCol: 0.9)
    let far = BoundingBox(topRow: 0, leftCol: 0, bottomRow: 1, rightCol: 0.6)
    // The less overlapping box is surer, so it takes the object; the better box is left unmatched.
    let m = BoxMatcher.match(predictions: [(near, 0.7), (far, 0.9)], truths: [t], threshold: 0.5)
    #expect(m == [nil, 0])
    #expect(BoxMatcher.match(predictions: [(far, 0.9)], truths: [t], threshold: 0.7) == [nil])
  }
}
