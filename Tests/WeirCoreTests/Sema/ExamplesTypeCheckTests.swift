import Foundation
import Testing
import WeirTestSupport

@testable import WeirCore

/// The real files: the reference workflow in both dialects, every example, every Clarifai example.
@Suite struct ExamplesTypeCheckTests {
  static func check(_ path: String) throws -> CheckOutcome {
    let bytes = try Data(contentsOf: Repository.url(path))
    return Frontend.check(SourceFile(path: path, bytes: [UInt8](bytes)))
  }

  @Test(
    arguments: Repository.files(under: "examples", extensions: ["yaml"]).filter { !$0.contains("/.weir/") })
  func everyExampleChecksClean(_ path: String) throws {
    let outcome = try Self.check("examples/" + path)
    #expect(outcome.diagnostics.isEmpty, "\(DiagnosticRenderer.text(outcome.diagnostics, in: outcome.file))")
  }

  /// Both dialects of the reference workflow check to the same types, parameters and kinds.
  @Test func referenceWorkflowMeansTheSameInBothDialects() throws {
    let native = try #require(try Self.check("examples/auto-annotation/workflow.yaml").checked)
    let clarifai = try #require(try Self.check("examples/auto-annotation/clarifai.yaml").checked)
    #expect(native.nodes.map(\.id) == clarifai.nodes.map(\.id))
    for (a, b) in zip(native.nodes, clarifai.nodes) {
      #expect(a.type?.name == b.type?.name, "\(a.id)")
      #expect(a.inputs == b.inputs, "\(a.id)")
      #expect(a.inputKind == b.inputKind, "\(a.id)")
      #expect(a.outputKind == b.outputKind, "\(a.id)")
      #expect(a.conceptThresholds() == b.conceptThresholds(), "\(a.id)")
      #expect(a.enumCase("concept_threshold_type") == b.enumCase("concept_threshold_type"), "\(a.id)")
      #expect(a.enumCase("annotation_status") == b.enumCase("annotation_status"), "\(a.id)")
      #expect(a.string("annotation_user_id") == b.string("annotation_user_id"), "\(a.id)")
    }
    #expect(native.node("plausible")?.conceptThresholds() == ["cat": 0.5, "dog": 0.5])
    #expect(
      native.node("write-review")?.inputKind?.description
        == "regions[...].data.concepts, regions[...].region_info.bounding_box")
  }

  /// Every copied Clarifai example type-checks: notes where a model's type cannot be known, never
  /// an error or a warning. The full output is a golden file, so each note is reviewed.
  @Test func everyClarifaiExampleTypeChecksWithNotesOnly() throws {
    var report = ""
    for name in Repository.files(under: "Tests/Fixtures/clarifai-examples", extensions: ["yml"]) {
      let outcome = try Self.check("Tests/Fixtures/clarifai-examples/" + name)
      // Besides notes, only the planner's refusals: operators weir has no behaviour for, models run
      // on each region, models whose type only Clarifai knows. A workflow that checks must run, so
      // those are errors (golden below).
      let refusals: Set<String> = ["plan.unsupported-node", "plan.unsupported-scope", "plan.unknown-type"]
      #expect(outcome.diagnostics.allSatisfy { $0.severity == .note || refusals.contains($0.id) }, "\(name)")
      let checked = try #require(outcome.checked)
      report += "\(name): IN gives \(checked.inputKind?.description ?? "unknown")\n"
      for node in checked.orderedNodes {
        let type = node.type.map { "\($0.name) (\($0.role.rawValue))" } ?? "unknown type"
        let scope = node.scope == .whole ? "" : ", \(node.scope)"
        report += "  \(node.id): \(type)\(scope) → \(node.outputKind?.description ?? "unknown")\n"
      }
      report += DiagnosticRenderer.text(outcome.diagnostics, in: outcome.file)
    }
    GoldenFile.check(report, against: GoldenFile.fixtures("sema/clarifai-examples.out"))
  }
}
