import Foundation
import Testing
import WeirTestSupport

@testable import WeirCore

/// `Tests/Fixtures/convert/bad/*.yaml`: each holds one construct the other dialect cannot hold
/// (a weir workflow is converted to Clarifai's dialect, a Clarifai one to weir's). The conversion
/// writes no text and gives exactly one error, with its position; the rendered diagnostics are
/// compared with `<name>.err`.
@Suite struct ConvertRefusalTests {
  static let names = GoldenFile.names(in: "convert/bad", ext: "yaml")

  @Test func everyRefusalHasAFixture() {
    #expect(Self.names.count >= 8)
  }

  @Test(arguments: names)
  func golden(_ name: String) throws {
    let folder = GoldenFile.fixtures("convert/bad")
    let bytes = try Data(contentsOf: folder.appendingPathComponent(name + ".yaml"))
    let file = SourceFile(path: name + ".yaml", bytes: [UInt8](bytes))
    let outcome = Frontend.check(file)
    // What weir cannot run yet (`plan.*`) does not stop a conversion.
    let blocking = outcome.diagnostics.filter { $0.severity == .error && !$0.id.hasPrefix("plan.") }
    #expect(blocking.isEmpty, "\(DiagnosticRenderer.text(blocking, in: file))")
    let checked = try #require(outcome.checked)
    let target: Dialect = checked.workflow.dialect == .native ? .clarifai : .native
    let conversion = WorkflowConverter().convert(checked, file: file, to: target)
    #expect(conversion.text == nil)
    let errors = conversion.diagnostics.filter { $0.severity == .error }
    #expect(errors.count == 1)
    #expect(errors.allSatisfy { $0.range != nil })
    GoldenFile.check(
      DiagnosticRenderer.text(conversion.diagnostics, in: file),
      against: folder.appendingPathComponent(name + ".err"))
  }
}
