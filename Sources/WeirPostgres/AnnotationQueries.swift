import Foundation
import PostgresNIO
import WeirCore
import WeirStore

/// Reading annotations back with an ``AnnotationFilter``, as the SQLite store does.
enum AnnotationQueries {
  static func annotations(_ filter: AnnotationFilter, in db: PostgresDatabase) async throws
    -> [StoredAnnotation]
  {
    guard var query = try await whereClause(filter, in: db) else { return [] }
    query.sql =
      "SELECT \(LabelRows.json) FROM labels\(query.sql) ORDER BY input_id, region_id, concept_id, workflow_id, node_id"
    if let limit = filter.limit { query.sql += " LIMIT \(max(0, limit))" }
    return try await db.run { c in
      try await LabelRows.annotations(try await c.query(query, logger: db.logger))
    }
  }

  static func count(_ filter: AnnotationFilter, in db: PostgresDatabase) async throws -> Int {
    guard var query = try await whereClause(filter, in: db) else { return 0 }
    query.sql = "SELECT count(*) FROM labels" + query.sql
    return try await db.run { c in
      for try await n in try await c.query(query, logger: db.logger).decode(Int.self) { return n }
      return 0
    }
  }

  /// What an export reads, as from SQLite: the filtered annotations, every image of the selected
  /// runs (failed inputs left out; the negatives a trainer needs) plus any image an annotation is
  /// on, and the class map (`classes`, or the one the runs' workflow files declare).
  static func exportSet(
    _ filter: AnnotationFilter, classes: ClassMap?, options: ExportOptions, in db: PostgresDatabase
  ) async throws -> ExportSet {
    let annotations = try await annotations(filter, in: db)
    let runs = try await selectedRuns(filter, in: db)
    let runIds = runs.map(\.info.id)
    let annotated = Set(annotations.map(\.record.inputId))
    let (images, stored) = try await db.run { c in
      var images: [String: StoredImage] = [:]
      var failed: Set<String> = []
      let rows = try await c.query(
        """
        SELECT input_id, path, url, width, height, status = 'failed' FROM inputs
        WHERE run_id = ANY(\(runIds)) OR input_id = ANY(\(Array(annotated))) ORDER BY recorded_at, run_id
        """, logger: db.logger)
      for try await (id, path, url, width, height, didFail) in rows.decode(
        (String, String?, String?, Int?, Int?, Bool).self)
      {
        var image = images[id] ?? StoredImage(inputId: id)
        image.path = path ?? image.path
        image.url = url ?? image.url
        if let width, let height {
          image.width = width
          image.height = height
        }
        images[id] = image
        if didFail { failed.insert(id) } else { failed.remove(id) }
      }
      // A failed input is left out unless an annotation is on it (from an earlier run).
      for id in failed where !annotated.contains(id) { images[id] = nil }
      var stored: [String] = []
      let names = try await c.query(
        "SELECT DISTINCT concept_name FROM annotations WHERE run_id = ANY(\(runIds)) ORDER BY concept_name",
        logger: db.logger)
      for try await name in names.decode(String.self) { stored.append(name) }
      return (images, stored)
    }
    let map =
      try classes
      ?? ClassMap.of(runs: runs, storeFolder: FileManager.default.currentDirectoryPath, options: options) {
        _ in
        stored
      }
    return ExportSet(
      annotations: annotations, images: images.keys.sorted().compactMap { images[$0] }, classes: map,
      options: options)
  }

  /// The runs a filter selects: all (of its workflows), the latest, or the named ones.
  static func selectedRuns(_ filter: AnnotationFilter, in db: PostgresDatabase) async throws -> [StoredRun] {
    let runs = try await RunRows.all(in: db).filter {
      filter.workflows.isEmpty || filter.workflows.contains($0.info.workflowId)
    }
    switch filter.runs {
    case .all: return runs
    case .latest: return runs.last.map { [$0] } ?? []
    case .ids(let ids): return runs.filter { ids.contains($0.info.id) }
    }
  }

