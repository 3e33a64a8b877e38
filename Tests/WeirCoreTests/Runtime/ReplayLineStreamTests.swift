import Foundation
import Testing

@testable import WeirCore

/// Large weir JSON lines files are read in rounds; what they give is what reading them whole gives.
@Suite struct ReplayLineStreamTests {
  typealias S = RuntimeTestSupport

  /// Synthetic lines with a few records the columns cannot hold and a failed input.
  static let lines: String = {
    var text = SyntheticPredictions(
      images: 40, regionsPerImage: 3, concepts: ["cat", "dog"], conceptsPerRegion: 2, seed: 4
    ).jsonLines()
    text += #"{"input": "odd.jpg", "text": {"raw": "hi"}, "concepts": [{"id": "cat", "value": 0.5}]}"# + "\n"
    text += #"{"input": "failed.jpg", "error": "timed out"}"# + "\n"
    text += #"{"input": "img-000001.jpg", "concepts": [{"id": "cat", "value": 0.25}]}"# + "\n"
    return text
  }()

  @Test(arguments: [97, 1000, 5000])
  func roundsGiveWhatTheWholeFileGives(roundSize: Int) throws {
    let folder = try S.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("p.jsonl")
    try S.write(Self.lines, to: file)
    let streamed = try ReplayLineStream.load(file.path, loader: ReplayLoader(), roundSize: roundSize)
    let whole = try ReplayLoader().loadFile(file.path)
    let data = try #require(streamed, "a file of two rounds or more streams")
    #expect(data.inputs == whole.inputs)
    #expect(data.inputs.count == 42)
    for input in whole.inputs {
      #expect(data.prediction(for: input) == whole.prediction(for: input), "\(input.id)")
    }
    // The last line of an input wins, across rounds.
    #expect(try data.prediction(for: InputItem(id: "img-000001.jpg")).get().regions.isEmpty)
  }

  @Test func aBadLineIsReportedAtItsLineAndColumnInTheFile() throws {
    let folder = try S.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("p.jsonl")
    let good = Self.lines.split(separator: "\n").prefix(30).joined(separator: "\n")
    try S.write(good + "\n{\"input\": \"x.jpg\", \"concepts\": [oops]}\n", to: file)
    #expect(throws: ReplayError.self) {
      try ReplayLineStream.load(file.path, loader: ReplayLoader(), roundSize: 200)
    }
    do throws(ReplayError) {
      _ = try ReplayLineStream.load(file.path, loader: ReplayLoader(), roundSize: 200)
    } catch {
      let whole = #expect(throws: ReplayError.self) { try ReplayLoader().loadFile(file.path) }
      #expect(error.line == 31 && error.line == whole?.line && error.column == whole?.column)
      #expect(error.description == whole?.description)
    }
  }

  @Test func smallFilesAndOtherFormatsAreReadWhole() throws {
    let folder = try S.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("p.json")
    try S.write(#"{"outputs": []}"# + String(repeating: " ", count: 500), to: file)
    #expect(
      try ReplayLineStream.load(file.path, loader: ReplayLoader(), roundSize: 100).map { _ in 1 } == nil)
    try S.write(Self.lines, to: file)
    #expect(
      try ReplayLineStream.load(file.path, loader: ReplayLoader(), roundSize: 1 << 20).map { _ in 1 } == nil)
  }
}
