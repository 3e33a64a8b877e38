import Foundation
import Testing
import WeirCore
import WeirStore
import WeirTestSupport

@testable import WeirPostgres

/// Review decisions, reviewers' leases and object counts in a PostgreSQL store, against a real
/// cluster each test starts: the same answers as the SQLite store gives for the same writes.
@Suite(.serialized) struct PostgresReviewStoreTests {
  static let run = RunInfo(
    id: "r1", workflowId: "pets", workflowHash: "h", workflowPath: "workflow.yaml", vars: [:],
    startedAt: Date(timeIntervalSince1970: 1_800_000_000))

  /// `count` photos, each with one accepted box and two boxes for review, counted by `count-cats`.
  static func outcomes(_ count: Int, runId: String = "r1") -> [InputOutcome] {
    (0..<count).map { i in
      let input = String(format: "photo%03d.jpg", i)
      func annotation(_ region: String, _ confidence: Double, _ node: String, _ status: AnnotationStatus)
        -> AnnotationRecord
      {
        AnnotationRecord(
          workflowId: "pets", nodeId: node, inputId: input, regionId: region,
          box: BoundingBox(topRow: 0.1, leftCol: 0.1, bottomRow: 0.5, rightCol: 0.5), conceptId: "cat",
          conceptName: "cat", confidence: confidence, status: status.rawValue, userId: nil, taskId: nil)
      }
      return InputOutcome(
        runId: runId, input: InputItem(id: input, path: "photos/\(input)"), error: nil,
        annotations: [
          annotation("sure", 0.97, "write-sure", .success),
          annotation("r0", 0.6 + Double(i % 10) / 100, "write-review", .awaitingReview),
          annotation("r1", 0.7, "write-review", .awaitingReview),
        ], width: 640, height: 480, counts: [NodeCount(nodeId: "count-cats", count: i % 4)])
    }
  }

  static func fill(_ store: any AnnotationStore, _ outcomes: [InputOutcome]) throws {
    try store.beginRun(run)
    for o in outcomes { try store.record(o) }
    try store.finishRun(id: "r1", status: .completed, endedAt: run.startedAt, summary: nil)
  }

  static func key(_ input: Int, _ region: String) -> AnnotationKey {
    AnnotationKey(
      workflowId: "pets", inputId: String(format: "photo%03d.jpg", input), nodeId: "write-review",
      regionId: region, conceptId: "cat")
  }

  static func postgres(_ cluster: PostgresCluster) throws -> PostgresAnnotationStore {
    try PostgresAnnotationStore(try PostgresLocation(cluster.url, environment: cluster.environment))
  }

  /// A decision's outcome as a user sees it: the label, or the refusal's message.
  static func outcome(_ body: () throws -> StoredAnnotation) -> String {
    do {
      let a = try body()
      let who = a.decision.map { " \($0.action.rawValue) by \($0.reviewer)" } ?? ""
      return "\(a.record.conceptName) \(a.record.status) \(a.record.box.map { "\($0.topRow)" } ?? "-")\(who)"
    } catch {
      return "error: \(error)"
    }
  }

