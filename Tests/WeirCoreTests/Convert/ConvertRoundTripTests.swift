import Foundation
import Testing
import WeirTestSupport

@testable import WeirCore

/// Every example and every Clarifai fixture converted to the other dialect and back: the
/// converted text is a golden file (`Tests/Fixtures/convert/<folder>-<name>.<dialect>.out`, with
/// the conversion's warnings in `.err`), the file converted back checks with the same diagnostics
/// as the original, and converting again gives the same text.
@Suite struct ConvertRoundTripTests {
  static let folder = GoldenFile.fixtures("convert")

  /// Files that cannot be converted, with the one error id each gives.
  static let refused = ["clarifai-examples/region-thresholder.yml": "convert.untyped-model"]

  static let files: [String] =
    Repository.files(under: "examples", extensions: ["yaml"]).map { "examples/" + $0 }
    + Repository.files(under: "Tests/Fixtures/clarifai-examples", extensions: ["yml"]).map {
      "Tests/Fixtures/clarifai-examples/" + $0
    }

  @Test func everyExampleAndFixtureIsCovered() {
    #expect(Self.files.count >= 14, "\(Self.files)")
  }

  @Test(arguments: files)
  func roundTrip(_ path: String) throws {
    let original = try Self.load(path)
    let outcome = Frontend.check(original)
    let workflow = try #require(outcome.workflow)
    let (source, target): (Dialect, Dialect) =
      workflow.dialect == .native ? (.native, .clarifai) : (.clarifai, .native)
    let key = path.split(separator: "/").suffix(2).joined(separator: "/")
    let name = key.replacingOccurrences(of: "/", with: "-")
    let there = try Self.convert(original, to: target)
    let diagnostics = DiagnosticRenderer.text(there.diagnostics, in: original)
    if let id = Self.refused[key] {
      #expect(there.text == nil)
      #expect(there.diagnostics.filter { $0.severity == .error }.map(\.id) == [id])
      GoldenFile.check(diagnostics, against: Self.folder.appendingPathComponent("\(name).err"))
      return
    }
    let text = try #require(there.text, "\(diagnostics)")
    GoldenFile.check(text, against: Self.folder.appendingPathComponent("\(name).\(target.rawValue).out"))
    if !there.diagnostics.isEmpty {
      GoldenFile.check(diagnostics, against: Self.folder.appendingPathComponent("\(name).err"))
    }
    let converted = SourceFile(path: name + ".converted", text: text)
    #expect(Self.errors(Frontend.check(converted)) == Self.errors(outcome), "\(text)")

    let back = try #require(try Self.convert(converted, to: source).text)
    let returned = SourceFile(path: name + ".back", text: back)
    #expect(Self.summary(Frontend.check(returned)) == Self.summary(outcome), "\(back)")

    let again = try Self.convert(returned, to: target)
    #expect(again.text == text, "converting twice gives other text:\n\(again.text ?? "nothing")")
    let backAgain = try Self.convert(SourceFile(path: name + ".again", text: text), to: source)
    #expect(backAgain.text == back)
  }

  /// Converting to the dialect a file is in writes it afresh: it checks the same, backends and
  /// vars included, and a second time gives the same text.
  @Test(arguments: files.filter { refused[$0.split(separator: "/").suffix(2).joined(separator: "/")] == nil })
  func sameDialect(_ path: String) throws {
    let original = try Self.load(path)
    let outcome = Frontend.check(original)
    let dialect = try #require(outcome.workflow?.dialect)
    let text = try #require(try Self.convert(original, to: dialect).text)
    let rewritten = SourceFile(path: path, text: text)
    #expect(Self.summary(Frontend.check(rewritten)) == Self.summary(outcome), "\(text)")
    #expect(try Self.convert(rewritten, to: dialect).text == text)
  }

  static func load(_ path: String) throws -> SourceFile {
    SourceFile(path: path, bytes: [UInt8](try Data(contentsOf: Repository.url(path))))
  }

  /// Converts a file that checks without errors (weir's planner refusals aside), leaving backends out.
  static func convert(_ file: SourceFile, to target: Dialect) throws -> Conversion {
    let outcome = Frontend.check(file)
    #expect(errors(outcome).filter { !$0.hasPrefix("plan.") }.isEmpty, "\(errors(outcome))")
    let checked = try #require(outcome.checked)
    return WorkflowConverter(dropBackends: true).convert(checked, file: file, to: target)
  }

  static func errors(_ outcome: CheckOutcome) -> [String] {
    outcome.diagnostics.filter { $0.severity == .error }.map { "\($0.id): \($0.message)" }
  }

  /// What a check says, without positions: each diagnostic's severity, id and message.
  static func summary(_ outcome: CheckOutcome) -> [String] {
    outcome.diagnostics.map { "\($0.severity.rawValue) \($0.id): \($0.message)" }
  }
}
