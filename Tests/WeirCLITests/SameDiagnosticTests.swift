import Foundation
import Testing
import WeirTestSupport

/// The same mistake gives the same diagnostic from every front end — `weir check`, `lint`,
/// `bands`, `plan` and the REPL's `check` — because they all go through the driver. `weir check`'s
/// full output is the golden file (`Tests/Fixtures/driver/<name>.err`); every other front end must
/// print that diagnostic line as it is.
@Suite struct SameDiagnosticTests {
  static let fixtures = ["timout-typo", "not-runnable-middle"]

  @Test(arguments: fixtures)
  func everyFrontEndReportsIt(_ name: String) throws {
    let path = "Tests/Fixtures/driver/\(name).yaml"
    let check = try WeirProcess.run(["check", "--no-color", path])
    #expect(check.status == 1)
    let golden = Repository.root.appendingPathComponent("Tests/Fixtures/driver/\(name).err")
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] != nil {
      try Data(check.stdout.utf8).write(to: golden)
    }
    let expected = try String(contentsOf: golden, encoding: .utf8)
    #expect(check.stdout == expected)
    let headline = try #require(expected.split(separator: "\n").first.map(String.init))
    #expect(headline.hasPrefix(path + ":"))

    let lint = try WeirProcess.run(["lint", "--no-color", path])
    #expect(lint.status == 1)
    #expect(lint.stdout.contains(headline), "lint: \(lint.stdout)")
    let bands = try WeirProcess.run(["bands", "--no-color", path])
    #expect(bands.status == 1)
    #expect(bands.stdout.contains(headline), "bands: \(bands.stdout)")
    let plan = try WeirProcess.run(["plan", "--no-color", path])
    #expect(plan.status == 2)
    #expect(plan.stdout == "")
    #expect(plan.stderr.contains(headline), "plan: \(plan.stderr)")
    let repl = try WeirProcess.run(["repl"], stdin: "load \(path)\ncheck\n")
    #expect(repl.status == 1)
    #expect(repl.stderr.contains(headline), "repl: \(repl.stderr)")
  }
}
