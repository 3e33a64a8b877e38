import Foundation
import Testing
import WeirTestSupport

/// The PostgreSQL store, shards and workers (Documentation/Scale.md), end to end: the built `weir`
/// as separate processes against a real PostgreSQL cluster each test starts in its own folder.
@Suite(.serialized) struct PostgresStoreTests {
  /// The reference thresholds over replayed predictions (`weir bench gen`).
  static let replayWorkflow = ReferenceWorkflow.replayed(name: "sharded")

  /// A slow model for the command backend: `delay` seconds per request, one box per input.
  static func slowModel(delay: Double) -> String {
    """
    import json, sys, time
    for line in sys.stdin:
        request = json.loads(line)
        time.sleep(\(delay))
        box = {"top_row": 0.1, "left_col": 0.1, "bottom_row": 0.9, "right_col": 0.9}
        concepts = [{"id": "cat", "name": "cat", "value": 0.99}]
        print(json.dumps({"id": request["id"], "regions": [{"region_info": {"bounding_box": box}, "data": {"concepts": concepts}}]}), flush=True)

    """
  }

  static let slowWorkflow = """
    weir: 1
    workflow: slow
    models:
      pets: {type: visual-detector, concepts: [cat, dog], backend: {command: [python3, model.py], timeout: 30}}
    nodes:
      detect: {model: pets}
      write: {type: annotation-writer, input: detect, params: {annotation_status: ANNOTATION_SUCCESS}}

    """

  /// A folder with the slow workflow, its model and a manifest of `count` inputs.
  static func slowFolder(count: Int, delay: Double) throws -> TemporaryDirectory {
    let folder = try TemporaryDirectory("weir-pg-slow")
    try folder.write("workflow.yaml", slowWorkflow)
    try folder.write("model.py", slowModel(delay: delay))
    let lines = (0..<count).map {
      String(format: "{\"id\": \"cat-%04d\", \"url\": \"https://example.invalid/cat-%04d.jpg\"}", $0, $0)
    }
    try folder.write("inputs.jsonl", lines.joined(separator: "\n") + "\n")
    return folder
  }

  /// The annotations of a store as sorted JSON lines without the columns that name the run
  /// (`run_id`, `written_at`), which differ between two runs writing the same rows.
  static func rows(_ store: String, environment: [String: String] = [:], in folder: URL) throws -> [String] {
    let r = try WeirProcess.run(
      ["annotations", "export", "--format", "jsonl", "--store", store], environment: environment, in: folder)
    try #require(r.status == 0, "\(r.stderr)")
    let anonymous = r.stdout.replacingOccurrences(
      of: #""(run_id|written_at)":"[^"]*",?"#, with: "", options: .regularExpression)
    return anonymous.split(separator: "\n").map(String.init).sorted()
  }

  /// Waits (up to `seconds`) until `condition` holds.
  static func waitUntil(_ seconds: Double, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if try condition() { return true }
      Thread.sleep(forTimeInterval: 0.1)
    }
    return false
  }

