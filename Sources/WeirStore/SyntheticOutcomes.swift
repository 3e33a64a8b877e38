import Foundation
import WeirCore

/// Deterministic made-up outcomes: `inputs` images of 640×480 with `regionsPerInput` boxes each,
/// cat or dog with a confidence uniform in (0.5, 1], written by `write-sure` (> 0.95, accepted) or
/// `write-review` (awaiting review), as the reference workflow would.
///
/// Outcome `i` depends only on the seed and `i`, so a test can compute every row a killed writer
/// process should have written. Used by the store benchmark and the kill/resume test.
public struct SyntheticOutcomes: Sendable {
  public var workflowId: String
  public var inputs: Int
  public var regionsPerInput: Int
  public var seed: UInt64

  public init(workflowId: String = "synthetic", inputs: Int, regionsPerInput: Int = 10, seed: UInt64 = 42) {
    self.workflowId = workflowId
    self.inputs = inputs
    self.regionsPerInput = regionsPerInput
    self.seed = seed
  }

  /// The id of input `index`: `img-000007.jpg`.
  public static func inputId(_ index: Int) -> String {
    let digits = String(index)
    return "img-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits + ".jpg"
  }

  public func outcome(_ index: Int, runId: String) -> InputOutcome {
    // Hash seed and index into the starting state, so inputs' streams do not overlap.
    var seeder = SplitMix64(seed: seed ^ (UInt64(index) &* 0xD1B5_4A32_D192_ED03))
    var rng = SplitMix64(seed: seeder.next())
    let id = Self.inputId(index)
    let annotations = (0..<regionsPerInput).map { k -> AnnotationRecord in
      let concept = rng.next() % 2 == 0 ? "cat" : "dog"
      let confidence = 1 - rng.unit() * 0.5
      let (top, left) = (rng.unit() * 0.5, rng.unit() * 0.5)
      let box = BoundingBox(
        topRow: top, leftCol: left, bottomRow: top + 0.1 + rng.unit() * 0.4,
        rightCol: left + 0.1 + rng.unit() * 0.4)
      let sure = confidence > 0.95
      return AnnotationRecord(
        workflowId: workflowId, nodeId: sure ? "write-sure" : "write-review", inputId: id, regionId: "r\(k)",
        box: box,
        conceptId: concept, conceptName: concept, confidence: confidence,
        status: (sure ? AnnotationStatus.success : .awaitingReview).rawValue, userId: "bot", taskId: "pets")
    }
    return InputOutcome(
      runId: runId, input: InputItem(id: id, path: "photos/\(id)"), error: nil, annotations: annotations,
      width: 640,
      height: 480)
  }

  public func runInfo(id: String, startedAt: Date = Date()) -> RunInfo {
    RunInfo(
      id: id, workflowId: workflowId, workflowHash: "synthetic-\(seed)", workflowPath: "synthetic.yaml",
      vars: ["accept": "0.95"], startedAt: startedAt)
  }
}