  /// The same decisions on PostgreSQL and on SQLite: the same labels, the same refusals, the same
  /// all-or-nothing batches, and a re-run that leaves decided rows alone.
  @Test func decisionsFollowTheSameRulesAsOnSQLite() throws {
    let cluster = try PostgresCluster()
    defer { cluster.stop() }
    let folder = try TemporaryDirectory("weir-pg-decisions")
    let sqlite = try SQLiteAnnotationStore(path: folder.path("weir.db"))
    let postgres = try Self.postgres(cluster)
    let time = Date(timeIntervalSince1970: 1_800_000_100)
    func steps(_ store: any ReviewStore) throws -> [String] {
      try Self.fill(store, Self.outcomes(6))
      let moved = BoundingBox(topRow: 0.2, leftCol: 0.1, bottomRow: 0.6, rightCol: 0.5)
      var out = [
        Self.outcome {
          try store.decide(
            ReviewDecision(key: Self.key(0, "r0"), action: .accept, reviewer: "ana", time: time))
        },
        Self.outcome {
          try store.decide(
            ReviewDecision(key: Self.key(0, "r0"), action: .reject, reviewer: "bo", time: time))
        },
        Self.outcome {
          try store.decide(ReviewDecision(key: Self.key(0, "r0"), action: .undo, reviewer: "bo", time: time))
        },
        Self.outcome {
          try store.decide(ReviewDecision(key: Self.key(0, "r0"), action: .undo, reviewer: "bo", time: time))
        },
        Self.outcome {
          try store.decide(
            ReviewDecision(
              key: Self.key(1, "r0"), action: .relabel, concept: .init(id: "dog", name: "dog"),
              reviewer: "ana",
              time: time))
        },
        Self.outcome {
          try store.decide(
            ReviewDecision(key: Self.key(1, "r1"), action: .correct, box: moved, reviewer: "ana", time: time))
        },
        Self.outcome {
          try store.decide(
            ReviewDecision(key: Self.key(2, "r0"), action: .correct, reviewer: "ana", time: time))
        },
        Self.outcome {
          try store.decide(
            ReviewDecision(key: Self.key(9, "r0"), action: .accept, reviewer: "ana", time: time))
        },
      ]
      let batch = [
        ReviewDecision(key: Self.key(3, "r0"), action: .accept, reviewer: "cy", time: time),
        ReviewDecision(key: Self.key(3, "r1"), action: .reject, reviewer: "cy", time: time),
      ]
      out.append("batch \(try store.decideAll(batch))")
      out.append("again \(try store.decideAll(batch))")
      do {
        _ = try store.decideAll([
          ReviewDecision(key: Self.key(4, "r0"), action: .accept, reviewer: "cy", time: time),
          ReviewDecision(key: Self.key(4, "r1"), action: .relabel, reviewer: "cy", time: time),
        ])
        out.append("a bad batch went through")
      } catch {
        out.append("bad batch: \(error)")
      }
      // A re-run of the same inputs with other confidences: decided rows stay as decided.
      try Self.fill(
        store,
        Self.outcomes(6).map { o in
          var o = o
          o.annotations = o.annotations.map {
            var a = $0; a.confidence = 0.61; return a
          }
          return o
        })
      for a in try store.annotations(AnnotationFilter(nodes: ["write-review"])) {
        out.append(
          "\(a.record.inputId) \(a.record.regionId) \(a.record.conceptName) \(a.record.status) \(a.record.confidence) \(a.decision?.action.rawValue ?? "-")"
        )
      }
      out.append(
        "decisions on 0/r0: \(try store.decisions(for: Self.key(0, "r0")).map { "\($0.action.rawValue):\($0.undoes.map { _ in "undoes" } ?? "")" })"
      )
      let progress = try store.reviewProgress(now: time)
      out.append("progress \(progress.done) done \(progress.left) left \(progress.perMinute)/min")
      out.append(
        "outcomes \(try store.reviewOutcomes().map { "\($0.key.inputId)/\($0.key.regionId) \($0.action.rawValue) \($0.status)" })"
      )
      out.append("concepts \(try store.conceptNames())")
      out.append("image \(String(describing: try store.image(inputId: "photo001.jpg")))")
      return out
    }
    let expected = try steps(sqlite)
    #expect(
      expected.contains {
        $0.hasPrefix("error: the annotation 'cat' on input 'photo000.jpg' was already decided")
      })
    #expect(try steps(postgres) == expected)
  }

  /// Reviewers claiming at the same moment, each through its own connection, never get the same
  /// input, and what they hold is not offered to anyone else until their lease ends.
  @Test func reviewersClaimingAtOnceNeverGetTheSameInput() throws {
    let cluster = try PostgresCluster()
    defer { cluster.stop() }
    try Self.fill(try Self.postgres(cluster), Self.outcomes(40))
    let reviewers = 8
    let stores = try (0..<reviewers).map { _ in try Self.postgres(cluster) }
    let claimed = Claimed()
    let start = DispatchSemaphore(value: 0)
    let group = DispatchGroup()
    for (i, store) in stores.enumerated() {
      DispatchQueue.global().async(group: group) {
        start.wait()
        claimed.add(i, Result { try store.claim(reviewer: "reviewer-\(i)", limit: 4, lease: 60) })
      }
    }
    for _ in 0..<reviewers { start.signal() }
    group.wait()
    let lists = try (0..<reviewers).map { try claimed.result($0).get() }
    let all = lists.flatMap { $0 }
    #expect(Set(all).count == all.count, "an input was claimed twice: \(lists)")
    #expect(all.count >= 4)
    // The rest of the queue is exactly what nobody holds.
    let rest = try Self.postgres(cluster).claim(reviewer: "late", limit: 100, lease: 60)
    #expect(Set(rest).isDisjoint(with: all))
    #expect(rest.count + all.count == 40)
    #expect(try stores[0].leaseHolder(inputId: lists[0].first ?? "") == "reviewer-0" || lists[0].isEmpty)
    // A reviewer's next claim lets go of what it held before.
    try stores[0].release(reviewer: "reviewer-0")
    let again = try Self.postgres(cluster).claim(reviewer: "later", limit: 100, lease: 60)
    #expect(Set(again) == Set(lists[0]))
  }

  /// What object-counters counted is stored per input and read back as on SQLite, and a re-run
  /// replaces it.
  @Test func objectCountsAreStoredAndReadAsOnSQLite() throws {
    let cluster = try PostgresCluster()
    defer { cluster.stop() }
    let folder = try TemporaryDirectory("weir-pg-counts")
    let sqlite = try SQLiteAnnotationStore(path: folder.path("weir.db"))
    let postgres = try Self.postgres(cluster)
    func read(_ store: any AnnotationReader) throws -> [String] {
      try Self.fill(store, Self.outcomes(5))
      try Self.fill(
        store,
        Self.outcomes(3).map {
          var o = $0; o.counts = [NodeCount(nodeId: "count-cats", count: 7)]; return o
        })
      let counts = try store.counts(AnnotationFilter()).map {
        "\($0.inputId) \($0.nodeId) \($0.count) \($0.runId)"
      }
      let summary = try store.summary(runId: "r1").counters.map { "\($0.nodeId) \($0.inputs) \($0.objects)" }
      return counts + summary
    }
    let expected = try read(sqlite)
    #expect(expected.contains("photo000.jpg count-cats 7 r1"))
    #expect(expected.contains("photo004.jpg count-cats 0 r1"))
    #expect(try read(postgres) == expected)
  }
}

