import Foundation
import Testing
import WeirTestSupport

/// `weir lint` and `weir bands` end to end: the built binary, its output and exit status.
@Suite struct LintCommandTests {
  static let reference = "examples/auto-annotation/workflow.yaml"
  static let deadBranch = "Tests/Fixtures/lint/dead-branch.yaml"

  /// A temporary folder, removed after `body`.
  func withFolder<T>(_ body: (URL) throws -> T) throws -> T {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "weir-lint-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try body(folder)
  }

  func copy(_ fixture: String, to url: URL) throws {
    try FileManager.default.copyItem(at: Repository.root.appendingPathComponent(fixture), to: url)
  }

  @Test func theReferenceWorkflowLintsCleanButForTheDroppedBand() throws {
    let r = try WeirProcess.run([
      "lint", "--no-color", Self.reference, "examples/auto-annotation/clarifai.yaml",
    ])
    #expect(r.status == 0)
    #expect(r.stderr == "")
    let headers = r.stdout.split(separator: "\n").filter { $0.hasPrefix("examples/") }
    #expect(
      headers == [
        "examples/auto-annotation/workflow.yaml:26:3: note: cat and dog regions with confidence in [0, 0.5] are dropped [lint.uncovered-band]",
        "examples/auto-annotation/clarifai.yaml:9:11: note: cat and dog regions with confidence in [0, 0.5] are dropped [lint.uncovered-band]",
      ])
  }

  @Test func warningsFailOnlyWithStrict() throws {
    let plain = try WeirProcess.run(["lint", Self.deadBranch])
    #expect(plain.status == 0)
    #expect(plain.stdout.contains("[lint.dead-branch]"))
    let strict = try WeirProcess.run(["lint", "--strict", Self.deadBranch])
    #expect(strict.status == 1)
    let notesOnly = try WeirProcess.run(["lint", "--strict", Self.reference])
    #expect(notesOnly.status == 0, "notes never fail a run")
  }

  @Test func ruleAndDisableChooseRules() throws {
    let only = try WeirProcess.run(["lint", "--rule", "dead-branch", "Tests/Fixtures/lint/swapped-vars.yaml"])
    #expect(only.stdout.contains("[lint.dead-branch]"))
    #expect(!only.stdout.contains("[lint.uncovered-band]"))
    let disabled = try WeirProcess.run(["lint", "--disable", "lint.uncovered-band", Self.reference])
    #expect(disabled.status == 0)
    #expect(disabled.stdout == "")
    let unknown = try WeirProcess.run(["lint", "--rule", "dead-brnch", Self.reference])
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("unknown lint rule 'dead-brnch'; did you mean 'dead-branch'?"))
  }

  @Test func sarifAndGitHubFormats() throws {
    let sarif = try WeirProcess.run(["lint", "--format", "sarif", Self.deadBranch])
    #expect(sarif.status == 0)
    let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
    #expect(log["version"] as? String == "2.1.0")
    let run = try #require((log["runs"] as? [[String: Any]])?.first)
    let results = try #require(run["results"] as? [[String: Any]])
    #expect(results.map { $0["ruleId"] as? String } == ["lint.dead-branch"])
    let github = try WeirProcess.run(["lint", "--format", "github", Self.deadBranch])
    #expect(
      github.stdout.hasPrefix(
        "::warning file=Tests/Fixtures/lint/dead-branch.yaml,line=12,col=3,endLine=12,endColumn=10,title=lint.dead-branch::no confidence can pass 'doubtful'"
      ))
  }

  @Test func checkErrorsComeFirstAndStopTheRules() throws {
    let r = try WeirProcess.run(["lint", "Tests/Fixtures/syntax/clarifai-unknown-input.yaml"])
    #expect(r.status == 1)
    #expect(r.stdout.contains("[graph.unknown-input]"))
    #expect(!r.stdout.contains("[lint."))
  }

  @Test func unreadableFilesExitTwoAndTheOthersAreLinted() throws {
    let r = try WeirProcess.run(["lint", "no-such.yaml", Self.deadBranch])
    #expect(r.status == 2)
    #expect(r.stderr.contains("cannot read 'no-such.yaml'"))
    #expect(r.stdout.contains("[lint.dead-branch]"))
  }

  @Test func standardInput() throws {
    let text = try String(
      contentsOf: Repository.root.appendingPathComponent(Self.deadBranch), encoding: .utf8)
    let r = try WeirProcess.run(["lint", "-"], stdin: text)
    #expect(r.stdout.hasPrefix("<stdin>:12:3: warning: no confidence can pass 'doubtful'"))
  }

  @Test func projectConfigurationSetsSeverities() throws {
    try withFolder { folder in
      try FileManager.default.createDirectory(
        at: folder.appendingPathComponent("flows"), withIntermediateDirectories: true)
      try copy(Self.deadBranch, to: folder.appendingPathComponent("flows/a.yaml"))
      try "lint:\n  rules:\n    dead-branch: error\n    uncovered-band: off\n".write(
        to: folder.appendingPathComponent(".weir.yaml"), atomically: true, encoding: .utf8)
      let r = try WeirProcess.run(["lint", folder.appendingPathComponent("flows/a.yaml").path])
      #expect(r.status == 1)
      #expect(r.stdout.contains("error: no confidence can pass 'doubtful'"))
    }
  }

  @Test func mistakesInTheProjectConfigurationAreReported() throws {
    try withFolder { folder in
      try copy(Self.reference, to: folder.appendingPathComponent("a.yaml"))
      try "lint:\n  rules:\n    dead-brnch: off\n".write(
        to: folder.appendingPathComponent(".weir.yaml"), atomically: true, encoding: .utf8)
      let r = try WeirProcess.run(["lint", "--no-color", folder.appendingPathComponent("a.yaml").path])
      #expect(r.status == 1)
      #expect(
        r.stdout.contains(
          ".weir.yaml:3:5: error: unknown lint rule 'dead-brnch'; did you mean 'dead-branch'? [config.unknown-rule]"
        ))
      #expect(r.stdout.contains("[lint.uncovered-band]"))
    }
  }

  @Test func manyFilesAreLintedInArgumentOrder() throws {
    try withFolder { folder in
      let text = try String(
        contentsOf: Repository.root.appendingPathComponent(Self.deadBranch), encoding: .utf8)
      var paths: [String] = []
      for i in 0..<200 {
        let path = folder.appendingPathComponent("w\(i).yaml").path
        try text.replacingOccurrences(of: "0.9", with: i.isMultiple(of: 2) ? "0.9" : "0.4").write(
          toFile: path, atomically: true, encoding: .utf8)
        paths.append(path)
      }
      let r = try WeirProcess.run(["lint", "--format", "github", "--rule", "dead-branch"] + paths)
      let files = r.stdout.split(separator: "\n").map {
        $0.split(separator: ",")[0].dropFirst("::warning file=".count)
      }
      #expect(
        files.map(String.init) == paths.enumerated().filter { $0.offset.isMultiple(of: 2) }.map(\.element))
    }
  }

  @Test func listRulesAndTheGeneratedDocumentation() throws {
    let list = try WeirProcess.run(["lint", "--list-rules"])
    #expect(list.status == 0)
    #expect(list.stdout.split(separator: "\n").count == 16)
    #expect(list.stdout.hasPrefix("dead-branch "))
    let markdown = try WeirProcess.run(["lint", "--list-rules", "--markdown"])
    let documented = try String(
      contentsOf: Repository.root.appendingPathComponent("Documentation/LintRules.md"),
      encoding: .utf8)
    #expect(markdown.stdout == documented)
  }

  @Test func explainPrintsTheBandsAfterTheFindings() throws {
    let r = try WeirProcess.run(["lint", "--no-color", "--explain", Self.reference])
    #expect(r.stdout.contains("\nexamples/auto-annotation/workflow.yaml\nwriter "))
    #expect(r.stdout.contains("cat     [····················RRRRRRRRRRRRRRRRRRAA]"))
  }

  @Test func bandsShowsWritersAndCharts() throws {
    let r = try WeirProcess.run(["bands", Self.reference])
    #expect(r.status == 0)
    #expect(
      r.stdout == """
        bands of 'auto-annotation' (examples/auto-annotation/workflow.yaml)

        writer        status                      concept  band
        write-sure    ANNOTATION_SUCCESS          cat      (0.95, 1]
        write-sure    ANNOTATION_SUCCESS          dog      (0.95, 1]
        write-review  ANNOTATION_AWAITING_REVIEW  cat      (0.5, 0.95]
        write-review  ANNOTATION_AWAITING_REVIEW  dog      (0.5, 0.95]

        concept  0         0.25      0.5       0.75      1
                 |         |         |         |         |
        cat     [····················RRRRRRRRRRRRRRRRRRAA]  A (0.95, 1]  R (0.5, 0.95]  · [0, 0.5]
        dog     [····················RRRRRRRRRRRRRRRRRRAA]  A (0.95, 1]  R (0.5, 0.95]  · [0, 0.5]

        A ANNOTATION_SUCCESS   R ANNOTATION_AWAITING_REVIEW   · dropped

        """)
  }

  @Test func bandsWithOtherThresholds() throws {
    let r = try WeirProcess.run([
      "bands", "--set", "accept=0.75", "--set", "review=0.25", "--width", "20", Self.reference,
    ])
    #expect(r.status == 0)
    #expect(r.stdout.contains("cat     [·····RRRRRRRRRRAAAAA]  A (0.75, 1]  R (0.25, 0.75]  · [0, 0.25]"))
  }

  @Test func bandsOfAFileWithErrorsPrintsTheErrors() throws {
    let r = try WeirProcess.run(["bands", "--no-color", "Tests/Fixtures/syntax/clarifai-unknown-input.yaml"])
    #expect(r.status == 1)
    #expect(r.stdout.contains("[graph.unknown-input]"))
  }
}
