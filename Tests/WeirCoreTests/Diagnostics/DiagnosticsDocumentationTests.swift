import Foundation
import Testing
import WeirTestSupport

/// Every `yaml.*`, `syntax.*`, `graph.*`, `plan.*` and `convert.*` id the sources can emit is listed in
/// Documentation/Diagnostics.md, so users can look up what they see.
@Suite struct DiagnosticsDocumentationTests {
  @Test func everyIdIsDocumented() throws {
    let root = Repository.root
    let doc = try String(
      contentsOf: root.appendingPathComponent("Documentation/Diagnostics.md"), encoding: .utf8)
    let sources = root.appendingPathComponent("Sources/WeirCore")
    let files = FileManager.default.enumerator(atPath: sources.path)!.compactMap { $0 as? String }
      .filter { $0.hasSuffix(".swift") }
    let pattern = try NSRegularExpression(pattern: "\"((?:yaml|syntax|graph|plan|convert)\\.[a-z-]+)\"")
    var ids = Set<String>()
    for file in files {
      let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
      for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
        ids.insert(String(text[Range(match.range(at: 1), in: text)!]))
      }
    }
    #expect(ids.count > 30)
    for id in ids.sorted() {
      #expect(doc.contains("`\(id)`"), "\(id) is not in Documentation/Diagnostics.md")
    }
  }
}
