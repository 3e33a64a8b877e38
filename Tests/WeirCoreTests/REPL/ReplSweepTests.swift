import Foundation
import Testing

@testable import WeirCore
@testable import WeirREPL

@Suite struct ReplSweepTests {
  @Test func sweepCountsMatchAStraightforwardLoopAtEveryValue() async throws {
    let (session, _) = try await ReplFixtures.loaded()
    let r = await session.handle("sweep accept 0.5..0.95 step 0.05")
    guard case .sweep(let sweep) = r.payload else { return #expect(Bool(false), "\(r.text)") }
    #expect(sweep.values == [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95])
    for point in sweep.points {
      let expected = Reference.counts(accept: point.value, review: 0.5)
      #expect(point.accepted == expected["accepted"], "accept \(point.value)")
      #expect(point.review == expected["review"], "accept \(point.value)")
      #expect(point.dropped == expected["dropped"], "accept \(point.value)")
      #expect(point.perWriter["write-sure"] == expected["accepted"])
      #expect(point.truth == nil)
    }
    #expect(sweep.currentValue == 0.95)
    #expect(session.settings.isEmpty, "a sweep leaves the settings as they were")
    #expect(r.text.contains("▸ 0.95"), "the current value is marked")
  }

  @Test func sweepWithGroundTruthMatchesTheTextbookGreedyMatching() async throws {
    let (session, _) = try await ReplFixtures.loaded(truth: true)
    for iou in [0.5, 0.8] {
      let r = await session.handle("sweep review 0..0.9 10 points --iou \(iou)")
      guard case .sweep(let sweep) = r.payload else { return #expect(Bool(false), "\(r.text)") }
      #expect(sweep.points.count == 10)
      for point in sweep.points {
        let expected = Reference.truth(accept: 0.95, review: point.value, iouThreshold: iou)
        let t = try #require(point.truth)
        #expect(t.accepted == expected.accepted)
        #expect(t.acceptedCorrect == expected.correct, "review \(point.value) iou \(iou)")
        #expect(t.objects == expected.objects)
        #expect(t.objectsInReview == expected.objectsInReview, "review \(point.value) iou \(iou)")
      }
      #expect(r.text.contains("precision  recall  in review  missed"))
      #expect(r.text.contains("true objects matched at IoU >= \(ReplFormat.value(iou))"))
    }
    // The accept threshold moves precision and recall; check them against the loop too.
    let r = await session.handle("sweep accept 0.5..0.95 step 0.15")
    guard case .sweep(let sweep) = r.payload else { return #expect(Bool(false)) }
    for point in sweep.points {
      let e = Reference.truth(accept: point.value, review: 0.5)
      #expect(point.truth?.precision == (e.accepted > 0 ? Double(e.correct) / Double(e.accepted) : nil))
      #expect(point.truth?.recall == Double(e.objectsAccepted) / Double(e.objects))
    }
  }

  @Test func sweepOfANodeParameterAndAfterSet() async throws {
    let (session, _) = try await ReplFixtures.loaded()
    _ = await session.handle("set review = 0.7")
    let r = await session.handle("sweep sure.concepts.cat 0.6..1 5 points")
    guard case .sweep(let sweep) = r.payload else { return #expect(Bool(false), "\(r.text)") }
    let predictions = Reference.predictions()
    for point in sweep.points {
      let accepted = predictions.filter { $0.value > ($0.concept == "cat" ? point.value : 0.95) }.count
      #expect(point.accepted == accepted, "cat threshold \(point.value)")
      // Review still sees 'unsure' at $accept (0.95) and plausible at the set 0.7; a prediction
      // both writers write counts as accepted.
      let review = predictions.filter {
        !($0.value > ($0.concept == "cat" ? point.value : 0.95)) && $0.value <= 0.95 && $0.value > 0.7
      }.count
      #expect(point.review == review)
    }
    #expect(sweep.currentValue == 0.95, "the current value is the var's, followed through the reference")
  }

  @Test(arguments: [
    ("sweep acept 0..1 step 0.5", "error: no var or node is named 'acept'; did you mean 'accept'?"),
    (
      "sweep accept 0.5..1.5 step 0.5",
      "error: cannot sweep to 1.5: threshold for 'cat' in parameter 'concepts' of region-thresholder 'sure' must be in [0, 1], not 1.5 (from '$accept') [check.out-of-range]"
    ),
    (
      "sweep write-sure.annotation_status 0..1 step 0.5",
      "error: 'write-sure.annotation_status' is ANNOTATION_SUCCESS, not a number; only numbers can be swept"
    ),
    (
      "sweep accept 0..1 step 0.5 --plot out.svg",
      "error: plots are written by the weir command line, not by this session"
    ),
  ])
  func badSweeps(line: String, message: String) async throws {
    let (session, _) = try await ReplFixtures.loaded()
    let r = await session.handle(line)
    #expect(r.isError)
    #expect(r.text.contains(message), "\(r.text)")
  }

  @Test func stackedBarsKeepTheirWidthAndSmallShares() {
    #expect(TerminalChart.stackedBar([1, 1, 2], width: 8) == "██▒▒····")
    #expect(TerminalChart.stackedBar([100, 1, 0], width: 10) == "█████████▒")
    #expect(TerminalChart.stackedBar([0, 0, 0], width: 4) == "    ")
    #expect(TerminalChart.stackedBar([3, 3, 3], width: 10).count == 10)
  }
}
