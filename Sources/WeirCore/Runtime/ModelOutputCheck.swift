/// What every backend's answer must satisfy before the runtime thresholds, writes or exports it
/// (Documentation/Runtime.md, "What a model may answer"). Checked where answers enter the runtime,
/// the same for replayed, built-in, HTTP and command models:
///
/// - a confidence (a concept's value, a region's value) is a number in [0, 1];
/// - a box's four sides are in [0, 1], its top not below its bottom, its left not right of its right;
/// - a value at most `tolerance` outside [0, 1] is rounding error and is clamped to the bound;
/// - a concept listed twice in one list (the input's concepts, or one region's) is kept once, with
///   the higher value, where it was first listed: both say the model saw it, and a thresholder
///   keeps a concept when any of its confidences passes.
///
/// Anything else fails that input with a message naming the model, the region and the value; the
/// other inputs go on.
public enum ModelOutputCheck {
  /// How far outside [0, 1] a value may stray and still be clamped (single-precision rounding).
  public static let tolerance = 1e-6

  /// The answer, clamped and with repeated concepts merged, or why it cannot be used.
  public static func check(_ record: DataRecord, model: String) -> Result<DataRecord, ModelError> {
    // Almost every answer is already in shape: say so without copying a region or a concept.
    if isClean(record) { return .success(record) }
    var out = record
    do throws(ModelError) {
      out.concepts = try concepts(record.concepts, model: model, region: nil)
      for i in out.regions.indices { out.regions[i] = try region(out.regions[i], model: model) }
    } catch {
      return .failure(error)
    }
    return .success(out)
  }

  /// Whether checking would leave the record as it is: every confidence and box side already in
  /// [0, 1] (not -0, which clamping turns into 0), boxes the right way round, no concept twice in
  /// one list.
  static func isClean(_ record: DataRecord) -> Bool {
    guard isClean(record.concepts) else { return false }
    for region in record.regions {
      guard isClean(region.concepts), region.value.map(isUnit) ?? true else { return false }
      if let b = region.boundingBox {
        guard isUnit(b.topRow), isUnit(b.leftCol), isUnit(b.bottomRow), isUnit(b.rightCol),
          b.topRow <= b.bottomRow, b.leftCol <= b.rightCol
        else { return false }
      }
    }
    return true
  }

  private static func isClean(_ concepts: [Concept]) -> Bool {
    guard concepts.allSatisfy({ isUnit($0.value) }) else { return false }
    if concepts.count <= 1 { return true }
    if concepts.count <= 16 {
      for i in 1..<concepts.count where concepts[..<i].contains(where: { $0.id == concepts[i].id }) {
        return false
      }
      return true
    }
    return Set(concepts.map(\.id)).count == concepts.count
  }

  @inline(__always)
  private static func isUnit(_ x: Double) -> Bool { x >= 0 && x <= 1 && !(x == 0 && x.sign == .minus) }

  private static func region(_ region: Region, model: String) throws(ModelError) -> Region {
    var out = region
    out.concepts = try concepts(region.concepts, model: model, region: region.id)
    if let value = region.value {
      out.value = try unit(value) { "model '\(model)' gave region '\(region.id)' the confidence \($0)" }
    }
    if let box = region.boundingBox { out.boundingBox = try self.box(box, model: model, region: region.id) }
    return out
  }

  /// The concepts with clamped values, each id once with its highest value.
  private static func concepts(_ concepts: [Concept], model: String, region: String?) throws(ModelError)
    -> [Concept]
  {
    // Most lists hold one concept, or a few distinct ones with values in range: those come back
    // as they are, without a copy or a dictionary (this runs for every region a model answers).
    var clean = true
    for (i, concept) in concepts.enumerated() {
      // `-0.0` is not clean either: clamping turns it into `0.0`.
      guard i < 8, concept.value >= 0, concept.value <= 1, concept.value.sign == .plus,
        !concepts[..<i].contains(where: { $0.id == concept.id })
      else {
        clean = false
        break
      }
    }
    if clean { return concepts }
    var out: [Concept] = []
    var position: [String: Int] = [:]
    for concept in concepts {
      var c = concept
      c.value = try unit(concept.value) { value in
        let place = region.map { " in region '\($0)'" } ?? ""
        return "model '\(model)' gave concept '\(concept.id)'\(place) the confidence \(value)"
      }
      if let at = position[c.id] {
        if c.value > out[at].value { out[at] = c }
      } else {
        position[c.id] = out.count
        out.append(c)
      }
    }
    return out
  }

  private static func box(_ box: BoundingBox, model: String, region: String) throws(ModelError) -> BoundingBox
  {
    // The message is built only for a box that fails: formatting four numbers for every region
    // cost more than the rest of the check.
    func what() -> String { "model '\(model)' gave region '\(region)' the box \(describe(box))" }
    func inRange(_ x: Double) -> Bool { x.isFinite && x >= -tolerance && x <= 1 + tolerance }
    guard inRange(box.topRow), inRange(box.leftCol), inRange(box.bottomRow), inRange(box.rightCol) else {
      throw ModelError("\(what()); box sides are fractions of the image, between 0 and 1")
    }
    func clamp(_ x: Double) -> Double { min(max(x, 0), 1) }
    let out = BoundingBox(
      topRow: clamp(box.topRow), leftCol: clamp(box.leftCol), bottomRow: clamp(box.bottomRow),
      rightCol: clamp(box.rightCol))
    guard out.topRow <= out.bottomRow, out.leftCol <= out.rightCol else {
      let which =
        out.topRow > out.bottomRow ? "its top is below its bottom" : "its left is right of its right"
      throw ModelError("\(what()): \(which)")
    }
    return out
  }

  /// `value` clamped into [0, 1], or an error built from `what` when it is further out.
  private static func unit(_ value: Double, _ what: (String) -> String) throws(ModelError) -> Double {
    guard value.isFinite, value >= -tolerance, value <= 1 + tolerance else {
      throw ModelError("\(what(NumberText.format(value))); confidences are between 0 and 1")
    }
    return min(max(value, 0), 1)
  }

  /// `top 0.9, left 0.9, bottom 0.1, right 0.1`.
  private static func describe(_ box: BoundingBox) -> String {
    let sides = [
      ("top", box.topRow), ("left", box.leftCol), ("bottom", box.bottomRow), ("right", box.rightCol),
    ]
    return sides.map { "\($0.0) \(NumberText.format($0.1))" }.joined(separator: ", ")
  }
}
