import ArgumentParser
import Foundation
import WeirCore
import WeirPostgres
import WeirStore

/// `weir runs [--store URL]`: each run's shards done, running (by which workers) and left, its
/// rate, ETA and failures; `weir runs cancel ID` (Documentation/Scale.md).
struct RunsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "runs",
    abstract: "Show the runs of a store: shards done, running, left, rate, ETA, failures.",
    subcommands: [Show.self, Cancel.self], defaultSubcommand: Show.self)

  struct Show: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show every run.")

    @Option(help: "The annotation store: a SQLite file or postgresql://….")
    var store = "weir.db"

    func run() async throws {
      do {
        if StoreOpening.isPostgres(store) {
          let database = try await StoreOpening.postgres(store)
          let runs = try await ShardQueue(database).progress()
          await database.close()
          print(RunsTable.render(runs), terminator: "")
        } else {
          // A SQLite store has no shards: one process ran each run.
          let reader = try StoreOpening.reader(store)
          print(AnnotationTable.render(runs: try reader.runs()), terminator: "")
        }
      } catch let error as ExitCode {
        throw error
      } catch {
        Terminal.fail("\(error)")
        throw ExitStatus.failure
      }
    }
  }

  struct Cancel: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Cancel a run: workers stop claiming its shards and drop the one they hold.")

    @Argument(help: "The run id (`weir runs` lists them).")
    var id: String

    @Option(help: "The PostgreSQL store: postgresql://….")
    var store: String

    func run() async throws {
      do {
        guard StoreOpening.isPostgres(store) else {
          throw ValidationError(
            "cancel needs a PostgreSQL store (postgresql://…); a SQLite run stops with Ctrl-C")
        }
        let database = try await StoreOpening.postgres(store)
        try await ShardQueue(database).cancel(runId: id)
        await database.close()
        Terminal.write("weir: cancelled run \(id)\n", to: .stderr)
      } catch let error as ValidationError {
        throw error
      } catch {
        Terminal.fail("\(error)")
        throw ExitStatus.failure
      }
    }
  }
}

/// The table `weir runs` prints.
enum RunsTable {
  static func render(_ runs: [ShardedRunProgress]) -> String {
    guard !runs.isEmpty else { return "no runs\n" }
    var rows = [
      ["run", "workflow", "status", "shards done", "running", "left", "inputs", "failed", "rate", "eta"]
    ]
    for r in runs {
      let running = r.running == 0 ? "0" : "\(r.running) (\(r.workers.joined(separator: ", ")))"
      rows.append([
        r.id, r.workflowId, r.status, "\(r.done)/\(r.shards)", running, "\(max(0, r.left))",
        "\(r.inputsDone)/\(r.inputs)", "\(r.failures)",
        r.rate.map { String(format: "%.1f/s", $0) } ?? "-",
        r.eta.map { String(format: "%.0f s", $0) } ?? "-",
      ])
    }
    let widths = (0..<rows[0].count).map { c in rows.map { $0[c].count }.max() ?? 0 }
    return rows.map { row in
      zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
        .trimmingCharacters(in: .whitespaces)
    }.joined(separator: "\n") + "\n"
  }
}
