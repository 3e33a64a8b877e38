import Foundation
import Testing
import WeirTestSupport

/// `weir annotations import` and `stats` with `--store postgresql://…`: the same output, the same
/// all-or-nothing imports and the same re-imports as on a SQLite store written by the same run.
@Suite(.serialized) struct PostgresReviewCommandTests {
  /// A reviewer's Label Studio file: on each of the first `count` tasks with review rows, the first
  /// one deleted (rejected), the second relabelled to dog, the rest kept (accepted).
  static func reviewed(_ exported: Data, count: Int) throws -> Data {
    var tasks = try #require(try JSONSerialization.jsonObject(with: exported) as? [[String: Any]])
    var reviewed = 0
    for t in tasks.indices where reviewed < count {
      let predictions = tasks[t]["predictions"] as? [[String: Any]] ?? []
      guard var results = predictions.first?["result"] as? [[String: Any]], results.count >= 2 else {
        continue
      }
      results.removeFirst()
      var value = try #require(results[0]["value"] as? [String: Any])
      value["rectanglelabels"] = ["dog"]
      results[0]["value"] = value
      tasks[t]["annotations"] = [
        [
          "id": 100 + t, "completed_by": ["id": 7, "email": "ana@example.com"],
          "created_at": "2026-05-02T09:00:00.000000Z", "updated_at": "2026-05-02T10:00:00.000000Z",
          "was_cancelled": false, "result": results,
        ]
      ]
      reviewed += 1
    }
    return try JSONSerialization.data(withJSONObject: tasks, options: [.sortedKeys])
  }

  @Test func importAndStatsOnPostgreSQLSayWhatTheySayOnSQLite() throws {
    let cluster = try PostgresCluster()
    defer { cluster.stop() }
    let folder = try TemporaryDirectory("weir-pg-import")
    let gen = try WeirProcess.run(
      ["bench", "gen", "--images", "60", "--regions", "6", "-o", folder.path("predictions.jsonl")])
    try #require(gen.status == 0, "\(gen.stderr)")
    try folder.write("workflow.yaml", ReferenceWorkflow.replayed(name: "reviewed"))
    let env = cluster.environment
    for store in ["weir.db", cluster.url] {
      let run = try WeirProcess.run(
        ["run", "workflow.yaml", "--store", store], environment: env, in: folder.url)
      try #require(run.status == 0, "\(run.stderr)")
    }
    let export = try WeirProcess.run(
      ["annotations", "export", "--format", "labelstudio", "--store", "weir.db", "--output", "tasks.json"],
      in: folder.url)
    try #require(export.status == 0, "\(export.stderr)")
    let tasks = try Data(contentsOf: folder.url.appendingPathComponent("tasks.json"))
    try Self.reviewed(tasks, count: 5).write(to: folder.url.appendingPathComponent("reviewed.json"))
    // A file naming an input neither store has: refused, nothing imported.
    var foreign = try #require(
      try JSONSerialization.jsonObject(with: Self.reviewed(tasks, count: 5)) as? [[String: Any]])
    var data = try #require(foreign[0]["data"] as? [String: Any])
    data["weir_input_id"] = "not-in-the-store.jpg"
    foreign[0]["data"] = data
    try JSONSerialization.data(withJSONObject: foreign).write(
      to: folder.url.appendingPathComponent("foreign.json"))

    func session(_ store: String) throws -> [String] {
      var out: [String] = []
      for arguments in [
        ["annotations", "import", "foreign.json", "--format", "labelstudio"],
        ["annotations", "stats"],
        ["annotations", "import", "reviewed.json", "--format", "labelstudio"],
        ["annotations", "import", "reviewed.json", "--format", "labelstudio"],
        ["annotations", "stats"],
        ["annotations", "list", "--status", "ANNOTATION_REVIEW_DENIED"],
      ] {
        let r = try WeirProcess.run(arguments + ["--store", store], environment: env, in: folder.url)
        // Run ids differ between the two stores; nothing else may.
        let text = (r.stdout + r.stderr).replacingOccurrences(
          of: #"[0-9]{8}-[0-9]{6}-[0-9a-f]+"#, with: "RUN", options: .regularExpression)
        out.append("\(arguments.prefix(2).joined(separator: " ")) → \(r.status)\n\(text)")
      }
      return out
    }
    let sqlite = try session("weir.db")
    #expect(
      sqlite[0].contains("not-in-the-store.jpg") && sqlite[0].contains("nothing was imported"), "\(sqlite[0])"
    )
    let imported = try #require(
      sqlite[2].firstMatch(of: #/imported ([0-9]+) decisions/#).flatMap { Int($0.1) }, "\(sqlite[2])")
    #expect(imported >= 5)
    #expect(
      sqlite[3].contains("imported 0 decisions from 'reviewed.json'; \(imported) already in the store"),
      "\(sqlite[3])")
    #expect(sqlite[4].contains("\(imported) review items decided"), "\(sqlite[4])")
    #expect(sqlite[5].contains("ANNOTATION_REVIEW_DENIED"), "\(sqlite[5])")
    let postgres = try session(cluster.url)
    #expect(postgres.count == sqlite.count)
    for (p, s) in zip(postgres, sqlite) { #expect(p == s) }
    // A Label Studio export: the same tasks (images without a box too), the same classes in the
    // workflow's order, the reviewed labels.
    func exported(_ store: String, _ file: String) throws -> String {
      let r = try WeirProcess.run(
        ["annotations", "export", "--format", "labelstudio", "--store", store, "--output", file],
        environment: env, in: folder.url)
      #expect(r.status == 0, "\(r.stderr)")
      let text = try String(contentsOf: folder.url.appendingPathComponent(file), encoding: .utf8)
      return text.replacingOccurrences(
        of: #"[0-9]{8}-[0-9]{6}-[0-9a-f]+|[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z"#, with: "X",
        options: .regularExpression)
    }
    let expectedTasks = try exported("weir.db", "sqlite.tasks.json")
    #expect(expectedTasks.contains("img-000059.jpg"))
    #expect(try exported(cluster.url, "postgres.tasks.json") == expectedTasks)
    // The REPL takes either store's reviewed labels as ground truth, with the same figures.
    func truth(_ store: String) throws -> String {
      let r = try WeirProcess.run(
        ["repl", "workflow.yaml", "--truth", store], stdin: "sweep accept 0.5..0.95 step 0.05\n",
        environment: env.merging(["WEIR_HISTORY": folder.path("history")]) { $1 }, in: folder.url)
      #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
      // The store's name and the sweep's own time differ; nothing else may.
      return r.stdout.replacingOccurrences(of: store, with: "STORE").replacingOccurrences(
        of: #" · [0-9.]+ m?s\n"#, with: "\n", options: .regularExpression)
    }
    let sqliteTruth = try truth("weir.db")
    #expect(sqliteTruth.contains("reviewers' decisions in STORE, per band"), "\(sqliteTruth)")
    #expect(sqliteTruth.contains("reviewers accepted"), "\(sqliteTruth)")
    let postgresTruth = try truth(cluster.url)
    #expect(postgresTruth == sqliteTruth, "\(postgresTruth)\n----\n\(sqliteTruth)")
    #expect(try cluster.value("SELECT count(*) FROM decisions") == "\(imported)")
    #expect(
      try cluster.value("SELECT count(*) FROM decisions WHERE source = 'import:labelstudio:reviewed.json'")
        == "\(imported)")
  }
}
