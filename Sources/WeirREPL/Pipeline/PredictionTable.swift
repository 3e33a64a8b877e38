import WeirCore

/// The cached model outputs of a session's inputs, as the column evaluator reads them: per source
/// model node, its answers' columns (the cache's own, shared, not copied) and each input's entry.
///
/// A prediction (a row) is a (region, concept) of a detector or a concept of a classifier. Rows are
/// numbered model by model, each model's rows input by input in the order of its columns (regions'
/// concepts, then the input's own concepts); "table order", in which `explain`, `diff` and the
/// concept columns of a report list them, is input by input, models in order, an input's own
/// concepts before its regions. Nothing here holds a string or a box per row: they are read from
/// the columns when a single prediction is shown or matched.
public struct PredictionTable: Sendable {
  /// The session's inputs, in order.
  public private(set) var inputs: [InputItem]
  /// The model nodes whose outputs are in the table.
  public private(set) var modelNodes: [String] = []
  /// Per model node: its answers for `inputs`.
  public private(set) var models: [ModelColumns] = []
  /// Per model: its first row; the last element is the number of rows.
  public private(set) var rowOffset: [Int] = [0]
  /// Concept ids, interned in table order: rows refer to them by index.
  public private(set) var conceptIds: [String] = []
  /// Concept names, parallel to `conceptIds` (the first name seen for the id).
  public private(set) var conceptNames: [String] = []
  private var conceptIndex: [String: Int32] = [:]
  /// Per model: the concept index of each key of its columns.
  private var conceptOfKey: [[Int32]] = []
  /// Per row: its input.
  private var inputOfRow: [Int32] = []
  public private(set) var regionCount = 0

  /// An empty table over the session's inputs; models are added with `add`.
  public init(inputs: [InputItem]) {
    self.inputs = inputs
  }

  /// Adds a model node's answers: `columns` hold an entry (or -1) for each of `inputs`.
  public mutating func add(model node: String, _ columns: ModelColumns) {
    modelNodes.append(node)
    models.append(columns)
    conceptOfKey.append([Int32](repeating: -1, count: columns.store.keys.count))
    rowOffset.append(rowOffset[rowOffset.count - 1] + columns.rowCount)
    inputOfRow.reserveCapacity(rowOffset[rowOffset.count - 1])
    for i in 0..<columns.inputCount {
      let n = Int(columns.inputStart[i + 1] - columns.inputStart[i])
      inputOfRow.append(contentsOf: repeatElement(Int32(i), count: n))
      if columns.entry[i] >= 0 { regionCount += columns.store.regions(ofEntry: Int(columns.entry[i])).count }
    }
    internConcepts()
  }

  /// Gives every key of every model its concept, interning concepts in table order: the order the
  /// rows' concepts are first met, input by input (usually the first inputs meet them all).
  private mutating func internConcepts() {
    conceptIds = []
    conceptNames = []
    conceptIndex = [:]
    for m in conceptOfKey.indices { conceptOfKey[m] = conceptOfKey[m].map { _ in -1 } }
    var missing = conceptOfKey.reduce(0) { $0 + $1.count }
    var i = 0
    while missing > 0, i < inputs.count {
      for m in models.indices {
        let c = models[m]
        for local in tableOrder(m, input: i) {
          let key = Int(c.store.key[storeRow(m, local, input: i)])
          guard conceptOfKey[m][key] < 0 else { continue }
          conceptOfKey[m][key] = intern(c.store.keys[key])
          missing -= 1
        }
      }
      i += 1
    }
  }

  private mutating func intern(_ key: PredictionColumns.ConceptKey) -> Int32 {
    if let known = conceptIndex[key.id] { return known }
    let index = Int32(conceptIds.count)
    conceptIndex[key.id] = index
    conceptIds.append(key.id)
    conceptNames.append(key.name)
    return index
  }

  public var rowCount: Int { rowOffset[rowOffset.count - 1] }

  /// The interned index of a concept id, if any row has it.
  public func concept(id: String) -> Int32? { conceptIndex[id] }

  /// The model a row belongs to.
  @inline(__always)
  public func model(ofRow row: Int) -> Int {
    var m = 0
    while rowOffset[m + 1] <= row { m += 1 }
    return m
  }

  /// The input a row belongs to.
  public func input(ofRow row: Int) -> Int { Int(inputOfRow[row]) }

  /// Model `m`'s local row `local` of input `i`, as a row of its columns' store.
  @inline(__always)
  func storeRow(_ m: Int, _ local: Int, input i: Int) -> Int {
    let c = models[m]
    return c.firstStoreRow(i) - Int(c.inputStart[i]) + local
  }

  /// A row's place in its model's columns.
  private func locate(_ row: Int) -> (columns: PredictionColumns, storeRow: Int, model: Int) {
    let m = model(ofRow: row)
    let local = row - rowOffset[m]
    return (models[m].store, storeRow(m, local, input: Int(inputOfRow[row])), m)
  }

  /// A row's confidence.
  public func value(ofRow row: Int) -> Double {
    let (c, r, _) = locate(row)
    return c.value[r]
  }

  /// A row's concept (an index into `conceptIds`).
  public func concept(ofRow row: Int) -> Int {
    let (c, r, m) = locate(row)
    return Int(conceptOfKey[m][Int(c.key[r])])
  }

  /// Whether a row is a region's concept (not an input's own).
  public func isRegion(_ row: Int) -> Bool {
    let (c, r, _) = locate(row)
    return c.rowRegion[r] >= 0
  }

