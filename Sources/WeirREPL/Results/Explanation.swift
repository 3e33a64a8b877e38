import WeirCore

/// What `explain INPUT` answers: each prediction of one input followed through the graph.
public struct Explanation: Sendable {
  /// What one node did with one prediction.
  public enum Outcome: Equatable, Sendable {
    /// The model node gave it.
    case predicted
    /// A thresholder kept it: `cat 0.97 > 0.95`.
    case kept(String)
    /// A thresholder removed it, and why: `cat 0.97 <= 0.95 is false`, `no threshold for 'bird'`.
    case removed(String)
    /// A thresholder it passed through without being looked at (a region-thresholder and an
    /// input-level concept, or the other way round).
    case passed
    /// A writer wrote it with this status.
    case written(AnnotationStatus)
  }

  /// One node's step for one prediction.
  public struct Step: Equatable, Sendable {
    public var node: String
    public var outcome: Outcome
  }

  /// One prediction: a concept of a region (or of the input), with its path.
  public struct Prediction: Equatable, Sendable {
    public var concept: String
    public var confidence: Double
    /// The nodes it reached, in graph order.
    public var steps: [Step]
    public var branch: PredictionBranch
  }

  /// A region (or, with an empty id, the input's own concepts) and its predictions.
  public struct RegionTrace: Equatable, Sendable {
    public var model: String
    public var region: String
    public var box: BoundingBox?
    public var predictions: [Prediction]
  }

  public var input: String
  public var regions: [RegionTrace]
}

extension Explanation {
  public var text: String {
    let regionCount = regions.filter { !$0.region.isEmpty }.count
    var lines = [
      "\(input): \(ReplFormat.plural(regionCount, "region")) \(regions.isEmpty ? "(the models found nothing)" : "")"
    ]
    lines[0] = lines[0].trimmingTrailingBlanks()
    for region in regions {
      var head =
        region.region.isEmpty
        ? "  input concepts from \(region.model)" : "  region \(region.region) from \(region.model)"
      if let b = region.box {
        head +=
          " [top \(ReplFormat.confidence(b.topRow)), left \(ReplFormat.confidence(b.leftCol)), "
          + "bottom \(ReplFormat.confidence(b.bottomRow)), right \(ReplFormat.confidence(b.rightCol))]"
      }
      lines.append(head)
      for p in region.predictions {
        lines.append("    \(p.concept) \(ReplFormat.confidence(p.confidence)) → \(p.branch.name)")
        var table = ReplTextTable(["", ""])
        table.header = []
        for step in p.steps { table.add([step.node, describe(step.outcome)]) }
        lines.append(table.rows.isEmpty ? "" : table.render(indent: "      "))
      }
    }
    return lines.filter { !$0.isEmpty }.joined(separator: "\n")
  }

  private func describe(_ outcome: Outcome) -> String {
    switch outcome {
    case .predicted: return "predicted"
    case .kept(let why): return "kept     \(why)"
    case .removed(let why): return "removed  \(why)"
    case .passed: return "passed   (not a concept it thresholds)"
    case .written(let status): return "written  \(status.name)"
    }
  }
}

extension String {
  fileprivate func trimmingTrailingBlanks() -> String {
    var s = self
    while s.last == " " { s.removeLast() }
    return s
  }
}
