import Foundation
import WeirCore

/// The store a worker's runner writes one shard into: it only gathers the outcomes, which the
/// worker then writes and marks done in one fenced transaction (``ShardQueue/complete``).
final class ShardCollector: AnnotationStore, @unchecked Sendable {
  private let lock = NSLock()
  private var outcomes: [InputOutcome] = []

  func beginRun(_ run: RunInfo) throws {}
  func record(_ outcome: InputOutcome) throws { lock.withLock { outcomes.append(outcome) } }
  func flush() throws {}
  func finishRun(id: String, status: RunStatus, endedAt: Date, summary: String?) throws {}

  var collected: [InputOutcome] { lock.withLock { outcomes } }
}
