import Foundation
import Testing

@testable import WeirCore

@Suite struct GitHubRendererTests {
  @Test func escapesMessagesAndProperties() {
    #expect(GitHubRenderer.escapeData("50% a\r\nb: c, d") == "50%25 a%0D%0Ab: c, d")
    #expect(GitHubRenderer.escapeProperty("dir,a:b/%.yaml") == "dir%2Ca%3Ab/%25.yaml")
  }

  @Test func rendersOneCommandPerDiagnosticWithRangeAndNotes() {
    let b = GraphBuilder.reference(sure: .greaterThanOrEqual)
    var file = b.file
    file = SourceFile(path: "flows/a,b: c.yaml", bytes: file.bytes)
    let diagnostics = Linter().lint(b.graph, file: file)
    let out = GitHubRenderer().render([FileDiagnostics(file: file, diagnostics: diagnostics)])
    #expect(
      out == """
        ::notice file=flows/a%2Cb%3A c.yaml,line=4,col=3,endLine=4,endColumn=8,title=lint.uncovered-band::cat and dog regions with confidence in [0, 0.5] are dropped%0Anote: 'write-sure' writes them in [0.95, 1] as ANNOTATION_SUCCESS%0Anote: 'write-review' writes them in (0.5, 0.95] as ANNOTATION_AWAITING_REVIEW
        ::warning file=flows/a%2Cb%3A c.yaml,line=32,col=3,endLine=32,endColumn=14,title=lint.overlapping-writers::cat and dog regions with confidence exactly 0.95 are written twice, as ANNOTATION_SUCCESS by 'write-sure' and as ANNOTATION_AWAITING_REVIEW by 'write-review'%0Anote: line 13: 'write-sure' writes them in [0.95, 1]%0Anote: 'write-review' writes them in (0.5, 0.95]%0Anote: where two branches split at 0.95, use '> 0.95' on one and '<= 0.95' on the other

        """)
  }

  @Test func errorsAndDiagnosticsWithoutARange() {
    let file = SourceFile(path: "x.yaml", text: "")
    let d = Diagnostic.error("io.unreadable", "cannot read x.yaml: no such file", at: nil)
    #expect(
      GitHubRenderer().render(d, in: file)
        == "::error file=x.yaml,title=io.unreadable::cannot read x.yaml: no such file")
  }
}

@Suite struct SARIFRendererTests {
  func log(_ reports: [FileDiagnostics]) throws -> [String: Any] {
    let text = SARIFRenderer(toolVersion: "0.1.0", rules: LintRules.sarifRules).render(reports)
    return try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func hasToolRulesAndResultsWithRegions() throws {
    let b = GraphBuilder.reference(unsure: .lessThan)
    let log = try log([FileDiagnostics(file: b.file, diagnostics: Linter().lint(b.graph, file: b.file))])
    #expect(log["version"] as? String == "2.1.0")
    #expect((log["$schema"] as? String)?.contains("sarif-2.1.0") == true)
    let run = try #require((log["runs"] as? [[String: Any]])?.first)
    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    #expect(driver["name"] as? String == "weir")
    #expect(driver["version"] as? String == "0.1.0")
    let rules = try #require(driver["rules"] as? [[String: Any]])
    #expect(rules.count == LintRules.all.count)
    let dead = try #require(rules.first { $0["id"] as? String == "lint.dead-branch" })
    #expect(dead["name"] as? String == "DeadBranch")
    #expect(
      (dead["shortDescription"] as? [String: Any])?["text"] as? String
        == LintRules.rule("dead-branch")!.summary)
    #expect((dead["defaultConfiguration"] as? [String: Any])?["level"] as? String == "warning")
    #expect((dead["help"] as? [String: Any])?["markdown"] != nil)

    let results = try #require(run["results"] as? [[String: Any]])
    #expect(
      results.map { $0["ruleId"] as? String } == ["lint.uncovered-band", "lint.non-complementary-split"])
    let split = results[1]
    #expect(split["level"] as? String == "warning")
    #expect(rules[split["ruleIndex"] as! Int]["id"] as? String == "lint.non-complementary-split")
    let location = try #require(
      (split["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
    #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "test.yaml")
    let region = try #require(location["region"] as? [String: Int])
    #expect(region == ["startLine": 25, "startColumn": 18, "endLine": 25, "endColumn": 21])
    let fix = try #require((split["fixes"] as? [[String: Any]])?.first)
    #expect((fix["description"] as? [String: Any])?["text"] as? String == "make 'unsure' keep 0.95")
    #expect((split["relatedLocations"] as? [[String: Any]])?.count == 1)
  }

  @Test func columnsCountCodePointsAndPathsAreURIs() throws {
    let file = SourceFile(path: "/tmp/my flows/猫.yaml", text: "a: 猫猫 x\n")
    let d = Diagnostic.warning("check.x", "m", at: SourceRange(start: 10, end: 11))
    let log = try log([FileDiagnostics(file: file, diagnostics: [d])])
    let run = try #require((log["runs"] as? [[String: Any]])?.first)
    #expect(run["columnKind"] as? String == "unicodeCodePoints")
    let result = try #require((run["results"] as? [[String: Any]])?.first)
    let physical = try #require(
      (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
    #expect(
      (physical["artifactLocation"] as? [String: Any])?["uri"] as? String
        == "file:///tmp/my%20flows/%E7%8C%AB.yaml")
    #expect(
      physical["region"] as? [String: Int] == [
        "startLine": 1, "startColumn": 7, "endLine": 1, "endColumn": 8,
      ])
    // A result whose id is not a lint rule still gets a rule entry, so ruleIndex is valid.
    let rules = try #require(
      ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
    #expect(rules[result["ruleIndex"] as! Int]["id"] as? String == "check.x")
  }
}
