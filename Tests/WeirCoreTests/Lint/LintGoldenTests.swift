import Foundation
import Testing
import WeirTestSupport

@testable import WeirCore

/// What `weir lint` prints, through the real parser, checker, linter and renderer:
/// every `Tests/Fixtures/lint/*.yaml` beside `<name>.err`, the examples, and the other formats.
@Suite struct LintGoldenTests {
  static let names = GoldenFile.names(in: "lint", ext: "yaml")
  static let folder = GoldenFile.fixtures("lint")

  static func source(_ url: URL, path: String) throws -> SourceFile {
    SourceFile(path: path, bytes: [UInt8](try Data(contentsOf: url)))
  }

  @Test func thereIsAFixtureForEveryRule() {
    for rule in LintRules.all where rule.id != "unused-suppression" {
      #expect(Self.names.contains { $0.hasPrefix(rule.id) }, "no fixture for \(rule.id)")
    }
  }

  @Test(arguments: names)
  func golden(_ name: String) throws {
    let file = try Self.source(Self.folder.appendingPathComponent(name + ".yaml"), path: name + ".yaml")
    let outcome = Linter().lint(file)
    #expect(!outcome.check.hasErrors, "\(name).yaml should check clean: lint fixtures test the rules")
    GoldenFile.check(
      DiagnosticRenderer.text(outcome.diagnostics, in: file),
      against: Self.folder.appendingPathComponent(name + ".err"))
  }

  /// The reference workflow, in both dialects, lints clean but for the dropped band [0, 0.5].
  @Test(arguments: ["workflow", "clarifai"])
  func referenceWorkflow(_ name: String) throws {
    let path = "examples/auto-annotation/\(name).yaml"
    let file = try Self.source(Repository.url(path), path: path)
    let diagnostics = Linter().lint(file).diagnostics
    #expect(diagnostics.map(\.id) == ["lint.uncovered-band"])
    #expect(diagnostics.first?.message == "cat and dog regions with confidence in [0, 0.5] are dropped")
    GoldenFile.check(
      DiagnosticRenderer.text(diagnostics, in: file),
      against: Self.folder.appendingPathComponent("reference/\(name).err"))
  }

  /// Each rule alone on the reference workflow: none fires but the note on what is dropped.
  @Test(arguments: LintRules.ids)
  func ruleDoesNotFireOnTheReferenceWorkflow(_ id: String) throws {
    let path = "examples/auto-annotation/workflow.yaml"
    let file = try Self.source(Repository.url(path), path: path)
    let linter = Linter(configuration: LintConfiguration(only: [id]))
    let found = linter.lint(file).diagnostics.map(\.id)
    #expect(found == (id == "uncovered-band" ? ["lint.uncovered-band"] : []))
  }

  /// Every example workflow lints without warnings or errors.
  @Test(arguments: Repository.files(under: "examples", extensions: ["yaml"]))
  func examplesLintWithoutWarnings(_ path: String) throws {
    let file = try Self.source(Repository.url("examples/" + path), path: path)
    let serious = Linter().lint(file).diagnostics.filter { $0.severity != .note }
    #expect(serious.isEmpty, "\(DiagnosticRenderer.text(serious, in: file))")
  }

  /// The stdlib's workflow types, linted on their own, have no warnings either.
  @Test(arguments: Repository.files(under: "stdlib/workflows", extensions: ["yaml"]))
  func stdlibWorkflowsLintWithoutWarnings(_ path: String) throws {
    let file = try Self.source(Repository.url("stdlib/workflows/" + path), path: path)
    let outcome = Linter().lint(file)
    #expect(outcome.bands != nil, "\(path) should check clean")
    let serious = outcome.diagnostics.filter { $0.severity != .note }
    #expect(serious.isEmpty, "\(DiagnosticRenderer.text(serious, in: file))")
  }

  /// The example in each rule's documentation makes that rule fire.
  @Test(arguments: LintRules.ids)
  func documentedExampleFires(_ id: String) throws {
    let rule = try #require(LintRules.rule(id))
    let outcome = Linter().lint(SourceFile(path: "example.yaml", text: rule.example))
    #expect(!outcome.check.hasErrors, "\(DiagnosticRenderer.text(outcome.diagnostics, in: outcome.file))")
    #expect(outcome.diagnostics.contains { $0.id == rule.diagnosticID }, "\(id)'s example does not fire it")
  }

  /// The same findings as JSON, SARIF and GitHub workflow commands.
  @Test(arguments: ["json", "sarif", "github"])
  func otherFormats(_ format: String) throws {
    let reports = try ["overlapping-writers-off-by-one", "unknown-concept", "suppressions"].map { name in
      let file = try Self.source(
        Self.folder.appendingPathComponent(name + ".yaml"), path: "flows/\(name).yaml")
      return FileDiagnostics(file: file, diagnostics: Linter().lint(file).diagnostics)
    }
    let text: String
    switch format {
    case "json": text = DiagnosticRenderer.json(reports)
    case "sarif": text = DiagnosticRenderer.sarif(reports, rules: LintRules.sarifRules, toolVersion: "0.1.0")
    default: text = DiagnosticRenderer.github(reports)
    }
    GoldenFile.check(text, against: Self.folder.appendingPathComponent("output/report.\(format)"))
  }

  /// `Documentation/LintRules.md` is generated from the rules (`weir lint --list-rules --markdown`).
  @Test func lintRulesDocumentationIsInSync() {
    GoldenFile.check(LintRules.markdown(), against: Repository.url("Documentation/LintRules.md"))
  }
}
