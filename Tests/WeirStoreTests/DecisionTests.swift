import Foundation
import GRDB
import Testing
import WeirCore
import WeirTestSupport

@testable import WeirStore

/// Review decisions in the store: what each action does to the label the queries show, that
/// nothing is deleted, that a re-run keeps decisions, and reviewers' leases.
@Suite struct DecisionTests {
  /// The dog on cat1.jpg that the pets outcomes send to review.
  static let review = AnnotationKey(
    workflowId: "pets", inputId: "cat1.jpg", nodeId: "write-review", regionId: "r2", conceptId: "dog")
  static let later = fixedDate.addingTimeInterval(60)

  static func storeWithPets(_ temp: TemporaryDirectory) throws -> SQLiteAnnotationStore {
    let store = try openStore(temp.path("weir.db"))
    try store.beginRun(Pets.run("r1"))
    for o in Pets.outcomes(runId: "r1") { try store.record(o) }
    try store.finishRun(id: "r1", status: .completed, endedAt: fixedDate, summary: nil)
    return store
  }

  static func decision(_ action: DecisionAction, concept: String? = nil, box: BoundingBox? = nil)
    -> ReviewDecision
  {
    ReviewDecision(
      key: review, action: action, concept: concept.map { .init(id: $0, name: $0) }, box: box,
      reviewer: "ana",
      time: later)
  }

  @Test func acceptAndRejectGiveClarifaisStatusesAndKeepThePrediction() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    let store = try Self.storeWithPets(temp)
    let accepted = try store.decide(Self.decision(.accept))
    #expect(accepted.record.status == 24150)
    #expect(accepted.decision?.reviewer == "ana")
    #expect(accepted.decision?.action == .accept)
    #expect(try store.annotations(AnnotationFilter(statuses: [24157])).isEmpty)
    #expect(try store.count(AnnotationFilter(statuses: [24150])) == 3)

    _ = try store.decide(Self.decision(.undo))
    let rejected = try store.decide(Self.decision(.reject))
    #expect(rejected.record.status == AnnotationStatus.reviewDenied.rawValue)
    #expect(AnnotationStatus.reviewDenied.name == "ANNOTATION_REVIEW_DENIED")
    #expect(try AnnotationFilter.parseStatus("review-denied") == 24158)

