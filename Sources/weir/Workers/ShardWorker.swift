import Foundation
import WeirCore
import WeirDriver
import WeirPostgres

/// A worker: joins the unfinished runs of a PostgreSQL store, claims their shards one at a time,
/// runs each under a lease it renews, and writes the shard with its lease as the fence. It ends
/// when no shard of a run it takes part in is left (with `wait`, it keeps looking for new runs).
/// `weir worker` runs one; `weir run --store postgresql://…` runs one for its own run.
final class ShardWorker: @unchecked Sendable {
  struct Options {
    var name: String
    var lease: Double
    var wait: Bool
    var jobs: Int
    var batchSize: Int?
    var permissions: PreparedRun.Permissions
    /// Only this run (`weir run`'s own), or every run.
    var onlyRun: String?
    var stop: StopFlag?
  }

  let queue: ShardQueue
  let options: Options
  /// What the worker says as it goes (`weir worker: …` lines on standard error).
  let say: @Sendable (String) -> Void
  private var prepared: [String: PreparedRun] = [:]
  private var refused: Set<String> = []
  private(set) var shardsDone = 0
  private(set) var inputsDone = 0

  init(
    queue: ShardQueue, options: Options, prepared: PreparedRun? = nil,
    say: @escaping @Sendable (String) -> Void
  ) {
    self.queue = queue
    self.options = options
    self.say = say
    if let prepared { self.prepared[prepared.run.info.id] = prepared }
  }

  /// Works until nothing is left; throws when the store cannot be reached (after reconnecting
  /// for the database's reconnect window).
  func work() async throws {
    let poll = min(1.0, max(0.05, options.lease / 4))
    while !(options.stop?.isSet ?? false) {
      let runs = try await queue.joinableRuns().filter {
        options.onlyRun == nil || $0.info.id == options.onlyRun
      }
      let accepted = runs.filter(accept).map(\.info.id)
      if let claim = try await queue.claim(runIds: accepted, worker: options.name, lease: options.lease) {
        try await process(claim)
        continue
      }
      let left = try await queue.unfinished(runIds: accepted)
      if left == 0 && !options.wait { break }
      try await Task.sleep(nanoseconds: UInt64(poll * 1e9))
    }
    for run in prepared.values { await RunBackends.close(run.backends) }
  }

  /// Whether this worker takes part in `run`: its files give the same workflow and models.
  private func accept(_ run: ShardedRun) -> Bool {
    let id = run.info.id
    if prepared[id] != nil { return true }
    if refused.contains(id) { return false }
    do {
      prepared[id] = try PreparedRun.prepare(run, permissions: options.permissions)
      return true
    } catch {
      refused.insert(id)
      say("refusing run \(id): \(error.description)")
      return false
    }
  }

  private func process(_ claim: ShardQueue.Claim) async throws {
    guard let run = prepared[claim.runId] else { return }
    let lost = StopFlag()
    let lease = options.lease
    let interrupt = options.stop
    let renewal = Task { [queue] in
      let every = max(0.05, lease / 3)
      while !Task.isCancelled {
        // Ctrl-C stops the shard within a tick; its lease runs out and another worker takes it.
        for _ in 0..<10 where !(interrupt?.isSet ?? false) {
          try? await Task.sleep(nanoseconds: UInt64(every / 10 * 1e9))
        }
        if Task.isCancelled { return }
        if interrupt?.isSet ?? false {
          lost.set()
          return
        }
        if (try? await queue.renew(claim, lease: lease)) == false {
          lost.set()
          return
        }
      }
    }
    let collector = ShardCollector()
    let runner = Runner(
      interpreter: Interpreter(plan: run.plan, backends: run.backends),
      options: RunOptions(jobs: options.jobs, batchSize: options.batchSize, keepOutputs: false, stop: lost))
    do {
      _ = try await runner.run(claim.inputs, info: run.run.info, store: collector)
    } catch {
      renewal.cancel()
      throw error
    }
    renewal.cancel()
    let written = lost.isSet ? false : try await queue.complete(claim, outcomes: collector.collected)
    if written {
      shardsDone += 1
      inputsDone += claim.inputs.count
      try await queue.finishIfDone(runId: claim.runId)
    } else if options.stop?.isSet ?? false {
      say("interrupted: shard \(claim.shard) of run \(claim.runId) is left for another worker")
    } else {
      say(
        "lost the lease on shard \(claim.shard) of run \(claim.runId); dropped its results (another worker redoes it)"
      )
    }
  }
}
