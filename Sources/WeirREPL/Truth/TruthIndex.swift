import WeirCore

/// The matching problem of a session's predictions against ground truth, prepared once so that
/// scoring one run (one sweep point) is a single pass: per (input, concept), predictions in
/// descending confidence, each with the true objects it overlaps enough, best IoU first.
struct TruthIndex {
  /// Per group: the range of its predictions in `predictionRows`.
  private var groupStart: [Int] = [0]
  /// Rows of the prediction table, grouped, each group in descending confidence.
  private var predictionRows: [Int32] = []
  /// Per prediction (parallel to `predictionRows`): the range of its candidates.
  private var candidateStart: [Int] = [0]
  /// Candidate true objects (global object indices), best IoU first.
  private var candidateObject: [Int32] = []
  /// True objects on covered inputs.
  private(set) var objectCount = 0
  private(set) var inputsWithoutTruth = 0

  init(table: PredictionTable, truth: GroundTruth, iou threshold: Double) {
    var objectOffset = 0
    var uncovered = 0
    var groups: [Int: [Int]] = [:]  // concept -> rows, rebuilt per input
    var rowsByInput = [[Int]](repeating: [], count: table.inputs.count)
    for row in 0..<table.rowCount where table.isRegion(row) {
      rowsByInput[table.input(ofRow: row)].append(row)
    }
    for (i, input) in table.inputs.enumerated() {
      guard let objects = truth.objects(forInput: input.id) else {
        uncovered += 1
        continue
      }
      groups.removeAll(keepingCapacity: true)
      for row in rowsByInput[i] { groups[table.concept(ofRow: row), default: []].append(row) }
      for concept in groups.keys.sorted() {
        let id = table.conceptIds[concept]
        let name = table.conceptNames[concept]
        let truths = objects.indices.filter { objects[$0].concept == id || objects[$0].concept == name }
        addGroup(groups[concept]!, truths.map { (objectOffset + $0, objects[$0].box) }, table, threshold)
      }
      objectOffset += objects.count
    }
    objectCount = objectOffset
    inputsWithoutTruth = uncovered
  }

  private mutating func addGroup(
    _ rows: [Int], _ truths: [(index: Int, box: BoundingBox)], _ table: PredictionTable, _ threshold: Double
  ) {
    let sorted = rows.map { (row: $0, value: table.value(ofRow: $0)) }
      .sorted { $0.value != $1.value ? $0.value > $1.value : $0.row < $1.row }.map(\.row)
    for row in sorted {
      predictionRows.append(Int32(row))
      if let box = table.box(ofRow: row) {
        var candidates: [(object: Int, iou: Double)] = []
        for truth in truths {
          let overlap = BoxMatcher.iou(box, truth.box)
          if overlap >= threshold { candidates.append((truth.index, overlap)) }
        }
        candidates.sort { $0.iou != $1.iou ? $0.iou > $1.iou : $0.object < $1.object }
        candidateObject.append(contentsOf: candidates.map { Int32($0.object) })
      }
      candidateStart.append(candidateObject.count)
    }
    groupStart.append(predictionRows.count)
  }

  /// Scores one run, given each row's branch (`PredictionBranch.rawValue`).
  func score(_ branches: [UInt8]) -> TruthScore {
    var result = TruthScore()
    result.objects = objectCount
    result.inputsWithoutTruth = inputsWithoutTruth
    var taken = [Bool](repeating: false, count: objectCount)
    for g in 0..<(groupStart.count - 1) {
      let predictions = groupStart[g]..<groupStart[g + 1]
      for p in predictions where branches[Int(predictionRows[p])] == PredictionBranch.accepted.rawValue {
        result.accepted += 1
        if take(p, &taken) { result.acceptedCorrect += 1 }
      }
      for p in predictions where branches[Int(predictionRows[p])] == PredictionBranch.review.rawValue {
        if take(p, &taken) { result.objectsInReview += 1 }
      }
    }
    result.objectsAccepted = result.acceptedCorrect
    return result
  }

  /// Matches prediction `p` to its best candidate not taken yet.
  private func take(_ p: Int, _ taken: inout [Bool]) -> Bool {
    for k in candidateStart[p]..<candidateStart[p + 1] {
      let object = Int(candidateObject[k])
      if !taken[object] {
        taken[object] = true
        return true
      }
    }
    return false
  }
}