    let history = try store.decisions(for: Self.review)
    #expect(history.map(\.action) == [.accept, .undo, .reject])
    #expect(history[1].undoes == history[0].id)
    #expect(history.allSatisfy { $0.prediction.status == 24157 && $0.prediction.confidence == 0.62 })
    #expect(history.allSatisfy { $0.decidedAt == Self.later && $0.source == "review" })
  }

  @Test func relabelAndCorrectShowTheNewLabelWhileTheKeyStays() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    let store = try Self.storeWithPets(temp)
    let relabelled = try store.decide(Self.decision(.relabel, concept: "fox"))
    #expect(relabelled.record.conceptId == "fox")
    #expect(relabelled.record.conceptName == "fox")
    #expect(relabelled.key == Self.review)
    #expect(try store.annotations(AnnotationFilter(concepts: ["fox"])).map(\.key) == [Self.review])

    _ = try store.decide(Self.decision(.undo))
    let box = BoundingBox(topRow: 0.4, leftCol: 0.1, bottomRow: 0.8, rightCol: 0.3)
    let corrected = try store.decide(Self.decision(.correct, box: box))
    #expect(corrected.record.box == box)
    #expect(corrected.record.conceptId == "dog")
    #expect(try store.decisions(for: Self.review).last?.prediction.box?.topRow == 0.5)
    // Every export reads the current label.
    let set = try store.exportSet(AnnotationFilter(statuses: [24150]))
    #expect(set.annotations.contains { $0.record.box == box })
  }

  @Test func aSecondDecisionIsRefusedWithTheCurrentStateAndWritesNothing() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    let store = try Self.storeWithPets(temp)
    let accepted = try store.decide(Self.decision(.accept))
    #expect(throws: DecisionError.alreadyDecided(current: accepted)) {
      try store.decide(Self.decision(.reject))
    }
    #expect(try store.allDecisions().count == 1)
    #expect(
      DecisionError.alreadyDecided(current: accepted).description
        == "the annotation 'dog' on input 'cat1.jpg' was already decided by ana (accept); undo that decision first"
    )

    let other = AnnotationKey(
      workflowId: "pets", inputId: "cat1.jpg", nodeId: "write-sure", regionId: "r1", conceptId: "cat")
    let current = try #require(try store.annotation(other))
    #expect(throws: DecisionError.notDecided(current: current)) {
      try store.decide(ReviewDecision(key: other, action: .undo, reviewer: "ana", time: Self.later))
    }
    let missing = AnnotationKey(
      workflowId: "pets", inputId: "nope.jpg", nodeId: "n", regionId: "r", conceptId: "c")
    #expect(throws: DecisionError.noSuchAnnotation(missing)) {
      try store.decide(ReviewDecision(key: missing, action: .accept, reviewer: "ana", time: Self.later))
    }
    let outside = BoundingBox(topRow: 0.5, leftCol: 0.1, bottomRow: 1.5, rightCol: 0.3)
    #expect(throws: DecisionError.self) {
      try store.decide(
        ReviewDecision(key: other, action: .correct, box: outside, reviewer: "ana", time: Self.later))
    }
    #expect(try store.allDecisions().count == 1)
  }

  @Test func aReRunKeepsDecidedRowsAndReplacesTheOthers() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    let store = try Self.storeWithPets(temp)
    _ = try store.decide(Self.decision(.relabel, concept: "fox"))
    // The second run predicts nothing on cat1.jpg at all.
    try store.beginRun(Pets.run("r2"))
    var outcomes = Pets.outcomes(runId: "r2")
    outcomes[0].annotations = []
    for o in outcomes { try store.record(o) }
    try store.finishRun(id: "r2", status: .completed, endedAt: fixedDate, summary: nil)

    let onCat = try store.labels(ofInput: "cat1.jpg")
    #expect(onCat.map(\.record.conceptId) == ["fox"], "the decided row survives; the undecided one went")
    #expect(onCat.first?.runId == "r1")

    // Undone, the row is an ordinary prediction again, and the next run replaces it.
    _ = try store.decide(Self.decision(.undo))
    try store.beginRun(Pets.run("r3"))
    for o in outcomes { try store.record(o) }
    try store.finishRun(id: "r3", status: .completed, endedAt: fixedDate, summary: nil)
    #expect(try store.labels(ofInput: "cat1.jpg").isEmpty)
    #expect(try store.decisions(for: Self.review).count == 2, "the decisions table keeps everything")
  }

  @Test func decideAllIsAllOrNothingAndAppliesTheSameListOnce() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    let store = try Self.storeWithPets(temp)
    let missing = AnnotationKey(
      workflowId: "pets", inputId: "nope.jpg", nodeId: "n", regionId: "r", conceptId: "c")
    let bad = [
      Self.decision(.accept),
      ReviewDecision(key: missing, action: .accept, reviewer: "ana", time: Self.later),
    ]
    #expect(throws: DecisionError.noSuchAnnotation(missing)) { try store.decideAll(bad) }
    #expect(try store.allDecisions().isEmpty)

    let list = [Self.decision(.relabel, concept: "fox")]
    #expect(try store.decideAll(list) == 1)
    #expect(try store.decideAll(list) == 0)
    #expect(try store.allDecisions().count == 1)
  }

  @Test func twoReviewersNeverClaimTheSameInputAndLeasesExpire() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    let store = try openStore(temp.path("weir.db"))
    try store.beginRun(Pets.run("r1"))
    for i in 0..<10 {
      let input = "img\(i).jpg"
      try store.record(
        InputOutcome(
          runId: "r1", input: InputItem(id: input, path: input), error: nil,
          annotations: [
            Pets.annotation(
              input, "r1", "dog", 0.5 + Double(i) / 100, node: "w", status: .awaitingReview, box: nil)
          ]))
    }
    try store.finishRun(id: "r1", status: .completed, endedAt: fixedDate, summary: nil)

    let ana = try store.claim(reviewer: "ana", limit: 4, lease: 300, now: fixedDate)
    let bo = try store.claim(reviewer: "bo", limit: 4, lease: 300, now: fixedDate)
    #expect(ana == ["img0.jpg", "img1.jpg", "img2.jpg", "img3.jpg"])
    #expect(bo == ["img4.jpg", "img5.jpg", "img6.jpg", "img7.jpg"])
    #expect(try store.claim(reviewer: "ana", limit: 4, lease: 300, now: fixedDate) == ana, "a renewal")
    // After ana's lease ran out, bo may take her inputs.
    let afterwards = fixedDate.addingTimeInterval(301)
    #expect(try store.claim(reviewer: "bo", limit: 10, lease: 300, now: afterwards).count == 10)
    #expect(try store.leaseHolder(inputId: "img0.jpg", now: afterwards) == "bo")
    let byConcept = ReviewQueueQuery(minConfidence: 0.55, order: .input)
    #expect(
      try store.claim(reviewer: "bo", limit: 10, lease: 300, query: byConcept, now: afterwards).count == 5)
    #expect(try store.reviewProgress(now: afterwards) == ReviewProgress(done: 0, left: 10, perMinute: 0))
  }

  @Test func aVersion1StoreIsUpgradedEvenByAReader() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    let path = temp.path("weir.db")
    try DatabaseQueue(path: path).write { db in
      try db.execute(sql: StoreSchema.v1)
      try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
      try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v1')")
      try db.execute(sql: "PRAGMA user_version = 1")
      try db.execute(
        sql: """
          INSERT INTO annotations VALUES ('pets', 'a.jpg', 'w', 'r', 'dog', 'dog', NULL, NULL, NULL, NULL, 0.7,
            24157, NULL, NULL, 'r1', '2024-05-01 12:00:00.000')
          """)
    }
    let reader = try SQLiteAnnotationStore(path: path, options: .init(readOnly: true))
    #expect(try reader.annotations().map(\.record.conceptId) == ["dog"])
    #expect(try reader.annotations().first?.decision == nil)
  }
}
