/// `image-crop`: turns each region with a box into a crop of the image (reference §3.3, Edit).
///
/// The box is scaled by `margin` about its centre (Clarifai's margin-110 crop is the detector box
/// ×1.1 around the same centre) and clipped to [0, 1]. The crop is a new region with a new id, a
/// stable hash of the source region id and the node, so re-runs mint the same ids. Its `data.image`
/// points at the source image (the workflow input's image when the data flowing in has none, as
/// Clarifai's cropper looks back along the graph); a model that reads the crop cuts the pixels.
/// Concepts ride along so a writer downstream still knows what the box holds. Regions without a
/// box cannot be cropped and are dropped.
public struct ImageCrop: Operator, Hashable {
  public var margin: Double

  public init(margin: Double = 1) {
    self.margin = margin
  }

  /// The crop of a node: `margin` above 0, 1 when not given. Opaque to lint and the REPL's fast
  /// path: confidences pass through, and the REPL runs such a workflow in its interpreter.
  public init(params p: OperatorParams) throws(OperatorConfigError) {
    let margin = try p.number("margin")?.value ?? 1
    guard margin > 0 else { throw OperatorConfigError("'margin' must be above 0, not \(margin)") }
    self.init(margin: margin)
  }

  public func apply(_ data: DataRecord, _ context: OperatorContext, _ annotations: inout [AnnotationRecord])
    -> DataRecord?
  {
    let image = data.image ?? context.sourceImage
    var out = data
    out.regions = data.regions.compactMap { region in
      guard let box = region.boundingBox else { return nil }
      var crop = region
      crop.id = Self.cropId(of: region.id, node: context.nodeId)
      crop.boundingBox = Self.scale(box, by: margin)
      crop.image = image
      return crop
    }
    return out
  }

  /// The box scaled about its centre and clipped to the image.
  public static func scale(_ box: BoundingBox, by margin: Double) -> BoundingBox {
    let cy = (box.topRow + box.bottomRow) / 2
    let cx = (box.leftCol + box.rightCol) / 2
    let h = (box.bottomRow - box.topRow) * margin / 2
    let w = (box.rightCol - box.leftCol) * margin / 2
    func clip(_ x: Double) -> Double { min(1, max(0, x)) }
    return BoundingBox(
      topRow: clip(cy - h), leftCol: clip(cx - w), bottomRow: clip(cy + h), rightCol: clip(cx + w))
  }

  /// The id of the crop of a region at a node.
  public static func cropId(of regionId: String, node: String) -> String {
    var h = StableHash()
    h.combine("image-crop")
    h.combine(node)
    h.combine(regionId)
    return h.hexId
  }
}
