extension DecoderLayout {
  /// The layout of `decoder` over `outputs` (compiled, batch first), or `decoder: nil` to detect it
  /// from the shapes. Throws a `.layout` error naming the shapes when nothing fits, or when two
  /// decoders would fit and the shapes cannot tell them apart.
  public static func match(
    _ decoder: DetectorDecoder?, outputs: [TensorPort], inputWidth: Int, inputHeight: Int
  ) throws(OpenVINOError) -> DecoderLayout {
    let shapes = outputs.map(\.description).joined(separator: ", ")
    if let decoder {
      guard let layout = fit(decoder, outputs, inputWidth, inputHeight) else {
        throw OpenVINOError(
          .layout,
          "the model's outputs (\(shapes)) are not in the \(decoder.rawValue) layout\(Self.expected(decoder))"
        )
      }
      return layout
    }
    let fits = DetectorDecoder.allCases.compactMap { fit($0, outputs, inputWidth, inputHeight) }
    // A row per grid cell is YOLOX's own export, or boxes already decoded (yolov5): only the
    // model's author knows, so both fit and the user is asked.
    let candidates = fits
    switch candidates.count {
    case 0:
      throw OpenVINOError(
        .layout,
        "the model's outputs (\(shapes)) match no decoder weir has; detectors give "
          + DetectorDecoder.allCases.map { "\($0.rawValue)\(Self.expected($0))" }.joined(separator: ", "))
    case 1:
      return candidates[0]
    default:
      let names = candidates.map(\.decoder.rawValue).joined(separator: " or ")
      throw OpenVINOError(
        .layout,
        "the model's outputs (\(shapes)) fit more than one decoder (\(names)); say which with 'decoder:'")
    }
  }

  /// The shapes a decoder reads, for messages.
  static func expected(_ decoder: DetectorDecoder) -> String {
    switch decoder {
    case .yolov5: " ([batch, boxes, 5 + classes])"
    case .yolox: " ([batch, grid cells of strides 8, 16, 32, 5 + classes])"
    case .yolov8: " ([batch, 4 + classes, boxes])"
    case .detr: " (boxes [batch, queries, 4] and logits [batch, queries, classes])"
    case .ssd: " (boxes [batch, n, 4], scores [batch, n], classes [batch, n], optional count [batch])"
    }
  }

  /// The cells of YOLOX's stride 8, 16 and 32 grids over the input, or `nil` when a side does not divide.
  static func gridCells(_ width: Int, _ height: Int) -> Int? {
    guard width % 32 == 0, height % 32 == 0 else { return nil }
    return [8, 16, 32].reduce(0) { $0 + (width / $1) * (height / $1) }
  }

  private static func fit(_ decoder: DetectorDecoder, _ outputs: [TensorPort], _ width: Int, _ height: Int)
    -> DecoderLayout?
  {
    let ranks = outputs.map(\.shape.count)
    switch decoder {
    case .yolov5, .yolox, .yolov8:
      guard outputs.count == 1, ranks == [3] else { return nil }
      let (a, b) = (outputs[0].shape[1], outputs[0].shape[2])
      guard a > 0, b > 0 else { return nil }
      let cells = gridCells(width, height)
      switch decoder {
      case .yolov8:
        guard b > a, a >= 5 else { return nil }
        return DecoderLayout(decoder: .yolov8, outputs: [0], classes: a - 4)
      case .yolox:
        guard a > b, b >= 6, a == cells else { return nil }
        return DecoderLayout(decoder: .yolox, outputs: [0], classes: b - 5)
      default:
        guard a > b, b >= 6 else { return nil }
        return DecoderLayout(decoder: .yolov5, outputs: [0], classes: b - 5)
      }
    case .detr:
      guard outputs.count == 2, ranks == [3, 3], outputs[0].shape[1] == outputs[1].shape[1] else {
        return nil
      }
      let boxes = outputs.indices.filter { outputs[$0].shape[2] == 4 }
      let box =
        boxes.count == 1 ? boxes[0] : outputs.indices.first { outputs[$0].name.lowercased().contains("box") }
      guard let box else { return nil }
      let logits = 1 - box
      guard outputs[logits].shape[2] >= 1 else { return nil }
      return DecoderLayout(decoder: .detr, outputs: [box, logits], classes: outputs[logits].shape[2])
    case .ssd:
      guard outputs.count == 3 || outputs.count == 4 else { return nil }
      guard let box = outputs.indices.first(where: { ranks[$0] == 3 && outputs[$0].shape[2] == 4 }) else {
        return nil
      }
      let n = outputs[box].shape[1]
      let flat = outputs.indices.filter { ranks[$0] == 2 && outputs[$0].shape[1] == n }
      guard flat.count == 2 else { return nil }
      let named = { (word: String) in flat.first { outputs[$0].name.lowercased().contains(word) } }
      guard let classes = named("class") ?? named("label"), let scores = flat.first(where: { $0 != classes })
      else { return nil }
      let count = outputs.indices.first { $0 != box && !flat.contains($0) }
      return DecoderLayout(
        decoder: .ssd, outputs: [box, scores, classes] + (count.map { [$0] } ?? []), classes: nil)
    }
  }
}
