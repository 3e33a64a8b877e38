import ArgumentParser
import Foundation
import WeirCore
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
      }
    }
  }

  /// `weir annotations export`: COCO, JSON lines, YOLO or Label Studio files.
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Export annotations as COCO, JSON lines, YOLO labels or Label Studio tasks.",
      discussion: """
        coco, jsonl and labelstudio write one file (standard output unless --output is given); \
        yolo writes a folder with one label file per image and classes.txt, so it needs --output.
        """)

    @OptionGroup var filter: FilterOptions
    @Option(help: "The export format.")
    var format: ExportFormat
    @Option(help: "The file to write (a folder for yolo).")
    var output: String?

    func run() throws {
      try AnnotationsCommand.reportingErrors {
        if format == .yolo && output == nil {
          throw Failure("yolo export writes one file per image; give a folder with --output")
        }
        let target = try checkOutput()
        let store = try filter.openStore()
        let set = try store.exportSet(try filter.annotationFilter())
        let result = try AnnotationExporter.export(set, as: format)
        for note in result.notes { FileHandle.standardError.write(Data("note: \(note)\n".utf8)) }
        try write(result, to: target, annotations: set.annotations.count, images: set.images.count)
      }
    }

    /// The file to write, refused (before the store is even opened) when it is the store itself
    /// or something weir must not write (``OutputTarget``). A yolo folder is checked as it is
    /// written (``OutputFolder``).
    private func checkOutput() throws -> OutputTarget? {
      guard let output else { return nil }
      do {
        if format == .yolo {
          let folder = try FilePaths.resolvingLinks(output)
          if folder == (try? FilePaths.resolvingLinks(filter.store)) {
            throw Failure("refusing to write '\(output)': it is the annotation store '\(filter.store)'")
          }
          return nil
        }
        let target = try OutputTarget.inspect(output)
        try target.refuseSameFile(as: [ProtectedFile("annotation store", filter.store)])
        return target
      } catch let error as OutputFileError {
        throw Failure(error.description)
      }
    }

    private func write(_ result: ExportResult, to target: OutputTarget?, annotations: Int, images: Int) throws
    {
      guard let output else {
        for file in result.files { FileHandle.standardOutput.write(file.contents) }
        return
      }
      do {
        if format == .yolo {
          try OutputFolder.write(result.files.map { ($0.path, [UInt8]($0.contents)) }, to: output)
        } else if let target, let file = result.files.first {
          try target.write([UInt8](file.contents))
        }
      } catch {
        throw Failure("\(error)")
      }
      let summary =
        "wrote \(annotations) annotation\(annotations == 1 ? "" : "s") on \(images) image\(images == 1 ? "" : "s") to '\(output)'"
      FileHandle.standardError.write(Data((summary + "\n").utf8))
    }
  }

  /// `weir annotations runs`: the runs the store knows, for `--run`.
  struct Runs: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the runs in the store.")

    @Option(help: "The annotation store.")
    var store = "weir.db"

    func run() throws {
      try AnnotationsCommand.reportingErrors {
        let store = try SQLiteAnnotationStore(path: store, options: .init(readOnly: true))
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
        "Only this status: a name (ANNOTATION_SUCCESS, awaiting-review) or number (24150); repeat or comma-separate."
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

    func openStore() throws -> SQLiteAnnotationStore {
      try SQLiteAnnotationStore(path: store, options: .init(readOnly: true))
    }

    func annotationFilter() throws -> AnnotationFilter {
      let runs: RunSelection =
        run.isEmpty
        ? .all : run == ["latest"] ? .latest : .ids(run.flatMap { $0.split(separator: ",").map(String.init) })
      return AnnotationFilter(
        statuses: try AnnotationFilter.parseStatuses(status), concepts: concept, tasks: task,
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
