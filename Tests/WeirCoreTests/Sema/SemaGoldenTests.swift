import Foundation
import Testing
import WeirTestSupport

@testable import WeirCore

/// Every `Tests/Fixtures/sema/*.yaml` through the whole check pipeline (`Frontend.check`: parser,
/// graph rules, type checker), its diagnostics rendered as `weir check` prints them and compared
/// with `<name>.err` (Design.md §9.3, golden tests; `UPDATE_GOLDEN=1 swift test` rewrites them).
@Suite struct SemaGoldenTests {
  static let names = GoldenFile.names(in: "sema", ext: "yaml")

  @Test func thereAreEnoughMistakes() {
    #expect(Self.names.count >= 20)
  }

  @Test(arguments: names)
  func golden(_ name: String) throws {
    let folder = GoldenFile.fixtures("sema")
    let bytes = try Data(contentsOf: folder.appendingPathComponent(name + ".yaml"))
    let file = SourceFile(path: name + ".yaml", bytes: [UInt8](bytes))
    let outcome = Frontend.check(file, library: try libraryWithTriage())
    let text = DiagnosticRenderer.text(outcome.diagnostics, in: file)
    GoldenFile.check(text, against: folder.appendingPathComponent(name + ".err"))
    #expect(!text.isEmpty, "a fixture here shows a mistake; clean workflows belong in other tests")
  }
}
