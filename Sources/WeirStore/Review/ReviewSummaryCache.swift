import Foundation
import GRDB
import WeirCore

/// What every page of the review queue shows and what takes a scan of the store to count: the
/// review items left and done, and the concept names of the labels (the relabel menu). Counted
/// once, then kept between requests and brought up to date by this store's own decisions, so a
/// page or a decision reads no more than the rows it shows.
///
/// The cache is valid for one state of the file, named by a `Version`: `PRAGMA data_version`
/// changes when another connection (another process's `weir run`, a second `weir review`) commits,
/// and the connection's count of changed rows when this one writes. A write of this store that
/// knows what it did to the summary (a decision, a claim's leases) moves the cache to the version
/// after it; any other write (a run recording outcomes) leaves it behind, and the next reader
/// counts again.
final class ReviewSummaryCache: @unchecked Sendable {
  // @unchecked: `entry` is guarded by `lock`.

  /// One state of the file as this connection sees it.
  struct Version: Hashable {
    var data: Int
    var changes: Int

    /// The version of the file now; read before what it names, so that what is read is at least
    /// as new as the version it is kept under.
    static func current(_ db: Database) throws -> Version {
      Version(data: try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0, changes: db.totalChangesCount)
    }
  }

  /// The counts.
  struct Summary: Equatable {
    /// Review items with no decision in force, and with one.
    var left: Int
    var done: Int
    /// Labels (as decided, else as predicted) per concept name; no zero counts.
    var concepts: [String: Int]

    /// Counts the summary over the whole store.
    static func count(_ db: Database) throws -> Summary {
      let review = AnnotationStatus.awaitingReview.rawValue
      let left =
        try Int.fetchOne(
          db, sql: "SELECT count(*) FROM annotations WHERE status = \(review) AND decision_id IS NULL") ?? 0
      let done =
        try Int.fetchOne(
          db, sql: "SELECT count(*) FROM annotations WHERE status = \(review) AND decision_id IS NOT NULL")
        ?? 0
      var concepts: [String: Int] = [:]
      let rows = try Row.fetchCursor(
        db, sql: "SELECT concept_name, count(*) FROM labels GROUP BY concept_name")
      while let row = try rows.next() { concepts[row[0]] = row[1] }
      return Summary(left: left, done: done, concepts: concepts)
    }

    /// The concept names, sorted.
    var conceptNames: [String] { concepts.keys.sorted() }

    /// What one decision (or undo) did.
    mutating func apply(_ change: Change) {
      if change.reviewItem {
        left += change.decided ? -1 : 1
        done += change.decided ? 1 : -1
      }
      guard change.conceptBefore != change.conceptAfter else { return }
      let remaining = (concepts[change.conceptBefore] ?? 0) - 1
      concepts[change.conceptBefore] = remaining > 0 ? remaining : nil
      concepts[change.conceptAfter, default: 0] += 1
    }
  }

  /// What a decision did to one label.
  struct Change: Hashable {
    /// The annotation was predicted `ANNOTATION_AWAITING_REVIEW` (an item of the queue).
    var reviewItem: Bool
    /// A decision was put in force (false: an undo took one away).
    var decided: Bool
    /// The label's concept name before and after.
    var conceptBefore: String
    var conceptAfter: String
  }

  private let lock = NSLock()
  private var entry: (version: Version, summary: Summary)?

  /// The summary at `version`: kept, or counted now (`db` must be at that version) and kept.
  func summary(at version: Version, in db: Database) throws -> Summary {
    if let kept = lock.withLock({ entry }), kept.version == version { return kept.summary }
    let counted = try Summary.count(db)
    lock.withLock { entry = (version, counted) }
    return counted
  }

  /// After this store wrote from `before` to `after` (committed), doing `changes`: the kept
  /// summary, if it was that of `before`, becomes that of `after`. One of another version is left
  /// as it is: a reader recounts it when its version is not the file's.
  func advance(from before: Version, to after: Version, _ changes: [Change]) {
    lock.withLock {
      guard var kept = entry, kept.version == before else { return }
      for change in changes { kept.summary.apply(change) }
      entry = (after, kept.summary)
    }
  }
}
