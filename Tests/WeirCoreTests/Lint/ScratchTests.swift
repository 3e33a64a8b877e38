import Testing
import Foundation
@testable import WeirCore

@Test func scratchDoc() throws {
  try LintRules.markdown().write(toFile: "/tmp/lintdoc/LintRules.md", atomically: true, encoding: .utf8)
}
