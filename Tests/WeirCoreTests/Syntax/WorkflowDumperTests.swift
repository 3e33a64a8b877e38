import Foundation
import Testing
import WeirTestSupport

@testable import WeirCore

/// `weir check --dump-ast`: every `Tests/Fixtures/dump/*.yaml` parsed and dumped, compared with
/// `<name>.ast.out` (`UPDATE_GOLDEN=1 swift test` rewrites them).
@Suite struct WorkflowDumperTests {
  static let names = GoldenFile.names(in: "dump", ext: "yaml")

  static func source(_ name: String) throws -> SourceFile {
    let bytes = try Data(contentsOf: GoldenFile.fixtures("dump").appendingPathComponent(name + ".yaml"))
    return SourceFile(path: name + ".yaml", bytes: [UInt8](bytes))
  }

  @Test func thereAreFixtures() {
    #expect(Self.names.count >= 5)
  }

  @Test(arguments: names)
  func golden(_ name: String) throws {
    let file = try Self.source(name)
    let workflow = try #require(WorkflowParser.parse(file).0)
    GoldenFile.check(
      WorkflowDumper.dump(workflow, file: file),
      against: GoldenFile.fixtures("dump").appendingPathComponent(name + ".ast.out"))
  }

  /// Columns count characters, as in diagnostics: `猫` is one column, though three bytes.
  @Test func columnsCountCharacters() throws {
    let file = SourceFile(path: "wf.yaml", text: "weir: 1\nnodes:\n  猫: {type: input-filter}\n")
    let workflow = try #require(WorkflowParser.parse(file).0)
    let dump = WorkflowDumper.dump(workflow, file: file)
    #expect(dump.contains("  node \"猫\" @3:3\n    type: \"input-filter\" @3:13\n"), "\(dump)")
  }
}