/// What each concurrent reviewer got.
private final class Claimed: @unchecked Sendable {
  private let lock = NSLock()
  private var results: [Int: Result<[String], any Error>] = [:]

  func add(_ i: Int, _ r: Result<[String], any Error>) { lock.withLock { results[i] = r } }

  func result(_ i: Int) -> Result<[String], any Error> {
    lock.withLock { results[i] } ?? .failure(WeirProcess.Failure("reviewer \(i) did not finish"))
  }
}

/// A store an earlier weir made (schema version 1, before decisions and counts) is brought up to
/// date when a newer weir opens it, and keeps its rows.
@Suite(.serialized) struct PostgresSchemaUpgradeTests {
  @Test func aVersionOneStoreIsMigratedAndKeepsItsRows() throws {
    let cluster = try PostgresCluster()
    defer { cluster.stop() }
    let v1 = try #require(PostgresSchema.migrations.first)
    #expect(v1.version == 1)
    let statements =
      [
        "CREATE TABLE schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"
      ]
      + v1.statements + [
        "INSERT INTO schema_migrations (version) VALUES (1)",
        """
        INSERT INTO runs (id, workflow_id, workflow_hash, workflow_path, started_at, status)
        VALUES ('old', 'pets', 'h', 'workflow.yaml', now(), 'completed')
        """,
        """
        INSERT INTO annotations VALUES ('pets', 'photo.jpg', 'write-review', 'r0', 'cat', 'cat', 0.1, 0.1, 0.5, 0.5,
          0.7, 24157, NULL, NULL, 'old', now())
        """,
      ]
    for sql in statements { try cluster.psql(sql) }
    let store = try PostgresReviewStoreTests.postgres(cluster)
    #expect(try cluster.value("SELECT max(version) FROM schema_migrations") == "\(PostgresSchema.version)")
    let key = AnnotationKey(
      workflowId: "pets", inputId: "photo.jpg", nodeId: "write-review", regionId: "r0", conceptId: "cat")
    #expect(try store.annotation(key)?.record.confidence == 0.7)
    let decided = try store.decide(ReviewDecision(key: key, action: .reject, reviewer: "ana", time: Date()))
    #expect(decided.record.status == AnnotationStatus.reviewDenied.rawValue)
    #expect(try store.counts(AnnotationFilter()).isEmpty)
  }
}
