import Foundation
import GRDB
import WeirCore

/// What an export reads: the filtered annotations, every image of the selected runs, and the class
/// map, which depends on the selected runs only, never on the rest of the filter.
extension SQLiteAnnotationStore {
  /// The annotations `filter` takes, every image of the runs it selects, and the class map
  /// (`classes`, or the one `classMap(for:)` finds).
  public func exportSet(
    _ filter: AnnotationFilter = AnnotationFilter(), classes: ClassMap? = nil,
    options: ExportOptions = ExportOptions()
  ) throws -> ExportSet {
    let annotations = try annotations(filter)
    let runIds = try selectedRuns(filter).map(\.info.id)
    var images = try images(ofRuns: runIds)
    let missing = Set(annotations.map(\.record.inputId)).subtracting(images.keys)
    if !missing.isEmpty {
      for (id, image) in try self.images(inputIds: missing) { images[id] = image }
    }
    for id in missing where images[id] == nil { images[id] = StoredImage(inputId: id) }
    return ExportSet(
      annotations: annotations, images: images.keys.sorted().compactMap { images[$0] },
      classes: try classes ?? classMap(for: filter, options: options), options: options)
  }

  /// The runs a filter selects: all (of its workflows), the latest, or the named ones.
  public func selectedRuns(_ filter: AnnotationFilter) throws -> [StoredRun] {
    let runs = try runs().filter { filter.workflows.isEmpty || filter.workflows.contains($0.info.workflowId) }
    switch filter.runs {
    case .all: return runs
    case .latest: return try latestRun(workflows: filter.workflows).map { [$0] } ?? []
    case .ids(let ids): return runs.filter { ids.contains($0.info.id) }
    }
  }

  /// The inputs the runs read (not the ones that failed), each with its latest path, URL and size.
  func images(ofRuns runIds: [String]) throws -> [String: StoredImage] {
    guard !runIds.isEmpty else { return [:] }
    let rows = try guarded {
      try dbQueue.read { db in
        try Row.fetchAll(
          db,
          sql: """
            SELECT input_id, path, url, width, height, status FROM inputs
            WHERE run_id IN (\(placeholders(runIds.count))) ORDER BY recorded_at, run_id
            """, arguments: StatementArguments(runIds))
      }
    }
    var images: [String: StoredImage] = [:]
    var failed: Set<String> = []
    for row in rows {
      let id: String = row["input_id"]
      var image = images[id] ?? StoredImage(inputId: id)
      image.path = row["path"] ?? image.path
      image.url = row["url"] ?? image.url
      if let w: Int = row["width"], let h: Int = row["height"] {
        image.width = w
        image.height = h
      }
      images[id] = image
      if (row["status"] as String) == "failed" { failed.insert(id) } else { failed.remove(id) }
    }
    for id in failed { images[id] = nil }
    return images
  }

  /// The class map of the runs `filter` selects: the concepts their workflow files declare, in
  /// declared order (first workflow first); when a file is gone or declares none, every concept
  /// those runs stored, sorted by name, with a note that says so.
  public func classMap(for filter: AnnotationFilter, options: ExportOptions = ExportOptions()) throws
    -> ClassMap
  {
    try ClassMap.of(
      runs: try selectedRuns(filter), storeFolder: (path as NSString).deletingLastPathComponent,
      options: options
    ) { try storedConceptNames(runIds: $0) }
  }

  /// Every concept name the runs stored, sorted.
  func storedConceptNames(runIds: [String]) throws -> [String] {
    guard !runIds.isEmpty else { return [] }
    return try guarded {
      try dbQueue.read { db in
        try String.fetchAll(
          db,
          sql:
            "SELECT DISTINCT concept_name FROM annotations WHERE run_id IN (\(placeholders(runIds.count))) "
            + "ORDER BY concept_name", arguments: StatementArguments(runIds))
      }
    }
  }
}

extension ClassMap {
  /// The class map of `runs`, whatever store holds them: the concepts their workflow files declare,
  /// in declared order (first workflow first; a relative path is read from the working directory,
  /// else from `storeFolder`); when a file is gone or declares none, every concept those runs
  /// stored (`storedConcepts` of their ids), sorted by name, with a note that says so.
  public static func of(
    runs: [StoredRun], storeFolder: String, options: ExportOptions,
    storedConcepts: ([String]) throws -> [String]
  ) throws -> ClassMap {
    var names: [String] = []
    var paths: [String] = []
    var problem: String?
    for run in runs where !paths.contains(run.info.workflowPath) {
      paths.append(run.info.workflowPath)
      switch WorkflowConcepts.read(
        run.info.workflowPath, storeFolder: storeFolder, workingDirectory: options.workingDirectory)
      {
      case .success(let concepts):
        for c in concepts where !names.contains(c) { names.append(c) }
      case .failure(let why):
        problem = problem ?? why.description
      }
    }
    if problem == nil && !names.isEmpty {
      let origin =
        paths.count == 1
        ? "the workflow '\(paths[0])'" : "the workflows " + paths.map { "'\($0)'" }.joined(separator: ", ")
      return ClassMap(names: names, origin: origin)
    }
    let stored = try storedConcepts(runs.map(\.info.id))
    let why =
      problem
      ?? "the workflow\(paths.count == 1 ? "" : "s") declare\(paths.count == 1 ? "s" : "") no model concepts"
    return ClassMap(
      names: stored, origin: "the stored concepts sorted by name",
      notes: runs.isEmpty
        ? [] : ["\(why); class ids follow the stored concepts sorted by name (--classes sets them)"])
  }
}

/// The concepts a workflow file declares on its models, in order.
enum WorkflowConcepts {
  struct Problem: Error, CustomStringConvertible {
    var description: String
  }

  /// Reads `path` as given (relative to the folder `weir run` was started in, assumed to be the
  /// working directory), else relative to the store's folder.
  static func read(_ path: String, storeFolder: String, workingDirectory: String) -> Result<[String], Problem>
  {
    let candidates =
      path.hasPrefix("/")
      ? [path]
      : [
        ImagePlacement.absolute(path, in: workingDirectory),
        ImagePlacement.absolute(path, in: storeFolder.isEmpty ? workingDirectory : storeFolder),
      ]
    guard let file = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }),
      let bytes = FileManager.default.contents(atPath: file)
    else {
      return .failure(Problem(description: "the workflow file '\(path)' is gone"))
    }
    let (workflow, _) = WorkflowParser.parse(SourceFile(path: file, bytes: [UInt8](bytes)))
    guard let workflow else {
      return .failure(Problem(description: "the workflow file '\(path)' does not parse"))
    }
    var names: [String] = []
    for model in workflow.models {
      for concept in model.concepts ?? [] where !names.contains(concept.value) { names.append(concept.value) }
    }
    return .success(names)
  }
}
