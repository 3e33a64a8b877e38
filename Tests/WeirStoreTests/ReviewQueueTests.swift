import Foundation
import GRDB
import Testing
import WeirCore
import WeirTestSupport

@testable import WeirStore

/// The review queue's orders and filters, checked against the queue as the documentation defines
/// it (Documentation/Review.md, "The page"), and the counts and concept names kept between
/// requests, checked against a fresh count after every kind of write.
@Suite struct ReviewQueueTests {
  /// One annotation of the generated store, as the queue's definition needs it.
  struct Item {
    var input: String
    var region: String
    var conceptId: String
    var conceptName: String
    var confidence: Double
    var run: String
    var task: String
    var status: AnnotationStatus

    var key: AnnotationKey {
      AnnotationKey(
        workflowId: Pets.workflow, inputId: input, nodeId: "w", regionId: region, conceptId: conceptId)
    }

    var record: AnnotationRecord {
      AnnotationRecord(
        workflowId: Pets.workflow, nodeId: "w", inputId: input, regionId: region, box: nil,
        conceptId: conceptId,
        conceptName: conceptName, confidence: confidence, status: status.rawValue, userId: "bot", taskId: task
      )
    }
  }

  /// 40 inputs of 1–4 annotations over two runs and two tasks: confidences from a few values so
  /// that inputs tie, concepts whose ids and names differ, and some annotations that are not
  /// review items. Deterministic.
  static let items: [Item] = {
    let concepts = [("c-cat", "cat"), ("c-dog", "dog"), ("c-fox", "fox")]
    let confidences = [0.5, 0.55, 0.6, 0.7, 0.8]
    var items: [Item] = []
    var seed: UInt64 = 7
    func next(_ n: Int) -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((seed >> 33) % UInt64(n))
    }
    for i in 0..<40 {
      let input = String(format: "img%02d.jpg", (i * 17) % 40)  // ids not in recording order
      for r in 0..<(1 + next(4)) {
        let (id, name) = concepts[next(3)]
        items.append(
          Item(
            input: input, region: "r\(r)", conceptId: id, conceptName: name, confidence: confidences[next(5)],
            run: i < 20 ? "r1" : "r2", task: next(2) == 0 ? "t1" : "t2",
            status: next(6) == 0 ? .success : .awaitingReview))
      }
    }
    return items
  }()

  /// Writes `items` in two runs (inputs 0–19 in r1, the rest in r2).
  static func store(_ temp: TemporaryDirectory) throws -> SQLiteAnnotationStore {
    let store = try openStore(temp.path("weir.db"))
    for run in ["r1", "r2"] {
      try store.beginRun(Pets.run(run))
      let mine = items.filter { $0.run == run }
      for input in Set(mine.map(\.input)).sorted() {
        try store.record(
          InputOutcome(
            runId: run, input: InputItem(id: input, path: input), error: nil,
            annotations: mine.filter { $0.input == input }.map(\.record)))
      }
      try store.finishRun(id: run, status: .completed, endedAt: fixedDate, summary: nil)
    }
    return store
  }

  /// The queue by its definition: review items with no decision that pass the filters, grouped by
  /// input; by confidence, the input's lowest first; by input, its id; by concept, its first
  /// concept name, then the lowest confidence of that concept on the input; ties by input id.
  static func expected(
    _ q: ReviewQueueQuery, decided: Set<AnnotationKey> = [], heldByOthers: Set<String> = []
  ) -> [String] {
    let pending = items.filter { item in
      item.status == .awaitingReview && !decided.contains(item.key) && !heldByOthers.contains(item.input)
        && (q.concepts.isEmpty || q.concepts.contains(item.conceptId)
          || q.concepts.contains(item.conceptName))
        && (q.runs.isEmpty || q.runs.contains(item.run)) && (q.tasks.isEmpty || q.tasks.contains(item.task))
        && item.confidence >= (q.minConfidence ?? -.infinity)
        && item.confidence <= (q.maxConfidence ?? .infinity)
    }
    let byInput = Dictionary(grouping: pending, by: \.input)
    func sortKey(_ input: String) -> [String] {
      let rows = byInput[input] ?? []
      let lowest = { (rows: [Item]) in String(format: "%.3f", rows.map(\.confidence).min() ?? 0) }
      switch q.order {
      case .confidence: return [lowest(rows), input]
      case .input: return [input]
      case .concept:
        let first = rows.map(\.conceptName).min() ?? ""
        return [first, lowest(rows.filter { $0.conceptName == first }), input]
      }
    }
    return byInput.keys.sorted { sortKey($0).lexicographicallyPrecedes(sortKey($1)) }
  }

  static let queries: [ReviewQueueQuery] = {
    var queries: [ReviewQueueQuery] = []
    for order in ReviewQueueQuery.Order.allCases {
      queries += [
        ReviewQueueQuery(order: order),
        ReviewQueueQuery(concepts: ["c-dog"], order: order),
        ReviewQueueQuery(concepts: ["cat", "c-fox"], order: order),
        ReviewQueueQuery(runs: ["r2"], order: order),
        ReviewQueueQuery(tasks: ["t1"], order: order),
        ReviewQueueQuery(minConfidence: 0.55, maxConfidence: 0.7, order: order),
        ReviewQueueQuery(minConfidence: 0.6, order: order),
        ReviewQueueQuery(concepts: ["dog"], runs: ["r1"], tasks: ["t2"], maxConfidence: 0.6, order: order),
        ReviewQueueQuery(concepts: ["no-such-concept"], order: order),
      ]
    }
    return queries
  }()

  @Test func everyOrderAndFilterGivesTheQueueItsDefinitionGives() throws {
    let temp = try TemporaryDirectory("weir-review-queue")
    defer { temp.remove() }
    let store = try Self.store(temp)
    // Decide a few review items, so that the queue leaves them out (and an input whose items are
    // all decided leaves it).
    let review = Self.items.filter { $0.status == .awaitingReview }
    let decided = Set(stride(from: 0, to: review.count, by: 5).map { review[$0].key })
    for key in decided {
      try store.decide(ReviewDecision(key: key, action: .accept, reviewer: "bo", time: fixedDate))
    }
    for query in Self.queries {
      let claimed = try store.claim(reviewer: "ana", limit: 50, lease: 300, query: query, now: fixedDate)
      #expect(claimed == Self.expected(query, decided: decided), "\(query)")
      let firstFive = try store.claim(reviewer: "ana", limit: 5, lease: 300, query: query, now: fixedDate)
      #expect(firstFive == Array(Self.expected(query, decided: decided).prefix(5)), "\(query)")
    }
  }

  @Test func theWalkSkipsInputsOthersHoldAndKeepsTheReviewersOwn() throws {
    let temp = try TemporaryDirectory("weir-review-queue")
    defer { temp.remove() }
    let store = try Self.store(temp)
    let all = Self.expected(ReviewQueueQuery())
    let bo = try store.claim(reviewer: "bo", limit: 3, lease: 300, now: fixedDate)
    #expect(bo == Array(all.prefix(3)))
    // Ana gets the next ones; asked again, she keeps hers and still never gets bo's.
    let ana = try store.claim(reviewer: "ana", limit: 4, lease: 300, now: fixedDate)
    #expect(ana == Array(all.dropFirst(3).prefix(4)))
    #expect(try store.claim(reviewer: "ana", limit: 4, lease: 300, now: fixedDate) == ana)
    #expect(
      try store.claim(reviewer: "ana", limit: 50, lease: 300, now: fixedDate)
        == Self.expected(ReviewQueueQuery(), heldByOthers: Set(bo)))
    // Once bo's lease ran out, his inputs come first again.
    let later = fixedDate.addingTimeInterval(301)
    #expect(try store.claim(reviewer: "ana", limit: 3, lease: 300, now: later) == bo)
    #expect(try store.claim(reviewer: "ana", limit: 0, lease: 300, now: later) == [])
  }

  @Test func everyOrderWalksItsIndexWithoutSortingTheQueue() throws {
    let temp = try TemporaryDirectory("weir-review-queue")
    defer { temp.remove() }
    let store = try Self.store(temp)
    for query in Self.queries {
      let (sql, arguments) = SQLiteAnnotationStore.queueWalk(query, reviewer: "ana", now: "2024-05-01")
      let plan = try store.dbQueue.read { db in
        try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map {
          $0["detail"] as String
        }
      }
      #expect(plan.contains { $0.contains("review_queue_by_\(query.order.rawValue)") }, "\(plan)")
      #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(query): \(plan)")
    }
  }

  /// The counts and names a fresh count of the file gives.
  static func counted(_ path: String) throws -> (ReviewProgress, [String]) {
    let fresh = try openStore(path)
    return (try fresh.reviewProgress(now: fixedDate), try fresh.conceptNames())
  }

  @Test func countsAndConceptNamesFollowDecisionsRunsAndOtherProcesses() throws {
    let temp = try TemporaryDirectory("weir-review-queue")
    defer { temp.remove() }
    let path = temp.path("weir.db")
    let store = try Self.store(temp)
    func expectCurrent(_ comment: Comment) throws {
      let kept = (try store.reviewProgress(now: fixedDate), try store.conceptNames())
      let fresh = try Self.counted(path)
      #expect(kept.0 == fresh.0, comment)
      #expect(kept.1 == fresh.1, comment)
    }
    try expectCurrent("at first")
    let left = Self.items.filter { $0.status == .awaitingReview }.count
    // Review items that are not foxes (every fox is relabelled below).
    let review = Self.items.filter { $0.status == .awaitingReview && $0.conceptName != "fox" }
    #expect(try store.reviewProgress(now: fixedDate).left == left)
    #expect(try store.conceptNames() == ["cat", "dog", "fox"])

    // This store's own decisions: counts move, a relabel to a new name adds it, and relabelling
    // every fox away removes "fox".
    try store.decide(ReviewDecision(key: review[0].key, action: .accept, reviewer: "ana", time: fixedDate))
    #expect(try store.reviewProgress(now: fixedDate).left == left - 1)
    try expectCurrent("after an accept")
    try store.decide(
      ReviewDecision(
        key: review[1].key, action: .relabel, concept: .init(id: "c-owl", name: "owl"), reviewer: "ana",
        time: fixedDate))
    #expect(try store.conceptNames() == ["cat", "dog", "fox", "owl"])
    try expectCurrent("after a relabel")
    try store.decide(ReviewDecision(key: review[1].key, action: .undo, reviewer: "ana", time: fixedDate))
    #expect(try store.conceptNames() == ["cat", "dog", "fox"])
    try expectCurrent("after an undo")
    let foxes = Self.items.filter { $0.conceptName == "fox" }
    let fixes = foxes.map {
      ReviewDecision(
        key: $0.key, action: .relabel, concept: .init(id: "c-cat", name: "cat"), reviewer: "ana",
        time: fixedDate)
    }
    // Success rows were never review items: relabelling them moves names but no counts.
    #expect(try store.decideAll(fixes) == foxes.count)
    #expect(try store.conceptNames() == ["cat", "dog"])
    try expectCurrent("after relabelling every fox")
    // Claims write leases, which change nothing here.
    _ = try store.claim(reviewer: "ana", limit: 5, lease: 300, now: fixedDate)
    try store.release(reviewer: "ana", now: fixedDate)
    try expectCurrent("after a claim and a release")

    // A run through this same store writes review items of a new concept.
    try store.beginRun(Pets.run("r3"))
    try store.record(
      InputOutcome(
        runId: "r3", input: InputItem(id: "new.jpg", path: "new.jpg"), error: nil,
        annotations: [
          Pets.annotation("new.jpg", "r0", "hen", 0.4, node: "w", status: .awaitingReview, box: nil)
        ]))
    try store.finishRun(id: "r3", status: .completed, endedAt: fixedDate, summary: nil)
    #expect(try store.conceptNames().contains("hen"))
    try expectCurrent("after a run of this store")

    // Another process decides (here: another connection to the file).
    let other = try openStore(path)
    let before = try store.reviewProgress(now: fixedDate)
    try other.decide(ReviewDecision(key: review[2].key, action: .reject, reviewer: "bo", time: fixedDate))
    #expect(try store.reviewProgress(now: fixedDate).done == before.done + 1)
    try expectCurrent("after another process's decision")
    // …and writes outside any decision, with plain SQL.
    try DatabaseQueue(path: path).write { db in
      try db.execute(sql: "UPDATE annotations SET concept_name = 'lynx' WHERE concept_name = 'dog'")
    }
    #expect(try store.conceptNames() == ["cat", "hen", "lynx"])
    try expectCurrent("after another process's SQL")
  }
}