  /// 10,000 images of 10 boxes (100,000 regions): one `weir run` and two `weir worker`s on
  /// PostgreSQL write exactly the rows of one SQLite run, and `weir runs` says the run completed.
  @Test func shardedRunWithTwoWorkersWritesTheRowsOfOneSQLiteRun() throws {
    let cluster = try PostgresCluster()
    defer { cluster.stop() }
    let folder = try TemporaryDirectory("weir-pg-replay")
    let gen = try WeirProcess.run(
      ["bench", "gen", "--images", "10000", "--regions", "10", "-o", folder.path("predictions.jsonl")])
    try #require(gen.status == 0, "\(gen.stderr)")
    try folder.write("workflow.yaml", Self.replayWorkflow)

    let sqlite = try WeirProcess.run(["run", "workflow.yaml", "--store", "weir.db"], in: folder.url)
    try #require(sqlite.status == 0, "\(sqlite.stderr)")

    let env = cluster.environment
    let run = try BackgroundWeir(
      ["run", "workflow.yaml", "--store", cluster.url, "--shard-size", "100"], in: folder.url,
      environment: env)
    defer { if run.process.isRunning { run.process.terminate() } }
    #expect(Self.waitUntil(60) { (try? cluster.value("SELECT count(*) FROM shards")) == "100" })
    let workers = try (0..<2).map { i in
      try BackgroundWeir(
        ["worker", "--store", cluster.url, "--name", "w\(i)"], in: folder.url, environment: env)
    }
    defer { for w in workers where w.process.isRunning { w.process.terminate() } }
    let ran = run.finish()
    #expect(ran.status == 0, "\(run.standardError)")
    for w in workers { #expect(w.finish().status == 0, "\(w.standardError)") }

    #expect(try cluster.value("SELECT count(*) FROM shards WHERE state = 'done'") == "100")
    #expect(try cluster.value("SELECT count(*) FROM inputs") == "10000")
    let expected = try Self.rows("weir.db", in: folder.url)
    #expect(expected.count > 10_000)
    #expect(try Self.rows(cluster.url, environment: env, in: folder.url) == expected)
    let runs = try WeirProcess.run(["runs", "--store", cluster.url], environment: env, in: folder.url)
    #expect(runs.status == 0, "\(runs.stderr)")
    #expect(runs.stdout.contains("completed") && runs.stdout.contains("100/100"), "\(runs.stdout)")
    #expect(!runs.stdout.contains(cluster.password) && !runs.stderr.contains(cluster.password))
  }

  /// A worker killed (SIGKILL) in the middle of a shard: its lease runs out, another worker takes
  /// the shard over, and every input is written once.
  @Test func aKilledWorkersShardIsRedoneOnce() throws {
    let cluster = try PostgresCluster()
    defer { cluster.stop() }
    let folder = try Self.slowFolder(count: 40, delay: 0.1)
    let env = cluster.environment
    let run = try BackgroundWeir(
      [
        "run", "workflow.yaml", "--inputs", "inputs.jsonl", "--store", cluster.url, "--shard-size", "10",
        "--allow-exec", "--lease", "2s", "--jobs", "1",
      ], in: folder.url, environment: env)
    defer { if run.process.isRunning { run.process.terminate() } }
    #expect(Self.waitUntil(30) { (try? cluster.value("SELECT count(*) FROM shards")) == "4" })
    let doomed = try BackgroundWeir(
      ["worker", "--store", cluster.url, "--name", "doomed", "--allow-exec", "--lease", "2s", "--jobs", "1"],
      in: folder.url, environment: env)
    defer { if doomed.process.isRunning { doomed.process.terminate() } }
    #expect(
      Self.waitUntil(30) {
        (try? cluster.value("SELECT count(*) FROM shards WHERE worker = 'doomed'")) == "1"
      })
    kill(doomed.process.processIdentifier, SIGKILL)
    _ = doomed.finish()
    let ran = run.finish()
    #expect(ran.status == 0, "\(run.standardError)")
    #expect(try cluster.value("SELECT count(*) FROM inputs") == "40")
    #expect(try cluster.value("SELECT count(*) FROM annotations") == "40")
    #expect(try cluster.value("SELECT count(*) FROM shards WHERE state = 'done'") == "4")
    #expect(try cluster.value("SELECT max(claims) FROM shards") == "2")
  }

