/// `region-size-filter` (weir's extension): drops boxes that are too small or too large.
///
/// Sides and area are compared in the image's fraction (`units: normalized`, the default; a side of
/// 0.1 is a tenth of the image) or in pixels (`units: pixels`, which needs the image's size: an
/// input whose size is unknown fails at this node rather than pass unfiltered). Every bound is
/// inclusive and optional. Regions without a box are kept; confidences pass through.
public struct RegionSizeFilter: Operator, Hashable {
  public enum Units: String, Sendable, Hashable {
    case normalized, pixels
  }

  public var minWidth, maxWidth, minHeight, maxHeight, minArea, maxArea: Double?
  public var units: Units

  public init(
    minWidth: Double? = nil, maxWidth: Double? = nil, minHeight: Double? = nil, maxHeight: Double? = nil,
    minArea: Double? = nil, maxArea: Double? = nil, units: Units = .normalized
  ) {
    (self.minWidth, self.maxWidth, self.minHeight, self.maxHeight) = (
      minWidth, maxWidth, minHeight, maxHeight
    )
    (self.minArea, self.maxArea, self.units) = (minArea, maxArea, units)
  }

  static let bounds = ["min_width", "max_width", "min_height", "max_height", "min_area", "max_area"]

  /// The bounds (numbers from 0, at least one of them) and `units` (normalized or pixels).
  public init(params p: OperatorParams) throws(OperatorConfigError) {
    var values: [String: Double] = [:]
    for name in Self.bounds {
      guard let v = try p.number(name)?.value else { continue }
      guard v >= 0 else {
        throw OperatorConfigError("'\(name)' must be 0 or more, not \(NumberText.format(v))")
      }
      values[name] = v
    }
    guard !values.isEmpty else {
      throw OperatorConfigError("region-size-filter needs one of \(Self.bounds.joined(separator: ", "))")
    }
    let unitsText = try p.enumName("units")?.value ?? "normalized"
    guard
      let units = Units(rawValue: unitsText.lowercased())
        ?? (unitsText == "2" ? .pixels : unitsText == "1" ? .normalized : nil)
    else { throw OperatorConfigError("'units' must be normalized or pixels, not '\(unitsText)'") }
    self.init(
      minWidth: values["min_width"], maxWidth: values["max_width"], minHeight: values["min_height"],
      maxHeight: values["max_height"], minArea: values["min_area"], maxArea: values["max_area"], units: units)
  }

  public func apply(_ data: DataRecord, _ context: OperatorContext, _ annotations: inout [AnnotationRecord])
    throws -> DataRecord?
  {
    var (sx, sy) = (1.0, 1.0)
    if units == .pixels && data.regions.contains(where: { $0.boundingBox != nil }) {
      let image = data.image?.width != nil ? data.image : context.sourceImage
      guard let w = image?.width, let h = image?.height else {
        throw OperatorError(
          "region-size-filter compares pixels, but the size of input '\(context.input.id)' is unknown")
      }
      (sx, sy) = (Double(w), Double(h))
    }
    var out = data
    out.regions = data.regions.filter { region in
      guard let b = region.boundingBox else { return true }
      return keeps(width: (b.rightCol - b.leftCol) * sx, height: (b.bottomRow - b.topRow) * sy)
    }
    return out
  }

  /// Whether a box of this size (in the filter's units) is within every bound.
  public func keeps(width: Double, height: Double) -> Bool {
    func within(_ v: Double, _ low: Double?, _ high: Double?) -> Bool {
      (low.map { v >= $0 } ?? true) && (high.map { v <= $0 } ?? true)
    }
    return within(width, minWidth, maxWidth) && within(height, minHeight, maxHeight)
      && within(width * height, minArea, maxArea)
  }
}