  /// A row's region id; empty for an input's own concept.
  public func regionId(ofRow row: Int) -> String {
    let (c, r, _) = locate(row)
    return c.rowRegion[r] >= 0 ? c.id(ofRegion: Int(c.rowRegion[r])) : ""
  }

  /// A row's region box; `nil` for an input's own concept or a region without one.
  public func box(ofRow row: Int) -> BoundingBox? {
    let (c, r, _) = locate(row)
    return c.rowRegion[r] >= 0 ? c.box(ofRegion: Int(c.rowRegion[r])) : nil
  }

  /// Model `m`'s local rows of input `i` in table order: the input's own concepts, then its regions'.
  func tableOrder(_ m: Int, input i: Int) -> [Int] {
    let c = models[m]
    let start = Int(c.inputStart[i])
    let concepts = c.conceptStart(i)
    let end = Int(c.inputStart[i + 1])
    return Array(concepts..<end) + Array(start..<concepts)
  }

  /// The rows of one input, in table order.
  public func rows(ofInput input: Int) -> [Int] {
    models.indices.flatMap { m in tableOrder(m, input: input).map { rowOffset[m] + $0 } }
  }

  /// Where a row comes in table order: (input, model, 0 for an input's own concept and 1 for a
  /// region's, row).
  func tableOrderKey(_ row: Int) -> [Int] {
    let m = model(ofRow: row)
    return [input(ofRow: row), m, isRegion(row) ? 1 : 0, row]
  }

  /// The table of one input alone (the interpreter's `explain`).
  func restricted(toInput input: Int) -> PredictionTable {
    var sub = PredictionTable(inputs: [inputs[input]])
    for (m, c) in models.enumerated() {
      sub.add(model: modelNodes[m], ModelColumns(c.store, entry: [c.entry[input]]))
    }
    return sub
  }

  /// Row `row` (of input `input`) in `restricted(toInput: input)`.
  func restrictedRow(_ row: Int, input: Int) -> Int {
    var offset = 0
    let m = model(ofRow: row)
    for k in 0..<m { offset += Int(models[k].inputStart[input + 1] - models[k].inputStart[input]) }
    return offset + row - rowOffset[m] - Int(models[m].inputStart[input])
  }

  /// One input alone: each model's columns with that input's entry only (for `explain`).
  func columns(ofInput input: Int) -> [ModelColumns] {
    models.map { ModelColumns($0.store, entry: [$0.entry[input]]) }
  }

  /// Counts a run given each row's writers: per writer and per branch, predictions per concept;
  /// and each row's branch.
  func count(_ masks: [UInt64], writers: [AnnotationStatus]) -> (RunCounts, [UInt8]) {
    var accept: UInt64 = 0
    var review: UInt64 = 0
    for (w, status) in writers.enumerated() {
      switch PredictionBranch(status: status) {
      case .accepted: accept |= 1 << UInt64(w)
      case .review: review |= 1 << UInt64(w)
      case .dropped: break
      }
    }
    let concepts = conceptIds.count
    var perWriter = [Int](repeating: 0, count: writers.count * concepts)
    var perBranch = [Int](repeating: 0, count: 3 * concepts)
    var branches = [UInt8](repeating: 0, count: rowCount)
    for m in models.indices {
      let c = models[m]
      let keys = conceptOfKey[m]
      let base = rowOffset[m]
      c.store.key.withUnsafeBufferPointer { key in
        for i in 0..<c.inputCount where c.entry[i] >= 0 {
          let local = Int(c.inputStart[i])
          let offset = c.firstStoreRow(i) - local
          for r in local..<Int(c.inputStart[i + 1]) {
            let concept = Int(keys[Int(key[r + offset])])
            let mask = masks[base + r]
            var w = mask
            while w != 0 {
              perWriter[w.trailingZeroBitCount * concepts + concept] += 1
              w &= w - 1
            }
            let branch = mask & accept != 0 ? 2 : mask & review != 0 ? 1 : 0
            perBranch[branch * concepts + concept] += 1
            branches[base + r] = UInt8(branch)
          }
        }
      }
    }
    var counts = RunCounts(writers: writers.count, concepts: concepts)
    for w in 0..<writers.count {
      counts.perWriter[w] = Array(perWriter[(w * concepts)..<((w + 1) * concepts)])
    }
    for b in 0..<3 { counts.perBranch[b] = Array(perBranch[(b * concepts)..<((b + 1) * concepts)]) }
    return (counts, branches)
  }
}

/// How many predictions went where in one run, per concept.
public struct RunCounts: Equatable, Sendable {
  /// `perWriter[w][c]`: predictions of concept `c` written by writer `w`.
  public var perWriter: [[Int]]
  /// `perBranch[b.rawValue][c]`: predictions of concept `c` that ended up in branch `b`.
  public var perBranch: [[Int]]

  init(writers: Int, concepts: Int) {
    perWriter = Array(repeating: Array(repeating: 0, count: concepts), count: writers)
    perBranch = Array(repeating: Array(repeating: 0, count: concepts), count: PredictionBranch.allCases.count)
  }

  /// All predictions in a branch, over concepts.
  public func total(_ branch: PredictionBranch) -> Int { perBranch[Int(branch.rawValue)].reduce(0, +) }

  /// All predictions a writer wrote, over concepts.
  public func total(writer: Int) -> Int { perWriter[writer].reduce(0, +) }
}
