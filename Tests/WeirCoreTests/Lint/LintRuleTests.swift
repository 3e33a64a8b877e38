import Testing

@testable import WeirCore

/// Each rule on a small graph where it fires, and the reference workflow where only the
/// `uncovered-band` note fires. Full rendered output is covered by the golden tests.
@Suite struct LintRuleTests {
  /// The first line of each finding: `line:col: severity: message [id]`.
  func findings(_ b: GraphBuilder, rules: String...) -> [String] {
    let linter = rules.isEmpty ? Linter() : Linter(configuration: LintConfiguration(only: Set(rules)))
    return GraphBuilder.render(linter.lint(b.graph, file: b.file), b.file).split(separator: "\n")
      .filter { !$0.hasPrefix(" ") }.map(String.init)
  }

  @Test func referenceWorkflowLintsCleanExceptTheDroppedBand() {
    #expect(
      findings(GraphBuilder.reference()) == [
        "4:3: note: cat and dog regions with confidence in [0, 0.5] are dropped [lint.uncovered-band]"
      ])
  }

  @Test func everyRuleIsRegisteredOnceWithADiagnosticID() {
    let ids = LintRules.ids
    #expect(Set(ids).count == ids.count)
    #expect(ids.count >= 14)
    for rule in LintRules.all {
      #expect(rule.id.allSatisfy { $0.isLowercase || $0 == "-" }, "\(rule.id)")
      #expect(rule.diagnosticID == "lint.\(rule.id)")
      #expect(!rule.summary.isEmpty && !rule.rationale.isEmpty && !rule.fix.isEmpty && !rule.example.isEmpty)
      #expect(rule.summary.first!.isLowercase, "\(rule.id): summaries are lowercase")
    }
    #expect(LintRules.rule("lint.dead-branch")?.id == "dead-branch")
    #expect(LintRules.suggestion(for: "dead-brnch") == "dead-branch")
  }

  @Test func deadBranch() {
    var b = GraphBuilder()
    b.model("detect")
    b.threshold("sure", ["detect"], .greaterThan, ["cat": 0.9, "dog": 0.9])
    b.threshold("doubt", ["sure"], .lessThan, ["cat": 0.5, "dog": 0.5])
    b.writer("w", ["doubt"], .success)
    #expect(
      findings(b) == [
        "13:3: warning: no confidence can pass 'doubt': it keeps cat and dog in [0, 0.5) but only (0.9, 1] reaches it [lint.dead-branch]"
      ])
  }

  @Test func deadBranchForOneConcept() {
    var b = GraphBuilder()
    b.model("detect")
    b.threshold("sure", ["detect"], .greaterThan, ["cat": 0.9, "dog": 0.9])
    b.threshold("doubt", ["sure"], .lessThan, ["cat": 0.5, "dog": 0.95])
    #expect(
      findings(b, rules: "dead-branch") == [
        "18:18: warning: no cat confidence can pass 'doubt': it keeps [0, 0.5) but only (0.9, 1] reaches it [lint.dead-branch]"
      ])
  }

  @Test func overlappingWriters() {
    var b = GraphBuilder()
    b.model("detect")
    b.threshold("a", ["detect"], .greaterThan, ["cat": 0.5])
    b.writer("wa", ["a"], .success)
    b.threshold("b", ["detect"], .greaterThan, ["cat": 0.9])
    b.writer("wb", ["b"], .awaitingReview)
    #expect(
      findings(b, rules: "overlapping-writers") == [
        "26:3: warning: cat regions with confidence in (0.9, 1] are written twice, as ANNOTATION_SUCCESS by 'wa' and as ANNOTATION_AWAITING_REVIEW by 'wb' [lint.overlapping-writers]"
      ])
  }

  @Test func overlappingWritersOffByOneAtASharedThreshold() {
    #expect(
      findings(GraphBuilder.reference(sure: .greaterThanOrEqual), rules: "overlapping-writers") == [
        "32:3: warning: cat and dog regions with confidence exactly 0.95 are written twice, as ANNOTATION_SUCCESS by 'write-sure' and as ANNOTATION_AWAITING_REVIEW by 'write-review' [lint.overlapping-writers]"
      ])
  }

  @Test func writersWithTheSameStatusOrFromDifferentModelsDoNotOverlap() {
    var b = GraphBuilder()
    b.model("detect")
    b.model("other")
    b.writer("w1", ["detect"], .success)
    b.writer("w2", ["detect"], .success)
    b.writer("w3", ["other"], .awaitingReview)
    #expect(findings(b, rules: "overlapping-writers").isEmpty)
  }

  @Test func unknownConceptSuggestsTheNearest() {
    var b = GraphBuilder()
    b.model("detect")
    b.threshold("t", ["detect"], .greaterThan, ["cta": 0.5, "dog": 0.5, "zebra": 0.3])
    #expect(
      findings(b, rules: "unknown-concept") == [
        "12:18: warning: 'pets' does not predict 'cta'; did you mean 'cat'? [lint.unknown-concept]",
        "12:38: warning: 'pets' does not predict 'zebra' [lint.unknown-concept]",
      ])
  }

  @Test func unknownConceptNeedsKnownConcepts() {
    var b = GraphBuilder()
    b.model("detect", concepts: nil)
    b.threshold("t", ["detect"], .greaterThan, ["zebra": 0.5])
    #expect(findings(b, rules: "unknown-concept").isEmpty)
  }

  @Test func conceptRemovedUpstream() {
    var b = GraphBuilder()
    b.model("detect")
    b.threshold("cats", ["detect"], .greaterThan, ["cat": 0.5])
    b.threshold("t", ["cats"], .greaterThan, ["cat": 0.9, "dog": 0.9])
    #expect(
      findings(b, rules: "concept-removed-upstream") == [
        "18:28: warning: dog never reaches 't': 'cats' has no threshold for dog and removes it [lint.concept-removed-upstream]"
      ])
  }

  @Test func unusedOutputOnlyWhenTheWorkflowWritesAnnotations() {
    var b = GraphBuilder()
    b.model("detect")
    b.model("faces", concepts: ["face"], name: "faces")
    #expect(findings(b, rules: "unused-output").isEmpty)
    b.writer("w", ["detect"], .success)
    #expect(
      findings(b, rules: "unused-output") == [
        "7:3: warning: nothing reads the output of 'faces': its model runs on every input for nothing [lint.unused-output]"
      ])
  }

  @Test func writerWithoutRegions() {
    var b = GraphBuilder()
    b.model("embed", concepts: nil, name: "embedder", type: "visual-embedder", predictsConcepts: false)
    b.writer("w", ["embed"], .success)
    b.writer("w2", [], .success)
    b.model("detect")
    b.writer("w3", ["detect"], .success)
    #expect(
      findings(b, rules: "writer-without-regions") == [
        "7:3: warning: 'w' is fed no regions or concepts, so it has nothing to write [lint.writer-without-regions]",
        "14:3: warning: 'w2' is fed no regions or concepts, so it has nothing to write [lint.writer-without-regions]",
      ])
  }

  @Test func reviewWithoutUser() {
    var b = GraphBuilder()
    b.model("detect")
    b.writer("w", ["detect"], .awaitingReview, user: nil, task: nil)
    b.writer("w2", ["detect"], .awaitingConsensusReview, user: "bot", task: "")
    b.writer("w3", ["detect"], .success, user: nil, task: nil)
    #expect(
      findings(b, rules: "review-without-user") == [
        "7:3: warning: 'w' sends annotations to review without setting annotation_user_id or task_id: no reviewer will find them [lint.review-without-user]",
        "12:3: warning: 'w2' sends annotations to review without setting task_id: no reviewer will find them [lint.review-without-user]",
      ])
  }

  @Test func thresholdsOutOfOrder() {
    var b = GraphBuilder()
    b.model("detect")
    b.threshold("high", ["detect"], .greaterThan, ["cat": 0.9])
    b.writer("wr", ["high"], .awaitingReview)
    b.threshold("mid", ["detect"], .lessThanOrEqual, ["cat": 0.9])
    b.threshold("p", ["mid"], .greaterThan, ["cat": 0.5])
    b.writer("ws", ["p"], .success)
    #expect(
      findings(b, rules: "thresholds-out-of-order") == [
        "13:3: warning: cat regions in (0.9, 1] go to review, above those accepted in (0.5, 0.9]: the accept and review thresholds look swapped [lint.thresholds-out-of-order]"
      ])
  }

  @Test func swappedVarsMakeTheReviewBranchDead() {
    #expect(
      findings(GraphBuilder.reference(accept: 0.5, review: 0.95), rules: "dead-branch") == [
        "26:3: warning: no confidence can pass 'plausible': it keeps cat and dog in (0.95, 1] but only [0, 0.5] reaches it [lint.dead-branch]"
      ])
  }

  @Test func sampleFractionDegenerate() {
    var b = GraphBuilder()
    b.model("detect")
    b.sample("s0", ["detect"], 0)
    b.sample("s1", ["detect"], 1)
    b.sample("s", ["detect"], 0.1)
    #expect(
      findings(b, rules: "sample-fraction-degenerate") == [
        "10:29: warning: keep_fraction 0 keeps no input: nothing after 's0' ever runs [lint.sample-fraction-degenerate]",
        "14:29: warning: keep_fraction 1 keeps every input: 's1' does nothing [lint.sample-fraction-degenerate]",
      ])
  }

  @Test func thresholdAtBound() {
    var b = GraphBuilder()
    b.model("detect")
    b.threshold("t", ["detect"], .greaterThan, ["cat": 1, "dog": 0])
    b.threshold("u", ["detect"], .greaterThanOrEqual, ["cat": 0, "dog": 1])
    b.threshold("v", ["detect"], .lessThan, ["cat": 0], fallback: 1.5)
    #expect(
      findings(b, rules: "threshold-at-bound") == [
        "12:23: warning: '> 1' keeps no cat confidence: confidences lie in [0, 1] [lint.threshold-at-bound]",
        "18:23: warning: '>= 0' keeps every cat confidence: the threshold does nothing [lint.threshold-at-bound]",
        "18:31: warning: '>= 1' keeps only a dog confidence of exactly 1, which models rarely give [lint.threshold-at-bound]",
        "24:23: warning: '< 0' keeps no cat confidence: confidences lie in [0, 1] [lint.threshold-at-bound]",
        "25:16: warning: '< 1.5' keeps every confidence of other concepts: the threshold does nothing [lint.threshold-at-bound]",
      ])
  }

  @Test func nonComplementarySplitWithAFixIt() {
    let b = GraphBuilder.reference(unsure: .lessThan)
    let diagnostics = Linter(configuration: LintConfiguration(only: ["non-complementary-split"])).lint(
      b.graph, file: b.file)
    #expect(
      GraphBuilder.render(diagnostics, b.file) == """
        25:18: warning: cat and dog regions with confidence exactly 0.95 pass neither 'sure' (> 0.95) nor 'unsure' (< 0.95) [lint.non-complementary-split]
          7:3: note: 'sure' splits the same input
          fix-it: make 'unsure' keep 0.95: 'LESS_THAN' -> 'LESS_THAN_OR_EQUAL'
        """)
  }

  @Test func redundantThreshold() {
    var b = GraphBuilder()
    b.model("detect")
    b.threshold("sure", ["detect"], .greaterThan, ["cat": 0.9])
    b.threshold("p", ["sure"], .greaterThan, ["cat": 0.5])
    #expect(
      findings(b, rules: "redundant-threshold") == [
        "18:23: warning: '> 0.5' never removes a cat confidence: only (0.9, 1] reaches 'p' [lint.redundant-threshold]"
      ])
  }

  @Test func noRuleFiresOnTheReferenceWorkflow() {
    let b = GraphBuilder.reference()
    for rule in LintRules.all where rule.id != "uncovered-band" {
      #expect(findings(b, rules: rule.id).isEmpty, "\(rule.id)")
    }
  }
}
