import ArgumentParser
import Foundation
import WeirCore
import WeirPostgres

/// `weir worker --store URL`: take part in the unfinished runs of a PostgreSQL store
/// (Documentation/Scale.md).
struct WorkerCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "worker", abstract: "Work on the shards of unfinished runs in a PostgreSQL store.",
    discussion: """
      Start it in the folder `weir run` was started in, on a machine with the same workflow and \
      model files: a run whose workflow or models differ here is refused. It ends when no shard is \
      left (--wait keeps it serving new runs).
      """)

  @Option(help: "The PostgreSQL store: postgresql://user@host/db (?host=/folder for a unix socket).")
  var store: String

  @Flag(help: "Keep waiting for new runs when nothing is left.")
  var wait = false

  @Option(help: "How long a claimed shard stays this worker's without renewal: 60s, 2m, 500ms.")
  var lease = "60s"

  @Option(help: "Batches of inputs in flight at once.")
  var jobs = ProcessInfo.processInfo.activeProcessorCount

  @Option(help: "The name this worker shows in `weir runs` (default: host and process id).")
  var name: String?

  @Flag(help: "Allow command backends to run local programs.")
  var allowExec = false

  @Option(
    name: .customLong("allow-host"),
    help: ArgumentHelp("Allow http backends to send their API key to this host.", valueName: "host[:port]"))
  var allowHosts: [String] = []

  @Option(help: .hidden) var batchSize: Int?
  @Option(help: .hidden) var reconnectWindow: Double?

  func validate() throws {
    guard PostgresLocation.isURL(store) else {
      throw ValidationError("--store must be a PostgreSQL store (postgresql://…); workers share a database")
    }
    if (LeaseDuration.seconds(lease) ?? 0) <= 0 {
      throw ValidationError("--lease '\(lease)' is not a duration such as 60s, 2m or 500ms")
    }
    if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
  }

  func run() async throws {
    let workerName =
      name ?? "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"
    let say: @Sendable (String) -> Void = {
      Terminal.write("weir worker \(workerName): \($0)\n", to: .stderr)
    }
    do {
      let database = try await StoreOpening.postgres(store)
      if let reconnectWindow { database.reconnectWindow = reconnectWindow }
      let interrupts = InterruptHandler()
      let worker = ShardWorker(
        queue: ShardQueue(database),
        options: .init(
          name: workerName, lease: LeaseDuration.seconds(lease) ?? 60, wait: wait, jobs: jobs,
          batchSize: batchSize,
          permissions: .init(allowExec: allowExec, allowHosts: allowHosts), onlyRun: nil,
          stop: interrupts.flag),
        say: say)
      try await worker.work()
      await database.close()
      say("done: \(worker.shardsDone) shards, \(worker.inputsDone) inputs")
    } catch {
      Terminal.fail("\(error)")
      throw ExitStatus.failure
    }
  }
}

/// `60s`, `2m`, `500ms`, `1.5` (seconds).
enum LeaseDuration {
  static func seconds(_ text: String) -> Double? {
    let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
    for (suffix, scale) in units where text.hasSuffix(suffix) {
      return Double(text.dropLast(suffix.count)).map { $0 * scale }
    }
    return Double(text)
  }
}