  static func summary(runId: String, in db: PostgresDatabase) async throws -> RunSummary {
    guard let run = try await RunRows.all(in: db).first(where: { $0.info.id == runId }) else {
      throw PostgresStoreError.noSuchRun(db.location, id: runId)
    }
    return try await db.run { c in
      var inputs = 0
      for try await n in try await c.query(
        "SELECT count(*) FROM inputs WHERE run_id = \(runId)", logger: db.logger
      )
      .decode(Int.self) {
        inputs = n
      }
      var failures: [RunSummary.Failure] = []
      let failed = try await c.query(
        "SELECT input_id, error_node, error_message FROM inputs WHERE run_id = \(runId) AND status = 'failed' ORDER BY input_id",
        logger: db.logger)
      for try await (id, node, message) in failed.decode((String, String?, String?).self) {
        failures.append(RunSummary.Failure(inputId: id, node: node, message: message ?? ""))
      }
      func counts(_ key: String) async throws -> [RunSummary.Count] {
        var out: [RunSummary.Count] = []
        let sql =
          "SELECT \(key), status, count(*) FROM annotations WHERE run_id = $1 GROUP BY \(key), status ORDER BY \(key), status"
        var binds = PostgresBindings()
        binds.append(runId)
        let rows = try await c.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: db.logger)
        for try await (k, s, n) in rows.decode((String, Int, Int).self) {
          out.append(RunSummary.Count(key: k, status: s, count: n))
        }
        return out
      }
      var summary = RunSummary(
        run: runId, workflowId: run.info.workflowId, status: run.status, inputs: inputs, failures: failures,
        writers: try await counts("node_id"), concepts: try await counts("concept_name"))
      let counters = try await c.query(
        """
        SELECT node_id, count(*), sum(count)::bigint FROM counts WHERE run_id = \(runId)
        GROUP BY node_id ORDER BY node_id
        """, logger: db.logger)
      for try await (node, inputs, objects) in counters.decode((String, Int, Int).self) {
        summary.counters.append(RunSummary.Counter(nodeId: node, inputs: inputs, objects: objects))
      }
      return summary
    }
  }

  /// The object counts of `filter`'s workflows, counter nodes and runs, sorted by input, workflow
  /// and node (its statuses, concepts and tasks are about annotations and do not apply).
  static func counts(_ filter: AnnotationFilter, in db: PostgresDatabase) async throws -> [StoredCount] {
    var countFilter = AnnotationFilter()
    countFilter.workflows = filter.workflows
    countFilter.nodes = filter.nodes
    countFilter.runs = filter.runs
    guard var query = try await whereClause(countFilter, in: db) else { return [] }
    query.sql =
      "SELECT workflow_id, input_id, node_id, count, run_id FROM counts\(query.sql) ORDER BY input_id, workflow_id, node_id"
    if let limit = filter.limit { query.sql += " LIMIT \(max(0, limit))" }
    return try await db.run { c in
      var out: [StoredCount] = []
      let rows = try await c.query(query, logger: db.logger)
      for try await (workflow, input, node, count, run) in rows.decode(
        (String, String, String, Int, String).self)
      {
        out.append(StoredCount(workflowId: workflow, inputId: input, nodeId: node, count: count, runId: run))
      }
      return out
    }
  }

  /// The WHERE clause for `filter` with its parameters, or nil when it can match nothing.
  static func whereClause(_ filter: AnnotationFilter, in db: PostgresDatabase) async throws -> PostgresQuery?
  {
    var conditions: [String] = []
    var binds = PostgresBindings()
    func any(_ column: String, _ values: [String]) {
      guard !values.isEmpty else { return }
      binds.append(values)
      conditions.append("\(column) = ANY($\(binds.count))")
    }
    if !filter.statuses.isEmpty {
      binds.append(filter.statuses)
      conditions.append("status = ANY($\(binds.count))")
    }
    if !filter.concepts.isEmpty {
      binds.append(filter.concepts)
      conditions.append("(concept_id = ANY($\(binds.count)) OR concept_name = ANY($\(binds.count)))")
    }
    any("task_id", filter.tasks)
    any("workflow_id", filter.workflows)
    any("node_id", filter.nodes)
    switch filter.runs {
    case .all: break
    case .latest:
      let runs = try await RunRows.all(in: db)
      let candidates =
        filter.workflows.isEmpty ? runs : runs.filter { filter.workflows.contains($0.info.workflowId) }
      guard let latest = candidates.last else { return nil }
      any("run_id", [latest.info.id])
    case .ids(let ids):
      let known = try await RunRows.all(in: db).map(\.info.id)
      if let missing = ids.first(where: { !known.contains($0) }) {
        throw PostgresStoreError.noSuchRun(db.location, id: missing)
      }
      any("run_id", ids)
    }
    let sql = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
    return PostgresQuery(unsafeSQL: sql, binds: binds)
  }
}
