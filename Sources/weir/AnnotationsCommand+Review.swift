import ArgumentParser
import Foundation
import WeirReview
import WeirStore

extension AnnotationsCommand {
  /// `weir annotations stats`: accepted versus rejected review items per concept and band.
  struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show how reviewers decided, per concept and confidence band.",
      discussion: """
        Counts the review items (ANNOTATION_AWAITING_REVIEW predictions) with a decision in force: \
        accepted, accepted with a corrected box, relabelled and rejected, per concept and per band of \
        the writer that sent them to review (read from the workflow file the run names, when it is \
        still there).
        """)

    @Option(help: "The annotation store: a SQLite file or postgresql://….")
    var store = "weir.db"

    func run() throws {
      try AnnotationsCommand.reportingErrors {
        let opened = try StoreOpening.review(store, sqlite: .init(readOnly: true))
        let bands = WorkflowBands.load(runs: try opened.runs(), storeFolder: opened.baseFolder)
        let progress = try opened.reviewProgress()
        print("\(progress.done) review item\(progress.done == 1 ? "" : "s") decided, \(progress.left) left")
        print(ReviewStatistics(outcomes: try opened.reviewOutcomes(), bands: bands).text(), terminator: "")
      }
    }
  }
}

extension AnnotationsCommand {
  /// `weir annotations import`: a reviewed export comes back as review decisions.
  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Import a reviewed Label Studio, CVAT or COCO export as review decisions.",
      discussion: """
        Each review row of the file's inputs becomes accepted, relabelled, corrected or (deleted by \
        the reviewer) rejected, with the reviewer and time the file gives. All of the file or nothing: \
        a malformed file, or one naming inputs this store lacks, changes nothing. Importing the same \
        file again changes nothing.
        """)

    @Argument(help: "The reviewed export.")
    var file: String
    @Option(help: "The file's format: labelstudio, cvat or coco.")
    var format: ImportFormat
    @Option(help: "The annotation store: a SQLite file or postgresql://….")
    var store = "weir.db"

    func run() throws {
      try AnnotationsCommand.reportingErrors {
        let opened = try StoreOpening.review(store, sqlite: .init(create: false))
        do {
          let plan = try AnnotationImporter.plan(path: file, format: format, store: opened)
          let written = try opened.decideAll(plan.decisions)
          let same = plan.decisions.count - written
          var counts: [DecisionAction: Int] = [:]
          for d in plan.decisions { counts[d.action, default: 0] += 1 }
          let parts = DecisionAction.allCases.compactMap { a in counts[a].map { "\($0) \(a.rawValue)" } }
          let detail =
            same > 0
            ? "; \(same) already in the store"
            : parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
          print("imported \(written) decision\(written == 1 ? "" : "s") from '\(file)'\(detail)")
        } catch let error as ImportError {
          throw Failure(error.description)
        }
      }
    }
  }
}

extension ImportFormat: ExpressibleByArgument {}
