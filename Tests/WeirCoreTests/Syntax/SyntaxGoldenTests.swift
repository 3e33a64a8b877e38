import Foundation
import Testing
import WeirTestSupport

@testable import WeirCore

/// Every `Tests/Fixtures/syntax/*.yaml` checked, its diagnostics rendered as text and compared
/// with `<name>.err`: what `weir check` prints for that file, less the type checker's (`check.*`)
/// diagnostics. These files are small on purpose and not type-correct; the checker's messages have
/// their own goldens in `Tests/Fixtures/sema`.
@Suite struct SyntaxGoldenTests {
  static let names = GoldenFile.names(in: "syntax", ext: "yaml")

  @Test func thereAreEnoughMistakes() {
    #expect(Self.names.count >= 25)
  }

  @Test(arguments: names)
  func golden(_ name: String) throws {
    let folder = GoldenFile.fixtures("syntax")
    let bytes = try Data(contentsOf: folder.appendingPathComponent(name + ".yaml"))
    let file = SourceFile(path: name + ".yaml", bytes: [UInt8](bytes))
    let outcome = Frontend.check(file)
    let text = DiagnosticRenderer.text(outcome.diagnostics.filter { !$0.id.hasPrefix("check.") }, in: file)
    GoldenFile.check(text, against: folder.appendingPathComponent(name + ".err"))
  }
}
