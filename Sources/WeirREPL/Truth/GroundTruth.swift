import WeirCore

/// True objects per input: what `truth PATH` loads and sweeps score predictions against, read from
/// a COCO annotations file, a YOLO dataset folder, or an annotation store's reviewed labels.
public struct GroundTruth: Sendable {
  /// One true object: its concept (the COCO category name) and its box, normalized like predictions.
  public struct Object: Sendable, Hashable {
    public var concept: String
    public var box: BoundingBox

    public init(concept: String, box: BoundingBox) {
      self.concept = concept
      self.box = box
    }
  }

  /// The file it was read from, as given.
  public var path: String
  /// Objects per image, keyed by the image's `file_name`. An image with no annotations is present
  /// with an empty list: every prediction on it is a false positive.
  public var images: [String: [Object]]
  /// Category names, in file order.
  public var categories: [String]
  /// Crowd annotations (`iscrowd: 1`) are not objects to find one by one; they are skipped.
  public var skippedCrowd: Int
  /// What reviewers decided on the predictions a store sent to review (empty for label files):
  /// what `sweep` shows per band of the swept threshold.
  public var reviews: [ReviewedPrediction]

  public init(
    path: String, images: [String: [Object]], categories: [String], skippedCrowd: Int = 0,
    reviews: [ReviewedPrediction] = []
  ) {
    self.path = path
    self.images = images
    self.categories = categories
    self.skippedCrowd = skippedCrowd
    self.reviews = reviews
    for key in images.keys { basenames[Self.basename(key), default: []].append(key) }
  }

  private var basenames: [String: [String]] = [:]

  /// The true objects of an input, matched by the image's file name: exactly, else by the last path
  /// component when that is unambiguous. `nil` when the file says nothing about the input.
  public func objects(forInput id: String) -> [Object]? {
    if let objects = images[id] { return objects }
    let keys = basenames[Self.basename(id)] ?? []
    return keys.count == 1 ? images[keys[0]] : nil
  }

  /// How many true objects there are in all.
  public var objectCount: Int { images.values.reduce(0) { $0 + $1.count } }

  static func basename(_ path: String) -> String {
    path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
  }
}

/// A prediction a reviewer decided: its concept as predicted, its confidence, and whether the
/// reviewer kept it (accepted, or accepted with a corrected box) or not (relabelled, rejected).
public struct ReviewedPrediction: Sendable, Hashable {
  public var concept: String
  public var confidence: Double
  public var kept: Bool

  public init(concept: String, confidence: Double, kept: Bool) {
    self.concept = concept
    self.confidence = confidence
    self.kept = kept
  }
}
