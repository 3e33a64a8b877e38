/// One model step's outputs for a batch, held column-wise: one row per prediction, that is per
/// (region, concept) of a detector and per concept of a classifier.
///
/// Rows of an input are contiguous, region concepts first (in region order) and then the input's
/// own concepts: the order an annotation-writer writes them in. Strings stay in the model's
/// records, which are kept beside the columns: an annotation is built from them only when a
/// writer's row survives.
struct ModelColumns {
  /// The model's record per input; `nil` where it gave nothing (or the input failed before).
  let records: [DataRecord?]
  /// `inputStart[i]..<inputStart[i + 1]` are input `i`'s rows.
  private(set) var inputStart: [Int32]
  /// Where input `i`'s input-level concept rows start (they run to `inputStart[i + 1]`).
  private(set) var conceptStart: [Int32]
  /// The region a row belongs to (an index into the record's regions); -1 for an input-level concept.
  private(set) var region: [Int32] = []
  /// The concept's position in its list (the region's concepts, or the record's concepts).
  private(set) var position: [Int32] = []
  /// The confidence.
  private(set) var value: [Double] = []
  /// The concept, interned per batch: an index into `keys`.
  private(set) var key: [Int32] = []
  /// Distinct (id, name) pairs of the batch: a thresholder resolves its threshold once per pair.
  private(set) var keys: [ConceptKey] = []
  private var keyIndex: [ConceptKey: Int32] = [:]

  /// A concept's identity as a thresholder matches it: by id, then by name.
  struct ConceptKey: Hashable {
    var id: String
    var name: String
  }

  init(_ records: [DataRecord?]) {
    self.records = records
    inputStart = [0]
    conceptStart = []
    inputStart.reserveCapacity(records.count + 1)
    conceptStart.reserveCapacity(records.count)
    var last: (ConceptKey, Int32)?
    for record in records {
      if let record {
        for (r, region) in record.regions.enumerated() {
          for (k, concept) in region.concepts.enumerated() {
            append(Int32(r), Int32(k), concept, &last)
          }
        }
        conceptStart.append(Int32(value.count))
        for (k, concept) in record.concepts.enumerated() { append(-1, Int32(k), concept, &last) }
      } else {
        conceptStart.append(Int32(value.count))
      }
      inputStart.append(Int32(value.count))
    }
  }

  var rowCount: Int { value.count }

  @inline(__always)
  private mutating func append(_ r: Int32, _ k: Int32, _ concept: Concept, _ last: inout (ConceptKey, Int32)?)
  {
    region.append(r)
    position.append(k)
    value.append(concept.value)
    // Detectors repeat a few concepts: comparing with the previous one avoids most hashing.
    if let (previous, index) = last, previous.id == concept.id, previous.name == concept.name {
      key.append(index)
      return
    }
    let k = ConceptKey(id: concept.id, name: concept.name)
    let index: Int32
    if let known = keyIndex[k] {
      index = known
    } else {
      index = Int32(keys.count)
      keys.append(k)
      keyIndex[k] = index
    }
    key.append(index)
    last = (k, index)
  }

  /// Each key's threshold under a thresholder; NaN where the concept has none (every comparison
  /// with NaN is false, so such concepts do not pass, as the thresholder decides).
  func thresholds(_ t: ConceptThresholds) -> [Double] {
    keys.map { t.threshold(for: Concept(id: $0.id, name: $0.name, value: 0)) ?? .nan }
  }
}
