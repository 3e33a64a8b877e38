import Foundation
import Testing
import WeirTestSupport

@testable import WeirCore

/// `weir check --dump-types`: every `Tests/Fixtures/dump/*.yaml` checked and dumped, compared with
/// `<name>.types.out` (`UPDATE_GOLDEN=1 swift test` rewrites them).
@Suite struct CheckedWorkflowDumperTests {
  @Test(arguments: WorkflowDumperTests.names)
  func golden(_ name: String) throws {
    let file = try WorkflowDumperTests.source(name)
    let checked = try #require(Frontend.check(file).checked)
    GoldenFile.check(
      CheckedWorkflowDumper.dump(checked, file: file),
      against: GoldenFile.fixtures("dump").appendingPathComponent(name + ".types.out"))
  }

  /// A `--set` override shows as such, not with the position of the value it replaced.
  @Test func overriddenVarsSaySo() throws {
    let file = try WorkflowDumperTests.source("reference")
    var overrides = Overrides()
    let added = overrides.add(assignment: "accept=0.9")
    #expect(added)
    let checked = try #require(Frontend.check(file, overrides: overrides).checked)
    let dump = CheckedWorkflowDumper.dump(checked, file: file)
    #expect(dump.contains("    accept = 0.9 (set)\n"), "\(dump)")
    #expect(dump.contains("        cat = 0.9  # $accept @30:68\n"), "\(dump)")
  }
}
