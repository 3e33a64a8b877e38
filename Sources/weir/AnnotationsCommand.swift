import ArgumentParser
import Foundation
import WeirCore
import WeirPostgres
import WeirStore

/// `weir annotations list|export|runs`: read back what runs wrote to the annotation store.
struct AnnotationsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "annotations",
    abstract: "List and export the annotations that runs wrote to the store.",
    subcommands: [
      List.self, Export.self, Runs.self, Stats.self, Import.self, WriteSynthetic.self, Bench.self,
    ])

  /// `weir annotations list`: a table of the annotations a filter takes.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List annotations as a table.")

    @OptionGroup var filter: FilterOptions
    @Option(help: "Show at most N annotations (0 shows all).")
    var limit = 100

    func run() throws {
      try AnnotationsCommand.reportingErrors {
        let store = try filter.openStore()
        var query = try filter.annotationFilter()
        query.limit = limit > 0 ? limit : nil
        print(
          AnnotationTable.render(try store.annotations(query), total: try store.count(query)), terminator: "")
        // Counts are per input, not per annotation: shown when the filter asks nothing of annotations.
        if query.statuses.isEmpty && query.concepts.isEmpty && query.tasks.isEmpty {
          let counts = try store.counts(query)
          if !counts.isEmpty {
            print("\nobject counts\n" + AnnotationTable.render(counts: counts), terminator: "")
          }
        }
      }
    }
  }

  /// `weir annotations runs`: the runs the store knows, for `--run`.
  struct Runs: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the runs in the store.")

    @Option(help: "The annotation store.")
    var store = "weir.db"

    func run() throws {
      try AnnotationsCommand.reportingErrors {
        let store = try StoreOpening.reader(store)
        print(AnnotationTable.render(runs: try store.runs()), terminator: "")
      }
    }
  }

  /// Hidden: writes deterministic synthetic outcomes, as a real separate writer process for the
  /// kill/resume tests. `--resume` skips the inputs the run already completed.
  struct WriteSynthetic: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "write-synthetic", shouldDisplay: false)

    @Option var store = "weir.db"
    @Option var runId = "synthetic"
    @Option var inputs = 1000
    @Option var regions = 10
    @Option var batchSize = 64
    @Option var seed: UInt64 = 42
    @Option(help: "Print `recorded N` after every N-th input.") var progressEvery = 100
    @Flag var resume = false

    func run() throws {
      try AnnotationsCommand.reportingErrors {
        let generator = SyntheticOutcomes(inputs: inputs, regionsPerInput: regions, seed: seed)
        let writer = try SQLiteAnnotationStore(path: store, options: .init(batchSize: batchSize))
        let done = resume ? try writer.completedInputs(runId: runId) : []
        try writer.beginRun(generator.runInfo(id: runId))
        for i in 0..<inputs where !done.contains(SyntheticOutcomes.inputId(i)) {
          try writer.record(generator.outcome(i, runId: runId))
          if (i + 1) % max(1, progressEvery) == 0 {
            print("recorded \(i + 1)")
            fflush(stdout)
          }
        }
        try writer.finishRun(id: runId, status: .completed, endedAt: Date(), summary: nil)
        print("done \(inputs - done.count)")
      }
    }
  }

  /// Hidden: the store micro-benchmark (annotations per second into SQLite).
  struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", shouldDisplay: false)

    @Option var annotations = 1_000_000
    @Option var regions = 10
    @Option var batchSize = 256

    func run() throws {
      try AnnotationsCommand.reportingErrors {
        print(
          try StoreBenchmark.run(annotations: annotations, regionsPerInput: regions, batchSize: batchSize),
          terminator: "")
      }
    }
  }
}

extension AnnotationsCommand {
  /// The filter and store options `list` and `export` share.
  struct FilterOptions: ParsableArguments {
    @Option(help: "The annotation store.")
    var store = "weir.db"
    @Option(
      help:
        "Only this status: a name (ANNOTATION_SUCCESS, awaiting-review) or number (24150); repeat or comma-separate; 'all' for every status."
    )
    var status: [String] = []
    @Option(help: "Only this concept (id or name); repeatable.")
    var concept: [String] = []
    @Option(help: "Only this task id; repeatable.")
    var task: [String] = []
    @Option(help: "Only this workflow id; repeatable.")
    var workflow: [String] = []
    @Option(help: "Only this writer node id; repeatable.")
    var node: [String] = []
    @Option(help: "Only rows last written by this run ('latest' for the most recent); repeatable.")
    var run: [String] = []
    @Flag(help: "Rows of every run: the store's current dataset (the default).")
    var allRuns = false

    func validate() throws {
      if allRuns && !run.isEmpty { throw ValidationError("--run and --all-runs cannot be used together") }
    }

    func openStore() throws -> any AnnotationReader {
      try StoreOpening.reader(store)
    }

    func annotationFilter() throws -> AnnotationFilter {
      let runs: RunSelection =
        run.isEmpty
        ? .all : run == ["latest"] ? .latest : .ids(run.flatMap { $0.split(separator: ",").map(String.init) })
      // `--status all` takes every status (an export's default is accepted only).
      let statuses =
        status.map { $0.lowercased() } == ["all"] ? [] : try AnnotationFilter.parseStatuses(status)
      return AnnotationFilter(
        statuses: statuses, concepts: concept, tasks: task,
        workflows: workflow,
        nodes: node, runs: runs)
    }
  }

  /// A user-facing failure of these commands, with its message.
  struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
  }

  /// Prints `error: <message>` for the errors a user can act on and exits 1; lets ArgumentParser's
  /// own errors (usage, exit codes) through.
  static func reportingErrors(_ body: () throws -> Void) throws {
    do {
      try body()
    } catch let error as StoreError {
      try exitWithError(error.description)
    } catch let error as ExportError {
      try exitWithError(error.description)
    } catch let error as FilterError {
      try exitWithError(error.description)
    } catch let error as Failure {
      try exitWithError(error.description)
    } catch let error as ClassMapError {
      try exitWithError(error.description)
    } catch let error as PostgresStoreError {
      try exitWithError(error.description)
    } catch let error as DecisionError {
      try exitWithError(error.description)
    }
  }

  static func exitWithError(_ message: String) throws -> Never {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    throw ExitCode.failure
  }
}

extension ExportFormat: ExpressibleByArgument {}