  /// A worker paused (SIGSTOP) past its lease while another takes its shard over: resumed, it
  /// drops the stale shard instead of writing it.
  @Test func aPausedWorkerDoesNotWriteItsStaleShard() throws {
    let cluster = try PostgresCluster()
    defer { cluster.stop() }
    let folder = try Self.slowFolder(count: 10, delay: 0.2)
    let env = cluster.environment
    let paused = try BackgroundWeir(
      [
        "run", "workflow.yaml", "--inputs", "inputs.jsonl", "--store", cluster.url, "--shard-size", "10",
        "--allow-exec", "--lease", "1s", "--jobs", "1",
      ], in: folder.url, environment: env)
    defer {
      if paused.process.isRunning {
        kill(paused.process.processIdentifier, SIGCONT); paused.process.terminate()
      }
    }
    #expect(
      Self.waitUntil(30) {
        (try? cluster.value("SELECT count(*) FROM shards WHERE worker IS NOT NULL")) == "1"
      })
    kill(paused.process.processIdentifier, SIGSTOP)
    Thread.sleep(forTimeInterval: 1.5)
    let other = try WeirProcess.run(
      ["worker", "--store", cluster.url, "--name", "other", "--allow-exec", "--lease", "5s"],
      environment: env,
      in: folder.url)
    #expect(other.status == 0, "\(other.stderr)")
    kill(paused.process.processIdentifier, SIGCONT)
    let ended = paused.finish()
    #expect(ended.status == 0, "\(paused.standardError)")
    #expect(paused.standardError.contains("lost the lease on shard 0"), "\(paused.standardError)")
    #expect(try cluster.value("SELECT worker FROM shards") == "other")
    #expect(try cluster.value("SELECT count(*) FROM annotations") == "10")
  }

  /// The database restarted in the middle of a run: the workers reconnect and finish it.
  @Test func workersReconnectAfterTheDatabaseRestarts() throws {
    let cluster = try PostgresCluster()
    defer { cluster.stop() }
    let folder = try Self.slowFolder(count: 30, delay: 0.05)
    let env = cluster.environment
    let run = try BackgroundWeir(
      [
        "run", "workflow.yaml", "--inputs", "inputs.jsonl", "--store", cluster.url, "--shard-size", "5",
        "--allow-exec", "--lease", "10s", "--jobs", "1",
      ], in: folder.url, environment: env)
    defer { if run.process.isRunning { run.process.terminate() } }
    #expect(
      Self.waitUntil(30) {
        (try? cluster.value("SELECT count(*) FROM shards WHERE state = 'done'")) == "1"
      })
    cluster.stop()
    Thread.sleep(forTimeInterval: 1)
    try cluster.start()
    let ran = run.finish()
    #expect(ran.status == 0, "\(run.standardError)")
    #expect(try cluster.value("SELECT count(*) FROM inputs") == "30")
    #expect(try cluster.value("SELECT status FROM runs") == "completed")
  }

  /// A wrong password and an unreachable server: a clear error at once, the password never shown.
  @Test func aWrongPasswordOrNoServerIsAClearErrorWithoutAHang() throws {
    let cluster = try PostgresCluster()
    defer { cluster.stop() }
    let started = Date()
    let wrong = try WeirProcess.run(
      ["runs", "--store", cluster.url], environment: ["PGPASSWORD": "not-the-password"])
    #expect(wrong.status == 1)
    #expect(
      wrong.stderr.contains("cannot connect to the annotation store 'postgresql://postgres@/weir?host="),
      "\(wrong.stderr)")
    #expect(wrong.stderr.contains("password authentication failed"), "\(wrong.stderr)")
    #expect(!wrong.stderr.contains("not-the-password"))

    let inURL = try WeirProcess.run([
      "annotations", "list", "--store", "postgresql://postgres:hunter2@127.0.0.1:1/weir",
    ])
    #expect(inURL.status == 1)
    #expect(
      inURL.stderr.contains(
        "cannot connect to the annotation store 'postgresql://postgres@127.0.0.1:1/weir'"), "\(inURL.stderr)")
    #expect(!inURL.stderr.contains("hunter2"))
    let worker = try WeirProcess.run(
      ["worker", "--store", "postgresql://postgres@10.255.255.1:5432/weir?connect_timeout=1"])
    #expect(worker.status == 1)
    #expect(worker.stderr.contains("cannot connect to the annotation store"), "\(worker.stderr)")
    #expect(Date().timeIntervalSince(started) < 20)
  }
}
