/// The output layouts weir reads, by the name `decoder:` takes.
public enum DetectorDecoder: String, Sendable, Hashable, CaseIterable {
  /// One output `[batch, boxes, 5 + classes]`: centre x, centre y, width, height in input pixels,
  /// objectness, class scores; score = objectness × class score.
  case yolov5
  /// The same layout as YOLOX's own export gives it (without `--decode_in_inference`): one row per
  /// cell of the stride 8, 16 and 32 grids, offsets and log sizes in cell units.
  case yolox
  /// One output `[batch, 4 + classes, boxes]`: centre x, centre y, width, height in input pixels,
  /// then class scores (YOLOv8 and YOLO11).
  case yolov8
  /// Two outputs: boxes `[batch, queries, 4]` (centre x, centre y, width, height as fractions of the
  /// input) and logits `[batch, queries, classes]`; no NMS.
  case detr
  /// Three or four outputs: boxes `[batch, n, 4]` (top, left, bottom, right as fractions of the
  /// input), scores `[batch, n]`, classes `[batch, n]`, and optionally a count `[batch]`.
  case ssd

  /// Whether the decoder's boxes go through NMS (DETR's queries already do not overlap).
  public var usesNMS: Bool { self != .detr }
}

/// A decoder bound to a model's outputs: which output is which and how many classes there are.
public struct DecoderLayout: Sendable, Hashable {
  public var decoder: DetectorDecoder
  /// Output indices in the order the decoder reads them (boxes first for DETR and SSD).
  public var outputs: [Int]
  /// The number of classes the model scores, or `nil` when the model gives class ids (SSD).
  public var classes: Int?

  public init(decoder: DetectorDecoder, outputs: [Int], classes: Int?) {
    self.decoder = decoder
    self.outputs = outputs
    self.classes = classes
  }
}
