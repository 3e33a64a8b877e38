import Foundation
import Testing
import WeirTestSupport

@testable import WeirCore

/// Every `Tests/Fixtures/plan/*.yaml` checked (`Frontend.check`) and planned
/// (`Planner.plan(checked)`), printed as `weir plan` prints it — diagnostics, then the text plan —
/// and compared with `<name>.out`; the reference workflow also in json, dot and mermaid
/// (`reference.json`, `reference.dot`, `reference.mmd`). `UPDATE_GOLDEN=1 swift test` rewrites them.
@Suite struct PlanGoldenTests {
  static let names = GoldenFile.names(in: "plan", ext: "yaml")

  static func plan(_ name: String) throws -> (String, ExecutionPlan?) {
    let folder = GoldenFile.fixtures("plan")
    let bytes = try Data(contentsOf: folder.appendingPathComponent(name + ".yaml"))
    let file = SourceFile(path: "Tests/Fixtures/plan/\(name).yaml", bytes: [UInt8](bytes))
    let outcome = Frontend.check(file)
    var diagnostics = outcome.diagnostics
    var plan: ExecutionPlan?
    if let checked = outcome.checked, !outcome.hasErrors {
      let (p, more) = Planner().plan(checked, baseDirectory: "Tests/Fixtures/plan")
      plan = p
      diagnostics += more
    }
    let text = DiagnosticRenderer.text(diagnostics.sortedUnique(), in: file)
    return (text + (plan.map { PlanRenderer(format: .text).render($0) } ?? ""), plan)
  }

  @Test func thereAreFixtures() {
    #expect(Self.names.count >= 6)
  }

  @Test(arguments: names)
  func golden(_ name: String) throws {
    let (text, _) = try Self.plan(name)
    GoldenFile.check(text, against: GoldenFile.fixtures("plan").appendingPathComponent(name + ".out"))
  }

  @Test(arguments: [(PlanFormat.json, "json"), (.dot, "dot"), (.mermaid, "mmd")])
  func referenceInEveryFormat(_ format: PlanFormat, _ ext: String) throws {
    let plan = try #require(try Self.plan("reference").1)
    GoldenFile.check(
      PlanRenderer(format: format).render(plan),
      against: GoldenFile.fixtures("plan").appendingPathComponent("reference." + ext))
  }
}
