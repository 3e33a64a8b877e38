import Foundation
import Testing

@testable import WeirCore
@testable import WeirREPL

/// The column evaluator against the runtime's record interpreter, and the interpreter standing in
/// for it.
@Suite struct ReplInterpreterTests {
  /// The column evaluator gives, prediction by prediction, what the interpreter writes.
  @Test(arguments: [
    (
      "pets.yaml",
      [
        "set accept = 0.9", "set review = 0.6", "set sure.concept_threshold_type = GREATER_THAN_OR_EQUAL",
        "set sure.concepts.cat = 0.5", "set unsure.concepts = {cat: 0.7}",
      ]
    ),
    ("triage.yaml", ["set label.accept = 0.8", "set label.review = 0.95"]),
  ])
  func theColumnEvaluatorAgreesWithTheInterpreter(file: String, settings: [String]) async throws {
    let dir = try ReplFixtures.scratch()
    try FileManager.default.copyItem(
      at: URL(fileURLWithPath: ReplFixtures.path("triage.yaml")),
      to: dir.appendingPathComponent("triage.yaml"))
    let session = ReplFixtures.session(in: dir)
    let loaded = await session.handle("load \(file)")
    #expect(!loaded.isError, "\(loaded.text)")
    #expect(session.table?.rowCount == Reference.predictions().count)
    for line in [""] + settings {
      if !line.isEmpty { #expect(!(await session.handle(line)).isError, "\(line)") }
      let checked = try #require(session.checked)
      let table = try #require(session.table)
      guard case .columns(let program) = session.engine(checked) else {
        Issue.record("\(file) should run on the column evaluator")
        return
      }
      let fast = session.evaluate(program, table)
      let slow = try await session.interpret(checked, table).get()
      #expect(slow.writers.map(\.node) == fast.writers.map(\.node))
      #expect(fast.masks == slow.writerMasks, "\(file) after '\(line)'")
      #expect(fast.branches == slow.branches)
      #expect(slow.unmatched == 0)
    }
  }

  /// random-sample has a column form: a sampled workflow runs on the column evaluator, as `weir
  /// run` runs it, and `explain` shows the comparisons.
  @Test func aSampledWorkflowRunsOnTheColumnEvaluator() async throws {
    let dir = try ReplFixtures.scratch(["sampled.yaml", "pets.jsonl"])
    let session = ReplFixtures.session(in: dir)
    _ = await session.handle("load sampled.yaml")
    let r = await session.handle("run")
    guard case .run(let report) = r.payload else { return #expect(Bool(false), "\(r.text)") }
    let expected = Reference.counts(accept: 0.95, review: 0.5)
    #expect(report.tally.total(.accepted) == expected["accepted"])
    #expect(report.tally.total(.review) == expected["review"])
    #expect(report.tally.total(.dropped) == expected["dropped"])
    #expect(!r.text.contains("run by the interpreter"), "\(r.text)")
    // Sweeping the share: none kept at 0, all at 1.
    let sweep = await session.handle("sweep share 0..1 3 points")
    guard case .sweep(let s) = sweep.payload else { return #expect(Bool(false), "\(sweep.text)") }
    #expect(s.points.first?.accepted == 0)
    #expect(s.points.first?.dropped == Reference.predictions().count)
    #expect(s.points.last?.accepted == expected["accepted"])
    let middle = try #require(s.points.dropFirst().first)
    let written = middle.accepted + middle.review
    #expect(
      written > 0 && written < expected["accepted"]! + expected["review"]!, "some of the inputs: \(middle)")
    let explain = await session.handle("explain img01.jpg")
    guard case .explanation(let e) = explain.payload else { return #expect(Bool(false), "\(explain.text)") }
    let cat = try #require(
      e.regions.first { $0.region == "img01-r2" }?.predictions.first { $0.concept == "cat" })
    #expect(cat.branch == .review)
    #expect(
      cat.steps.map(\.node) == ["detect", "sample", "sure", "unsure", "plausible", "write-review"],
      "\(cat.steps)")
    #expect(cat.steps[1].outcome == .kept("in the sample"))
    #expect(cat.steps[2].outcome == .removed("cat 0.95 > 0.95 is false"))
    #expect(cat.steps.last?.outcome == .written(.awaitingReview))
  }

  /// A concept-synonym-mapper has no column form: the interpreter runs the workflow, and says so.
  @Test func aWorkflowTheColumnEvaluatorCannotRunGoesThroughTheInterpreter() async throws {
    let dir = try ReplFixtures.scratch(["sampled.yaml", "pets.jsonl"])
    let sampled = try String(contentsOf: dir.appendingPathComponent("sampled.yaml"), encoding: .utf8)
    let mapped = sampled.replacingOccurrences(
      of: "type: random-sample", with: "type: concept-synonym-mapper"
    ).replacingOccurrences(
      of: "params: {keep_fraction: $share, seed: 7}", with: "params: {synonyms: {kitty: cat}}")
    try mapped.write(to: dir.appendingPathComponent("mapped.yaml"), atomically: true, encoding: .utf8)
    let session = ReplFixtures.session(in: dir)
    let loaded = await session.handle("load mapped.yaml")
    #expect(!loaded.isError, "\(loaded.text)")
    let r = await session.handle("run")
    guard case .run(let report) = r.payload else { return #expect(Bool(false), "\(r.text)") }
    let expected = Reference.counts(accept: 0.95, review: 0.5)
    #expect(report.tally.total(.accepted) == expected["accepted"])
    #expect(report.tally.total(.review) == expected["review"])
    #expect(report.tally.total(.dropped) == expected["dropped"])
    #expect(
      r.text.contains("  run by the interpreter: 'sample' (concept-synonym-mapper) has no column form"),
      "\(r.text)")
    // explain follows the kept outputs.
    let explain = await session.handle("explain img01.jpg")
    guard case .explanation(let e) = explain.payload else { return #expect(Bool(false), "\(explain.text)") }
    let cat = try #require(
      e.regions.first { $0.region == "img01-r2" }?.predictions.first { $0.concept == "cat" })
    #expect(cat.branch == .review)
    #expect(
      cat.steps.map(\.node) == ["detect", "sample", "sure", "unsure", "plausible", "write-review"],
      "\(cat.steps)")
    #expect(cat.steps[2].outcome == .removed("by region-thresholder"))
    #expect(cat.steps.last?.outcome == .written(.awaitingReview))
  }
}
