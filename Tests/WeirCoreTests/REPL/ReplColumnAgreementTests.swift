import Foundation
import Testing

@testable import WeirCore
@testable import WeirREPL

/// The REPL evaluates through the column evaluator, as `weir run` does: on random workflows over
/// random recordings, each prediction goes to the same writers in a REPL `run`, in `weir run`'s
/// interpreter reading the recordings, and in the record-by-record interpreter.
@Suite struct ReplColumnAgreementTests {
  static let thresholds: [Double] = [0.3, 0.5, 0.7]
  /// Confidences at, just above and just below the thresholds.
  static let values: [Double] = thresholds.flatMap { [$0, $0.nextUp, $0.nextDown] } + [0, 1]
  static let comparators = [
    "GREATER_THAN", "GREATER_THAN_OR_EQUAL", "LESS_THAN", "LESS_THAN_OR_EQUAL", "EQUAL",
  ]
  static let statuses = ["ANNOTATION_SUCCESS", "ANNOTATION_PENDING", "ANNOTATION_AWAITING_REVIEW"]

  /// weir JSON lines for `count` inputs: a detector's regions (cat, dog) or a classifier's
  /// concepts (day, night); some inputs have nothing.
  static func recording<G: RandomNumberGenerator>(_ count: Int, regions: Bool, _ rng: inout G) -> String {
    func concepts(_ pool: [String]) -> String {
      let chosen = pool.filter { _ in Bool.random(using: &rng) }
      return chosen.map { #"{"id":"\#($0)","name":"\#($0)","value":\#(values.randomElement(using: &rng)!)}"# }
        .joined(separator: ",")
    }
    return (0..<count).map { i in
      guard regions else { return #"{"input":"img\#(i).jpg","concepts":[\#(concepts(["day", "night"]))]}"# }
      let list = (0..<Int.random(in: 0...4, using: &rng)).map { r in
        #"{"id":"img\#(i)-r\#(r)","region_info":{"bounding_box":{"top_row":0.1,"left_col":0.1,"bottom_row":0.5,"right_col":0.5}},"data":{"concepts":[\#(concepts(["cat", "dog"]))]}}"#
      }
      return #"{"input":"img\#(i).jpg","regions":[\#(list.joined(separator: ","))]}"#
    }.joined(separator: "\n") + "\n"
  }

  /// A random workflow over a detector and a classifier: thresholders of the kind each branch
  /// takes, samples and writers, each reading an earlier node.
  static func workflow<G: RandomNumberGenerator>(_ rng: inout G) -> String {
    var nodes: [(id: String, regions: Bool)] = [("detect", true), ("classify", false)]
    var lines = ["  detect: {model: pets}", "  classify: {model: tags}"]
    func thresholderParams(_ pool: [String]) -> String {
      var params = ["concept_threshold_type: \(comparators.randomElement(using: &rng)!)"]
      let concepts = pool.filter { _ in Bool.random(using: &rng) }.map {
        "\($0): \(Self.thresholds.randomElement(using: &rng)!)"
      }
      params.append("concepts: {\(concepts.joined(separator: ", "))}")
      if concepts.isEmpty || Bool.random(using: &rng) {
        params.append("default_threshold: \(Self.thresholds.randomElement(using: &rng)!)")
      }
      return params.joined(separator: ", ")
    }
    for n in 0..<Int.random(in: 3...9, using: &rng) {
      let parent = nodes.randomElement(using: &rng)!
      let id = "n\(n)"
      switch Int.random(in: 0..<3, using: &rng) {
      case 0:
        let type = parent.regions ? "region-thresholder" : "concept-thresholder"
        let params = thresholderParams(parent.regions ? ["cat", "dog"] : ["day", "night"])
        lines.append("  \(id): {type: \(type), input: \(parent.id), params: {\(params)}}")
      case 1:
        let fraction = [0, 0.5, 1].randomElement(using: &rng)!
        lines.append(
          "  \(id): {type: random-sample, input: \(parent.id), params: {keep_fraction: \(fraction), seed: \(n)}}"
        )
      default:
        let status = statuses.randomElement(using: &rng)!
        lines.append(
          "  \(id): {type: annotation-writer, input: \(parent.id), params: {annotation_status: \(status)}}")
      }
      nodes.append((id, parent.regions))
    }
    lines.append(
      "  last: {type: annotation-writer, input: \(nodes.last!.id), params: {annotation_status: ANNOTATION_SUCCESS}}"
    )
    return """
      weir: 1
      workflow: random
      models:
        pets: {type: visual-detector, concepts: [cat, dog], backend: {replay: pets.jsonl}}
        tags: {type: visual-classifier, concepts: [day, night], backend: {replay: tags.jsonl}}
      nodes:
      \(lines.joined(separator: "\n"))

      """
  }

  @Test(arguments: 0..<16)
  func theReplAndWeirRunWriteTheSamePredictions(seed: UInt64) async throws {
    var rng = SplitMix64(seed: seed)
    let dir = try ReplFixtures.scratch([])
    defer { try? FileManager.default.removeItem(at: dir) }
    try Self.recording(30, regions: true, &rng).write(
      to: dir.appendingPathComponent("pets.jsonl"), atomically: true, encoding: .utf8)
    try Self.recording(30, regions: false, &rng).write(
      to: dir.appendingPathComponent("tags.jsonl"), atomically: true, encoding: .utf8)
    let text = Self.workflow(&rng)
    try text.write(to: dir.appendingPathComponent("random.yaml"), atomically: true, encoding: .utf8)
    let session = ReplFixtures.session(in: dir)
    let loaded = await session.handle("load random.yaml")
    try #require(!loaded.isError, "\(loaded.text)\n\(text)")
    let checked = try #require(session.checked)
    let table = try #require(session.table)
    guard case .columns(let program) = session.engine(checked) else {
      Issue.record("the workflow should run on the column evaluator:\n\(text)")
      return
    }
    let repl = session.evaluate(program, table)
    // The record-by-record interpreter over the session's cached outputs.
    let records = try await session.interpret(checked, table, columnar: false).get()
    #expect(records.writers.map(\.node) == repl.writers.map(\.node), "\(text)")
    #expect(repl.masks == records.writerMasks, "\(text)")
    #expect(repl.branches == records.branches)
    #expect(records.unmatched == 0)
    // weir run's interpreter reading the recordings themselves (no cache: in place, column-wise).
    let plan = try #require(session.currentPlan())
    let backends = try plan.models.map { try ReplayModelSource().backend(for: $0.spec).get() }
    let interpreter = Interpreter(plan: plan, backends: backends)
    #expect(interpreter.recordByRecordReason == nil)
    let results = await interpreter.run(batch: table.inputs)
    let run = session.tallied(results, checked, table, plan, keepOutputs: false)
    #expect(run.writerMasks == repl.masks, "\(text)")
    // And `run` reports those counts.
    let response = await session.handle("run")
    guard case .run(let report) = response.payload else { return #expect(Bool(false), "\(response.text)") }
    for writer in repl.writers {
      #expect(report.tally.total(writer: writer.node) == records.tally.total(writer: writer.node))
    }
    for branch in PredictionBranch.allCases {
      #expect(report.tally.total(branch) == records.tally.total(branch))
    }
  }
}
