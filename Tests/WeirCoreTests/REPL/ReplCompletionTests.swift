import Foundation
import Testing

@testable import WeirCore
@testable import WeirREPL

@Suite struct ReplCompletionTests {
  @Test func completesCommandsNodesSettingsInputsAndFiles() async throws {
    let (session, dir) = try await ReplFixtures.loaded()
    try FileManager.default.createDirectory(
      at: dir.appendingPathComponent("photos"), withIntermediateDirectories: true)
    func c(_ line: String) -> [String] { session.completions(forLine: line).candidates }
    #expect(c("sw") == ["sweep"])
    #expect(c("s") == ["save", "set", "show", "sweep"])
    #expect(c("show p") == ["plausible"])
    #expect(c("show ") == ["detect", "plausible", "sure", "unsure", "write-review", "write-sure"])
    #expect(c("set a") == ["accept"])
    #expect(c("set su") == ["sure."])
    #expect(c("set sure.") == ["sure.concept_threshold_type", "sure.concepts.", "sure.default_threshold"])
    #expect(c("set sure.concepts.") == ["sure.concepts.cat", "sure.concepts.dog"])
    #expect(c("set write-sure.annotation_s") == ["write-sure.annotation_status"])
    #expect(c("set accept ") == ["="])
    #expect(c("set sure.concept_threshold_type = GREATER") == ["GREATER_THAN", "GREATER_THAN_OR_EQUAL"])
    #expect(
      c("set write-review.annotation_status = ANNOTATION_A") == [
        "ANNOTATION_AWAITING_CONSENSUS_REVIEW", "ANNOTATION_AWAITING_REVIEW",
      ])
    #expect(c("sweep rev") == ["review"])
    #expect(c("sweep review 0..1 st") == ["step"])
    #expect(c("sweep review 0..1 step 0.1 --") == ["--iou", "--plot"])
    #expect(
      c("explain img1") == [
        "img10.jpg", "img11.jpg", "img12.jpg", "img13.jpg", "img14.jpg", "img15.jpg", "img16.jpg",
      ])
    #expect(c("load pets") == ["pets-clarifai.yaml", "pets-truth.json", "pets.jsonl", "pets.yaml"])
    #expect(c("load pho") == ["photos/"])
    #expect(c("truth nothing-like-this") == [])
    #expect(c("run ") == [])
    #expect(c("help sa") == ["save"])
    #expect(session.completions(forLine: "set sure.con").word == "sure.con")
  }
}
