import Testing

@testable import WeirCore

@Suite struct SuppressionTests {
  @Test func scanFindsOwnLineAndTrailingComments() {
    let file = SourceFile(
      path: "t.yaml",
      text: """
        nodes:
          # weir-lint-ignore: dead-branch, lint.overlapping-writers -- reason, with a comma

          # another comment
          sure: {a: 1}  # weir-lint-ignore: uncovered-band
          note: 'text # weir-lint-ignore: dead-branch'
          quoted: "a \\" # weir-lint-ignore: dead-branch"
          plain: it's # weir-lint-ignore: redundant-threshold
          url: a#weir-lint-ignore: dead-branch
          bare: 1 # weir-lint-ignore
          other: 1 # weir-lint-ignored elsewhere
        """)
    let found = Suppression.scan(file).map { s in "\(s.line): \(s.rules.map(\.value).joined(separator: ","))"
    }
    #expect(
      found == [
        "5: dead-branch,lint.overlapping-writers", "5: uncovered-band", "8: redundant-threshold", "10: ",
      ])
  }

  /// The reference workflow with the dropped-band note suppressed above the model node.
  @Test func aSuppressionOnTheLineBeforeRemovesTheFinding() {
    var b = GraphBuilder()
    b.line("# weir-lint-ignore: uncovered-band")
    b.model("detect")
    b.threshold("sure", ["detect"], .greaterThan, ["cat": 0.95])
    b.writer("write-sure", ["sure"], .success)
    #expect(b.lint() == "")
  }

  @Test func aSuppressionOnTheSameLineRemovesTheFinding() {
    var b = GraphBuilder()
    b.model("detect", trailing: "# weir-lint-ignore: lint.uncovered-band")
    b.threshold("sure", ["detect"], .greaterThan, ["cat": 0.95])
    b.writer("write-sure", ["sure"], .success)
    #expect(b.lint() == "")
  }

  @Test func unusedAndUnknownSuppressionsAreReported() {
    var b = GraphBuilder()
    b.line("# weir-lint-ignore: uncovered-band, dead-brnch")
    b.model("detect")
    b.threshold(
      "sure", ["detect"], .greaterThan, ["cat": 0.95], trailing: "# weir-lint-ignore: overlapping-writers")
    b.writer("write-sure", ["sure"], .success, trailing: "# weir-lint-ignore")
    #expect(
      b.lint() == """
        4:39: warning: 'dead-brnch' is not a lint rule; did you mean 'dead-branch'? [lint.unused-suppression]
          fix-it: use 'dead-branch': 'dead-brnch' -> 'dead-branch'
        8:29: warning: this suppression of 'overlapping-writers' suppresses nothing [lint.unused-suppression]
          fix-it: remove the suppression: '# weir-lint-ignore: overlapping-writers' -> ''
        14:15: warning: 'weir-lint-ignore' names no rule; write '# weir-lint-ignore: rule-id' [lint.unused-suppression]
        """)
  }

  @Test func aSuppressionOfARuleThatDidNotRunIsNotReported() {
    var b = GraphBuilder()
    b.line("# weir-lint-ignore: dead-branch")
    b.model("detect")
    let linter = Linter(configuration: LintConfiguration(settings: ["dead-branch": .off]))
    #expect(b.lint(linter) == "")
    #expect(b.lint(Linter(configuration: LintConfiguration(disabled: ["unused-suppression"]))) == "")
    #expect(b.lint().contains("this suppression of 'dead-branch' suppresses nothing"))
  }

  @Test func aSuppressionAppliesOnlyToItsRulesAndLine() {
    var b = GraphBuilder.reference(sure: .greaterThanOrEqual)
    b.line("# weir-lint-ignore: overlapping-writers")
    let out = b.lint()
    #expect(out.contains("[lint.overlapping-writers]"))
    #expect(out.contains("[lint.uncovered-band]"))
  }
}

@Suite struct LintConfigurationTests {
  @Test func readsRuleSettings() {
    let file = SourceFile(
      path: ".weir.yaml",
      text: """
        run: {jobs: 4}
        lint:
          rules:
            uncovered-band: off
            lint.redundant-threshold: error
            dead-branch: note
        """)
    let (config, diagnostics) = LintConfiguration.parse(file)
    #expect(diagnostics.isEmpty)
    #expect(
      config.settings == [
        "uncovered-band": .off, "redundant-threshold": .severity(.error), "dead-branch": .severity(.note),
      ])
    #expect(config.severity(of: LintRules.rule("uncovered-band")!) == nil)
    #expect(config.severity(of: LintRules.rule("dead-branch")!) == .note)
    #expect(config.severity(of: LintRules.rule("overlapping-writers")!) == .warning)
  }

  @Test func reportsMistakesWithSuggestions() {
    let file = SourceFile(
      path: ".weir.yaml",
      text: """
        lint:
          rule: {}
          rules:
            dead-brnch: off
            uncovered-band: warn
            overlapping-writers: [error]
        """)
    let (_, diagnostics) = LintConfiguration.parse(file)
    #expect(
      GraphBuilder.render(diagnostics, file) == """
        2:3: error: unknown key 'rule' in 'lint'; expected 'rules'; did you mean 'rules'? [config.unknown-key]
          fix-it: use 'rules': 'rule' -> 'rules'
        4:5: error: unknown lint rule 'dead-brnch'; did you mean 'dead-branch'? [config.unknown-rule]
          fix-it: use 'dead-branch': 'dead-brnch' -> 'dead-branch'
        5:21: error: 'warn' is not a rule setting; expected error, warning, note or off; did you mean 'warning'? [config.bad-severity]
          fix-it: use 'warning': 'warn' -> 'warning'
        6:26: error: 'a list' is not a rule setting; expected error, warning, note or off [config.bad-severity]
        """)
  }

  @Test func commandLineChoicesWinOverTheFile() {
    let rule = LintRules.rule("uncovered-band")!
    let config = LintConfiguration(settings: ["uncovered-band": .off], only: ["uncovered-band"])
    #expect(config.severity(of: rule) == .note)
    #expect(
      LintConfiguration(only: ["uncovered-band"], disabled: ["uncovered-band"]).severity(of: rule) == nil)
    #expect(LintConfiguration(only: ["dead-branch"]).severity(of: rule) == nil)
  }

  @Test func configuredSeveritiesApplyToFindings() {
    let linter = Linter(configuration: LintConfiguration(settings: ["uncovered-band": .severity(.error)]))
    #expect(GraphBuilder.reference().lint(linter).hasPrefix("4:3: error: cat and dog regions"))
  }

  @Test func locateWalksUpToTheNearestFile() {
    let existing: Set<String> = ["/repo/.weir.yaml", "/repo/a/.weir.yaml", ".weir.yaml"]
    #expect(
      LintConfiguration.locate(forFile: "/repo/a/b/w.yaml", fileExists: existing.contains)
        == "/repo/a/.weir.yaml")
    #expect(
      LintConfiguration.locate(forFile: "/repo/c/w.yaml", fileExists: existing.contains) == "/repo/.weir.yaml"
    )
    #expect(LintConfiguration.locate(forFile: "/elsewhere/w.yaml", fileExists: existing.contains) == nil)
    #expect(LintConfiguration.locate(forFile: "x/w.yaml", fileExists: existing.contains) == ".weir.yaml")
    #expect(
      LintConfiguration.locate(forFile: "/w.yaml", fileExists: { $0 == "/.weir.yaml" }) == "/.weir.yaml")
  }
}
