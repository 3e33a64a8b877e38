/// Model answers for many inputs held column-wise: one row per prediction, that is per (region,
/// concept) of a detector and per concept of a classifier, and one entry per answer.
///
/// An entry's rows are contiguous, region concepts first (in region order) and then the answer's
/// own concepts: the order an annotation-writer writes them in. Concepts are interned as (id, name)
/// pairs, so a thresholder resolves its threshold once per pair and not once per row.
///
/// A recording keeps its answers here (`ReplayData`), and the column evaluator reads them without
/// building a record per input; `record(_:)` gives an answer back as a record when something needs
/// one (`--output`, a backend's request, the REPL's cache).
public struct PredictionColumns: Sendable {
  /// A concept's identity as a thresholder matches it: by id, then by name.
  public struct ConceptKey: Hashable, Sendable {
    public var id: String
    public var name: String
  }

  /// `rowStart[e]..<rowStart[e + 1]` are entry `e`'s rows.
  public private(set) var rowStart: [Int32] = [0]
  /// Where entry `e`'s input-level concept rows start (they run to `rowStart[e + 1]`).
  public private(set) var conceptStart: [Int32] = []
  /// `regionStart[e]..<regionStart[e + 1]` are entry `e`'s regions.
  public private(set) var regionStart: [Int32] = [0]
  /// Each entry's image (its size in pixels, when the model gave it).
  private(set) var image: [ImageRef?] = []

  /// Per region: its id, box and own confidence.
  public private(set) var regionId: [String] = []
  public private(set) var regionBox: [BoundingBox?] = []
  private(set) var regionValue: [Double?] = []

  /// Per row: its region (an index into the region columns), -1 for an input-level concept.
  public private(set) var rowRegion: [Int32] = []
  /// Per row: the confidence.
  public private(set) var value: [Double] = []
  /// Per row: the concept, an index into `keys`.
  public private(set) var key: [Int32] = []
  /// Distinct (id, name) pairs.
  public private(set) var keys: [ConceptKey] = []
  private var keyIndex: [ConceptKey: Int32] = [:]
  private var lastKey: Int32 = -1

  public init() {}

  /// The number of answers held.
  public var entryCount: Int { image.count }
  /// The number of predictions held.
  public var rowCount: Int { value.count }

  /// Whether the columns hold every field of a record, so that `record(_:)` gives back an equal
  /// one: no text, embeddings or metadata, and regions without track ids, crops or text.
  public static func holdsWhole(_ record: DataRecord) -> Bool {
    record.text == nil && record.embeddings.isEmpty && record.metadata.isEmpty
      && record.regions.allSatisfy { $0.trackId == nil && $0.image == nil && $0.text == nil }
  }

  /// Appends an answer; returns its entry. Fields the columns do not hold (see `holdsWhole`) are
  /// left out.
  @discardableResult
  public mutating func append(_ record: DataRecord) -> Int32 {
    for region in record.regions {
      let r = Int32(regionId.count)
      regionId.append(region.id)
      regionBox.append(region.boundingBox)
      regionValue.append(region.value)
      for concept in region.concepts { appendRow(r, concept.value, intern(concept.id, concept.name)) }
    }
    conceptStart.append(Int32(value.count))
    for concept in record.concepts { appendRow(-1, concept.value, intern(concept.id, concept.name)) }
    return close(image: record.image)
  }

  /// Appends a copy of entry `e` of other columns; returns its entry here.
  public mutating func append(entry e: Int, of other: PredictionColumns) -> Int32 {
    let regionBase = Int32(regionId.count) - other.regionStart[e]
    for r in Int(other.regionStart[e])..<Int(other.regionStart[e + 1]) {
      regionId.append(other.regionId[r])
      regionBox.append(other.regionBox[r])
      regionValue.append(other.regionValue[r])
    }
    for row in Int(other.rowStart[e])..<Int(other.rowStart[e + 1]) {
      if row == Int(other.conceptStart[e]) { conceptStart.append(Int32(value.count)) }
      let k = other.keys[Int(other.key[row])]
      let region = other.rowRegion[row]
      appendRow(region >= 0 ? region + regionBase : -1, other.value[row], intern(k.id, k.name))
    }
    if other.conceptStart[e] == other.rowStart[e + 1] { conceptStart.append(Int32(value.count)) }
    return close(image: other.image[e])
  }

  /// Entry `e` as a record.
  public func record(_ e: Int) -> DataRecord {
    var regions: [Region] = []
    regions.reserveCapacity(Int(regionStart[e + 1] - regionStart[e]))
    var row = Int(rowStart[e])
    for r in Int(regionStart[e])..<Int(regionStart[e + 1]) {
      var concepts: [Concept] = []
      while row < Int(conceptStart[e]), rowRegion[row] == Int32(r) {
        concepts.append(concept(row))
        row += 1
      }
      regions.append(
        Region(id: regionId[r], boundingBox: regionBox[r], concepts: concepts, value: regionValue[r]))
    }
    let concepts = (Int(conceptStart[e])..<Int(rowStart[e + 1])).map(concept)
    return DataRecord(image: image[e], concepts: concepts, regions: regions)
  }

  /// Row `row` as a concept.
  public func concept(_ row: Int) -> Concept {
    let k = keys[Int(key[row])]
    return Concept(id: k.id, name: k.name, value: value[row])
  }

  /// The regions entry `e` has.
  func regionCount(_ e: Int) -> Int { Int(regionStart[e + 1] - regionStart[e]) }

  @inline(__always)
  private mutating func appendRow(_ region: Int32, _ v: Double, _ k: Int32) {
    rowRegion.append(region)
    value.append(v)
    key.append(k)
  }

  private mutating func close(image: ImageRef?) -> Int32 {
    self.image.append(image)
    rowStart.append(Int32(value.count))
    regionStart.append(Int32(regionId.count))
    return Int32(self.image.count - 1)
  }

  private mutating func intern(_ id: String, _ name: String) -> Int32 {
    // Answers repeat a few concepts: comparing with the previous one avoids most hashing.
    if lastKey >= 0, keys[Int(lastKey)].id == id, keys[Int(lastKey)].name == name { return lastKey }
    let k = ConceptKey(id: id, name: name)
    if let known = keyIndex[k] {
      lastKey = known
    } else {
      lastKey = Int32(keys.count)
      keys.append(k)
      keyIndex[k] = lastKey
    }
    return lastKey
  }
}

extension PredictionColumns {
  /// Entry `e`'s rows: those of its regions' concepts, then those of its own concepts.
  public func rows(ofEntry e: Int) -> (regions: Range<Int>, concepts: Range<Int>) {
    (Int(rowStart[e])..<Int(conceptStart[e]), Int(conceptStart[e])..<Int(rowStart[e + 1]))
  }

  /// Entry `e`'s regions (indices into the region columns).
  public func regions(ofEntry e: Int) -> Range<Int> { Int(regionStart[e])..<Int(regionStart[e + 1]) }

  /// A region's id.
  public func id(ofRegion r: Int) -> String { regionId[r] }
  /// A region's box.
  public func box(ofRegion r: Int) -> BoundingBox? { regionBox[r] }
  /// The region a row belongs to; -1 for an input-level concept.
  public func region(ofRow row: Int) -> Int { Int(rowRegion[row]) }
}
