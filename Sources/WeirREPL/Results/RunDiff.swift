import WeirCore

/// What `diff` answers: the predictions whose branch changed between two runs.
public struct RunDiff: Sendable {
  /// One prediction that moved.
  public struct Change: Equatable, Sendable {
    public var input: String
    /// Empty for an input-level concept.
    public var region: String
    public var concept: String
    public var confidence: Double
    public var from: PredictionBranch
    public var to: PredictionBranch
    /// The writers that wrote it before and after.
    public var fromWriters: [String]
    public var toWriters: [String]
  }

  public var fromRun: Int
  public var toRun: Int
  /// The changes, by input, region and concept.
  public var changes: [Change]
  /// Predictions compared.
  public var compared: Int

  /// How many predictions went from one branch to another, most frequent first.
  public var transitions: [(from: PredictionBranch, to: PredictionBranch, count: Int)] {
    var counts: [[Int]] = Array(repeating: Array(repeating: 0, count: 3), count: 3)
    for c in changes { counts[Int(c.from.rawValue)][Int(c.to.rawValue)] += 1 }
    var result: [(PredictionBranch, PredictionBranch, Int)] = []
    for from in PredictionBranch.allCases.reversed() {
      for to in PredictionBranch.allCases.reversed() where counts[Int(from.rawValue)][Int(to.rawValue)] > 0 {
        result.append((from, to, counts[Int(from.rawValue)][Int(to.rawValue)]))
      }
    }
    return result.sorted { $0.2 > $1.2 }
  }

  /// The most changes listed one by one; the rest are only counted.
  public static let listLimit = 40

  public var text: String {
    guard !changes.isEmpty else {
      return
        "no prediction changed branch between run \(fromRun) and run \(toRun) (\(ReplFormat.plural(compared, "prediction")) compared)"
    }
    var lines = [
      "\(ReplFormat.plural(changes.count, "prediction")) changed branch between run \(fromRun) and run \(toRun):"
    ]
    lines.append(transitions.map { "  \($0.from.name) → \($0.to.name): \($0.count)" }.joined(separator: "\n"))
    var table = ReplTextTable(
      ["input", "region", "concept", "confidence", "before", "after"], rightAligned: [3])
    for c in changes.prefix(Self.listLimit) {
      table.add([
        c.input, c.region.isEmpty ? "-" : c.region, c.concept, ReplFormat.confidence(c.confidence),
        describe(c.from, c.fromWriters), describe(c.to, c.toWriters),
      ])
    }
    lines.append(table.render())
    if changes.count > Self.listLimit { lines.append("  … and \(changes.count - Self.listLimit) more") }
    return lines.joined(separator: "\n")
  }

  private func describe(_ branch: PredictionBranch, _ writers: [String]) -> String {
    writers.isEmpty ? branch.name : "\(branch.name) (\(writers.joined(separator: ", ")))"
  }
}
