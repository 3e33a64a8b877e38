/// One model step's answers for a batch, as the column evaluator reads them: the batch's inputs'
/// entries in a `PredictionColumns` (the backend's own columns when it holds its answers that way,
/// otherwise columns built from the batch's records), and each input's rows numbered from 0 across
/// the batch so an operator's mask is one array.
public struct ModelColumns: Sendable {
  /// Where the rows are.
  public let store: PredictionColumns
  /// Each batch input's entry in `store`; -1 where the model gave nothing (or the input failed before).
  public let entry: [Int32]
  /// `inputStart[i]..<inputStart[i + 1]` are input `i`'s rows in the batch's numbering.
  public let inputStart: [Int32]

  public init(_ store: PredictionColumns, entry: [Int32]) {
    self.store = store
    self.entry = entry
    var start: [Int32] = [0]
    start.reserveCapacity(entry.count + 1)
    var total: Int32 = 0
    for e in entry {
      if e >= 0 { total += store.rowStart[Int(e) + 1] - store.rowStart[Int(e)] }
      start.append(total)
    }
    inputStart = start
  }

  /// Columns built from records (a backend that answers with records).
  init(records: [DataRecord?], count: Int) {
    var store = PredictionColumns()
    let entry = (0..<count).map { i in i < records.count ? records[i].map { store.append($0) } ?? -1 : -1 }
    self.init(store, entry: entry)
  }

  /// The rows of every input.
  public var rowCount: Int { Int(inputStart[inputStart.count - 1]) }
  public var inputCount: Int { entry.count }

  /// The store row of input `i`'s first row (its rows follow in order).
  @inline(__always)
  public func firstStoreRow(_ i: Int) -> Int {
    entry[i] >= 0 ? Int(store.rowStart[Int(entry[i])]) : 0
  }

  /// Where input `i`'s input-level concept rows start, in the batch's numbering (they run to
  /// `inputStart[i + 1]`).
  public func conceptStart(_ i: Int) -> Int {
    let e = Int(entry[i])
    guard e >= 0 else { return Int(inputStart[i + 1]) }
    return Int(inputStart[i]) + Int(store.conceptStart[e] - store.rowStart[e])
  }

  /// Each concept key's threshold under a thresholder; NaN where the concept has none (every
  /// comparison with NaN is false, so such concepts do not pass, as the thresholder decides).
  func thresholds(_ t: ConceptThresholds) -> [Double] {
    store.keys.map { t.threshold(for: Concept(id: $0.id, name: $0.name, value: 0)) ?? .nan }
  }
}
