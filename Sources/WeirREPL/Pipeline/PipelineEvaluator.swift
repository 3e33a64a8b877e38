import Dispatch
import WeirCore

/// How many predictions went where in one evaluation, per concept.
public struct RunCounts: Equatable, Sendable {
  /// `perWriter[w][c]`: predictions of concept `c` written by writer `w`.
  public var perWriter: [[Int]]
  /// `perBranch[b.rawValue][c]`: predictions of concept `c` that ended up in branch `b`.
  public var perBranch: [[Int]]

  init(writers: Int, concepts: Int) {
    perWriter = Array(repeating: Array(repeating: 0, count: concepts), count: writers)
    perBranch = Array(repeating: Array(repeating: 0, count: concepts), count: PredictionBranch.allCases.count)
  }

  mutating func add(_ other: RunCounts) {
    for w in perWriter.indices { for c in perWriter[w].indices { perWriter[w][c] += other.perWriter[w][c] } }
    for b in perBranch.indices { for c in perBranch[b].indices { perBranch[b][c] += other.perBranch[b][c] } }
  }

  /// All predictions in a branch, over concepts.
  public func total(_ branch: PredictionBranch) -> Int { perBranch[Int(branch.rawValue)].reduce(0, +) }

  /// All predictions a writer wrote, over concepts.
  public func total(writer: Int) -> Int { perWriter[writer].reduce(0, +) }
}

/// What one evaluation gives: counts, and per prediction (when asked) its writers and its branch.
struct Evaluation {
  var counts: RunCounts
  /// Bit `w` set when writer `w` wrote the prediction; empty unless asked for.
  var writerMasks: [UInt64]
  /// `PredictionBranch.rawValue` per prediction; empty unless asked for.
  var branches: [UInt8]
}

/// Runs a bound pipeline over every prediction of a table.
///
/// Each prediction is independent of the others under region- and concept-thresholders (they
/// filter concept by concept), so the work is one pass over the rows, split across cores.
enum PipelineEvaluator {
  static func evaluate(
    _ p: BoundPipeline, _ table: PredictionTable, masks wantMasks: Bool, branches wantBranches: Bool
  )
    -> Evaluation
  {
    let n = table.rowCount
    var masks = wantMasks ? [UInt64](repeating: 0, count: n) : []
    var branches = wantBranches ? [UInt8](repeating: 0, count: n) : []
    let chunkCount = n < 20_000 ? 1 : min(64, max(1, n / 20_000))
    var partial = [RunCounts](
      repeating: RunCounts(writers: p.writers.count, concepts: p.conceptCount), count: chunkCount)
    masks.withUnsafeMutableBufferPointer { maskOut in
      branches.withUnsafeMutableBufferPointer { branchOut in
        partial.withUnsafeMutableBufferPointer { counts in
          let maskPtr = maskOut
          let branchPtr = branchOut
          let countPtr = counts
          DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let lo = n * chunk / chunkCount
            let hi = n * (chunk + 1) / chunkCount
            evaluate(p, table, lo..<hi, maskPtr, branchPtr, &countPtr[chunk])
          }
        }
      }
    }
    var total = RunCounts(writers: p.writers.count, concepts: p.conceptCount)
    for c in partial { total.add(c) }
    return Evaluation(counts: total, writerMasks: masks, branches: branches)
  }

  private static func evaluate(
    _ p: BoundPipeline, _ table: PredictionTable, _ rows: Range<Int>,
    _ maskOut: UnsafeMutableBufferPointer<UInt64>,
    _ branchOut: UnsafeMutableBufferPointer<UInt8>, _ counts: inout RunCounts
  ) {
    let steps = p.stepCount
    let concepts = p.conceptCount
    let writerCount = p.writers.count
    var writerCounts = [Int](repeating: 0, count: writerCount * concepts)
    var branchCounts = [Int](repeating: 0, count: 3 * concepts)
    let acceptMask = p.acceptMask
    let reviewMask = p.reviewMask
    p.kind.withUnsafeBufferPointer { kind in
      p.parent.withUnsafeBufferPointer { parent in
        p.model.withUnsafeBufferPointer { model in
          p.comparison.withUnsafeBufferPointer { comparison in
            p.thresholds.withUnsafeBufferPointer { thresholds in
              p.writerOrdinal.withUnsafeBufferPointer { ordinal in
                table.rowRegion.withUnsafeBufferPointer { region in
                  table.rowModel.withUnsafeBufferPointer { rowModel in
                    table.rowConcept.withUnsafeBufferPointer { rowConcept in
                      table.rowValue.withUnsafeBufferPointer { rowValue in
                        for row in rows {
                          let c = Int(rowConcept[row])
                          let v = rowValue[row]
                          let m = rowModel[row]
                          let isRegion = region[row] >= 0
                          var alive: UInt64 = 0
                          var written: UInt64 = 0
                          for s in 0..<steps {
                            let k = kind[s]
                            if k == 0 {
                              if model[s] == m { alive |= 1 << UInt64(s) }
                              continue
                            }
                            guard alive & (1 << UInt64(parent[s])) != 0 else { continue }
                            switch k {
                            case 1, 2:
                              // A region-thresholder leaves input-level concepts alone, and a
                              // concept-thresholder leaves regions alone.
                              if isRegion != (k == 1) || holds(comparison[s], v, thresholds[s * concepts + c])
                              {
                                alive |= 1 << UInt64(s)
                              }
                            default:
                              alive |= 1 << UInt64(s)
                              written |= 1 << UInt64(ordinal[s])
                            }
                          }
                          var w = written
                          while w != 0 {
                            let bit = w.trailingZeroBitCount
                            writerCounts[bit * concepts + c] += 1
                            w &= w - 1
                          }
                          let branch: Int =
                            written & acceptMask != 0 ? 2 : written & reviewMask != 0 ? 1 : 0
                          branchCounts[branch * concepts + c] += 1
                          if !maskOut.isEmpty { maskOut[row] = written }
                          if !branchOut.isEmpty { branchOut[row] = UInt8(branch) }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    for w in 0..<writerCount {
      for c in 0..<concepts { counts.perWriter[w][c] += writerCounts[w * concepts + c] }
    }
    for b in 0..<3 { for c in 0..<concepts { counts.perBranch[b][c] += branchCounts[b * concepts + c] } }
  }

  @inline(__always)
  private static func holds(_ comparison: UInt8, _ value: Double, _ threshold: Double) -> Bool {
    switch comparison {
    case 1: return value > threshold
    case 2: return value >= threshold
    case 3: return value < threshold
    case 4: return value <= threshold
    default: return value == threshold
    }
  }
}
