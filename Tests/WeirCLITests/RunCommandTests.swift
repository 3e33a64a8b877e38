import Foundation
import GRDB
import Testing
import WeirCore
import WeirTestSupport

/// `weir run` end to end: the built binary, a real SQLite store read back with
/// `weir annotations export`, real files, real processes (killed with SIGKILL).
@Suite(.serialized) struct RunCommandTests {
  /// A second connection that holds the write lock (an open `BEGIN IMMEDIATE`) on its own thread
  /// until `release`.
  final class LockHolder: @unchecked Sendable {
    private let locked = DispatchSemaphore(value: 0)
    private let releasing = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)

    init(path: String) throws {
      let queue = try DatabaseQueue(path: path)
      Thread { [locked, releasing, finished] in
        try? queue.inTransaction(.immediate) { _ in
          locked.signal()
          releasing.wait()
          return .rollback
        }
        finished.signal()
      }.start()
      locked.wait()
    }

    func release() {
      releasing.signal()
      finished.wait()
    }
  }

  /// One annotation as the store holds it, reduced to what identifies it and what it says.
  struct Row: Hashable {
    var input, region, concept, node: String
    var status: Int
    var confidence: Double
  }

  /// Every row of a store, through `weir annotations export --format jsonl`.
  static func rows(_ store: String) throws -> [Row] {
    let r = try WeirProcess.run(["annotations", "export", "--format", "jsonl", "--store", store])
    #expect(r.status == 0, "\(r.stderr)")
    return try r.stdout.split(separator: "\n").map { line in
      let o = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      let concept = try #require(o["concept"] as? [String: Any])
      return Row(
        input: o["input_id"] as! String, region: o["region_id"] as! String, concept: concept["id"] as! String,
        node: o["node_id"] as! String, status: o["status"] as! Int, confidence: o["confidence"] as! Double)
    }
  }

  /// The reference workflow's decision for one confidence: accepted, sent to review, or dropped.
  static func decide(_ v: Double) -> (node: String, status: Int)? {
    if v > 0.95 { return ("write-sure", 24150) }
    if v > 0.5 { return ("write-review", 24157) }
    return nil
  }

  /// The rows the reference example must write, read straight from its predictions file.
  static func expectedReferenceRows() throws -> Set<Row> {
    let url = Repository.root.appendingPathComponent("examples/auto-annotation/predictions.json")
    let doc = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    var rows = Set<Row>()
    for output in doc["outputs"] as! [[String: Any]] {
      let input = (output["input"] as! [String: Any])["id"] as! String
      let regions = (output["data"] as! [String: Any])["regions"] as? [[String: Any]] ?? []
      for region in regions {
        for c in (region["data"] as! [String: Any])["concepts"] as! [[String: Any]] {
          let v = c["value"] as! Double
          if let (node, status) = decide(v) {
            rows.insert(
              Row(
                input: input, region: region["id"] as! String, concept: c["id"] as! String, node: node,
                status: status, confidence: v))
          }
        }
      }
    }
    return rows
  }

  @Test func referenceExampleWritesExactlyTheExpectedAnnotations() throws {
    let temp = try TemporaryDirectory("weir-run")
    defer { temp.remove() }
    let store = temp.path("weir.db")
    let r = try WeirProcess.run(["run", "examples/auto-annotation/workflow.yaml", "--store", store])
    #expect(r.status == 0, "\(r.stderr)")
    let expected = try Self.expectedReferenceRows()
    #expect(expected.count == 13)
    #expect(Set(try Self.rows(store)) == expected)
    let summary = r.stdout.replacingOccurrences(
      of: #"\(run [0-9a-f-]+\)"#, with: "(run ID)", options: .regularExpression)
    #expect(
      summary == """
        ran 'auto-annotation' on 12 inputs: 13 annotations written to \(store) (run ID)

        writer        ANNOTATION_SUCCESS  ANNOTATION_AWAITING_REVIEW  total
        write-sure                     7                           0      7
        write-review                   0                           6      6

        concept  ANNOTATION_SUCCESS  ANNOTATION_AWAITING_REVIEW  total
        cat                       4                           3      7
        dog                       3                           3      6

        inputs
          accepted  6  pets-01.jpg (cat 0.99), pets-02.jpg (dog 0.97), pets-05.jpg (cat 0.99, cat 0.95),
                       pets-08.jpg (dog 0.95), pets-10.jpg (cat 0.95), pets-11.jpg (dog 0.99)
          review    5  pets-03.jpg (cat 0.95), pets-04.jpg (dog 0.87), pets-07.jpg (dog 0.61),
                       pets-08.jpg (cat 0.73), pets-12.jpg (dog 0.81, cat 0.50)
          nothing   2  pets-06.jpg, pets-09.jpg

        """)
  }

  @Test func runningTwiceGivesTheSameRows() throws {
    let temp = try TemporaryDirectory("weir-run")
    defer { temp.remove() }
    let store = temp.path("weir.db")
    let first = try WeirProcess.run(["run", "examples/auto-annotation/workflow.yaml", "--store", store])
    let rowsAfterFirst = try Self.rows(store)
    let second = try WeirProcess.run([
      "run", "examples/auto-annotation/workflow.yaml", "--store", store, "--jobs", "1",
    ])
    #expect(first.status == 0 && second.status == 0)
    let rowsAfterSecond = try Self.rows(store)
    #expect(rowsAfterSecond.count == 13)
    #expect(rowsAfterSecond == rowsAfterFirst)
    let runs = try WeirProcess.run(["annotations", "runs", "--store", store])
    #expect(runs.stdout.components(separatedBy: "completed").count - 1 == 2)
  }

  @Test func dryRunWritesNothingAndSetChangesAVar() throws {
    let temp = try TemporaryDirectory("weir-run")
    defer { temp.remove() }
    let store = temp.path("weir.db")
    let r = try WeirProcess.run([
      "run", "examples/auto-annotation/workflow.yaml", "--store", store, "--dry-run", "--set", "review=0.7",
    ])
    #expect(r.status == 0)
    #expect(
      r.stdout.hasPrefix("ran 'auto-annotation' on 12 inputs: 11 annotations (dry run: nothing written)\n"))
    #expect(!FileManager.default.fileExists(atPath: store))
  }

  @Test func outputHasEveryNodeOfEveryInputInClarifaiShape() throws {
    let temp = try TemporaryDirectory("weir-run")
    defer { temp.remove() }
    let out = temp.path("results.jsonl")
    let r = try WeirProcess.run([
      "run", "examples/auto-annotation/workflow.yaml", "--dry-run", "--output", out,
    ])
    #expect(r.status == 0)
    let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 12)
    let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
    #expect((first["input"] as? [String: Any])?["id"] as? String == "pets-01.jpg")
    #expect((first["status"] as? [String: Any])?["code"] as? Int == 10000)
    let outputs = try #require(first["outputs"] as? [[String: Any]])
    #expect(
      outputs.map { $0["node_id"] as! String } == [
        "detect", "sure", "write-sure", "unsure", "plausible", "write-review",
      ])
    #expect((outputs[0]["model"] as? [String: Any])?["model_type_id"] as? String == "visual-detector")
    let sure = (outputs[1]["data"] as? [String: Any])?["regions"] as? [[String: Any]]
    #expect(sure?.count == 1)
  }

  @Test func corruptOrMissingPredictionsStopBeforeAnythingIsWritten() throws {
    let temp = try TemporaryDirectory("weir-run")
    defer { temp.remove() }
    let workflow = try String(
      contentsOf: Repository.root.appendingPathComponent("examples/auto-annotation/workflow.yaml"),
      encoding: .utf8)
    try temp.write(
      "broken.jsonl",
      "{\"input\": \"a.jpg\", \"regions\": []}\n{\"input\": \"b.jpg\", \"regions\": [{\"id\": \"r1\" \"data\": {}}]}\n"
    )
    try temp.write(
      "corrupt.yaml", workflow.replacingOccurrences(of: "predictions.json", with: "broken.jsonl"))
    try temp.write(
      "missing.yaml", workflow.replacingOccurrences(of: "predictions.json", with: "nowhere.json"))
    let store = temp.path("weir.db")
    let corrupt = try WeirProcess.run(["run", temp.path("corrupt.yaml"), "--store", store])
    #expect(corrupt.status == 2)
    #expect(
      corrupt.stderr
        == "weir: \(temp.path("broken.jsonl")):2:44: expected ',' or '}' in an object, found '\"'\n")
    #expect(corrupt.stdout == "")
    let missing = try WeirProcess.run(["run", temp.path("missing.yaml"), "--store", store])
    #expect(missing.status == 2)
    #expect(missing.stderr == "weir: \(temp.path("nowhere.json")): no such predictions file or folder\n")
    #expect(!FileManager.default.fileExists(atPath: store))
  }

  @Test func badInputsAreAUsageError() throws {
    let r = try WeirProcess.run([
      "run", "examples/auto-annotation/workflow.yaml", "--dry-run", "--inputs", "no/such/folder",
    ])
    #expect(r.status == 2)
    #expect(r.stderr == "weir: no/such/folder: no such file or folder\n")
  }

  /// The built-in detector on a folder with one photo and one file that is not an image: the bad
  /// input is reported with its node, the photo's annotations are written, the exit status is 1.
  @Test func anUnreadableInputFailsAloneAndTheOthersAreWritten() throws {
    let temp = try TemporaryDirectory("weir-run")
    defer { temp.remove() }
    let photos = temp.url.appendingPathComponent("photos")
    try FileManager.default.createDirectory(at: photos, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: Repository.root.appendingPathComponent("examples/pets/photos/cat_kitten_gcompris.jpg"),
      to: photos.appendingPathComponent("cat_kitten_gcompris.jpg"))
    try Data("this is not a jpeg".utf8).write(to: photos.appendingPathComponent("broken.jpg"))
    let store = temp.path("weir.db")
    let r = try WeirProcess.run([
      "run", "examples/pets/workflow.yaml", "--inputs", photos.path, "--store", store,
    ])
    #expect(r.status == 1)
    #expect(r.stdout.contains("ran 'pets' on 2 inputs, 1 failed: 1 annotation written to"))
    #expect(
      r.stdout.contains(
        "failed inputs\n  broken.jpg at detect: cannot read image '\(photos.path)/broken.jpg'"))
    let rows = try Self.rows(store)
    #expect(rows.map(\.input) == ["cat_kitten_gcompris.jpg"])
    #expect(rows.first?.status == 24150)
  }

  /// Another connection holds the write lock: the run says so and stops with status 1; once the
  /// lock is gone, the same command writes everything.
  @Test func aLockedDatabaseIsAClearErrorAndNothingIsLost() throws {
    let temp = try TemporaryDirectory("weir-run")
    defer { temp.remove() }
    let store = temp.path("weir.db")
    let arguments = [
      "run", "examples/auto-annotation/workflow.yaml", "--store", store, "--lock-timeout", "0.2",
    ]
    // A store written with other thresholds, then locked by another connection.
    #expect(try WeirProcess.run(arguments + ["--set", "review=0.99"]).status == 0)
    let holder = try LockHolder(path: store)
    let locked = try WeirProcess.run(arguments)
    holder.release()
    #expect(locked.status == 1)
    #expect(
      locked.stderr.hasPrefix(
        "weir: cannot start the run in the store: the annotation store '\(store)' is locked by another writer (waited 200 ms)"
      ),
      "\(locked.stderr)")
    let again = try WeirProcess.run(arguments)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(Set(try Self.rows(store)) == (try Self.expectedReferenceRows()))
  }

  /// A run over 20,000 replayed inputs is SIGKILLed part way; running the same command again
  /// resumes it, and every expected row is in the store exactly once.
  @Test func aRunKilledMidwayResumesAndEveryRowIsThereOnce() throws {
    let temp = try TemporaryDirectory("weir-run")
    defer { temp.remove() }
    let gen = SyntheticPredictions(images: 20_000, regionsPerImage: 3, seed: 11)
    try temp.write("synthetic.jsonl", gen.jsonLines())
    let workflow = try String(
      contentsOf: Repository.root.appendingPathComponent("examples/auto-annotation/workflow.yaml"),
      encoding: .utf8)
    try temp.write(
      "workflow.yaml", workflow.replacingOccurrences(of: "predictions.json", with: "synthetic.jsonl"))
    let store = temp.path("weir.db")
    let arguments = [
      "run", temp.path("workflow.yaml"), "--store", store, "--jobs", "1", "--batch-size", "50",
      "--progress-interval", "0",
    ]

    let child = Process()
    child.executableURL = try WeirProcess.executable()
    child.arguments = arguments
    child.currentDirectoryURL = temp.url
    let err = Pipe()
    child.standardError = err
    child.standardOutput = FileHandle.nullDevice
    try child.run()
    // Kill it once at least 3,000 inputs are delivered (so written), well before the end.
    var seen = ""
    while seen.range(of: #"progress: ([3-9]\d{3}|1\d{4})/"#, options: .regularExpression) == nil {
      let chunk = err.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      seen += String(decoding: chunk, as: UTF8.self)
    }
    kill(child.processIdentifier, SIGKILL)
    child.waitUntilExit()
    #expect(child.terminationReason == .uncaughtSignal, "the run ended before it was killed: \(seen)")

    let partial = try Self.rows(store).count
    let resumed = try WeirProcess.run(arguments)
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(resumed.stderr.contains("weir: resuming run "), "\(resumed.stderr)")
    #expect(resumed.stdout.hasPrefix("ran 'auto-annotation' on 20000 inputs:"), "\(resumed.stdout)")

    var expected: [Row] = []
    gen.forEach { input, record in
      for region in record.regions {
        for c in region.concepts {
          if let (node, status) = Self.decide(c.value) {
            expected.append(
              Row(
                input: input.id, region: region.id, concept: c.id, node: node, status: status,
                confidence: c.value))
          }
        }
      }
    }
    let rows = try Self.rows(store)
    #expect(partial > 0 && partial < expected.count)
    #expect(rows.count == expected.count)
    #expect(Set(rows) == Set(expected))
    let runs = try WeirProcess.run(["annotations", "runs", "--store", store])
    #expect(runs.stdout.split(separator: "\n").count == 2, "one run, resumed: \(runs.stdout)")
  }

  /// Ctrl-C: the batches in flight finish and are written, the run ends `interrupted` with status
  /// 130, and the next run finishes it.
  @Test func ctrlCStopsCleanlyAndTheNextRunFinishes() throws {
    let temp = try TemporaryDirectory("weir-run")
    defer { temp.remove() }
    let gen = SyntheticPredictions(images: 20_000, regionsPerImage: 2, seed: 12)
    try temp.write("synthetic.jsonl", gen.jsonLines())
    let workflow = try String(
      contentsOf: Repository.root.appendingPathComponent("examples/auto-annotation/workflow.yaml"),
      encoding: .utf8)
    try temp.write(
      "workflow.yaml", workflow.replacingOccurrences(of: "predictions.json", with: "synthetic.jsonl"))
    let store = temp.path("weir.db")
    let arguments = [
      "run", temp.path("workflow.yaml"), "--store", store, "--jobs", "1", "--batch-size", "50",
      "--progress-interval", "0",
    ]
    let child = try BackgroundWeir(arguments)
    child.readStandardError(until: #"progress: ([2-9]\d{3}|1\d{4})/"#)
    kill(child.process.processIdentifier, SIGINT)
    let (status, stdout) = child.finish()
    let seen = child.standardError
    #expect(status == 130, "\(seen)")
    #expect(seen.contains("weir: stopping after the batches in flight (Ctrl-C again to quit now)"))
    #expect(stdout.hasPrefix("ran 'auto-annotation' on "))
    let runs = try WeirProcess.run(["annotations", "runs", "--store", store])
    #expect(runs.stdout.contains("interrupted"), "\(runs.stdout)")
    let finished = try WeirProcess.run(arguments)
    #expect(finished.status == 0)
    #expect(finished.stderr.contains("weir: resuming run "))
    #expect(finished.stdout.hasPrefix("ran 'auto-annotation' on 20000 inputs:"), "\(finished.stdout)")
  }

  /// `--record` writes what the built-in detector found; a workflow replaying the recording gives
  /// the same annotations without running the detector again.
  @Test func recordedDetectorOutputReplaysToTheSameSummary() throws {
    let temp = try TemporaryDirectory("weir-run")
    defer { temp.remove() }
    let photos = temp.url.appendingPathComponent("photos")
    try FileManager.default.createDirectory(at: photos, withIntermediateDirectories: true)
    for name in ["cat_kitten_gcompris.jpg", "cat_tabby_opencvdoc.jpg"] {
      try FileManager.default.copyItem(
        at: Repository.root.appendingPathComponent("examples/pets/photos/\(name)"),
        to: photos.appendingPathComponent(name))
    }
    let recording = temp.path("recorded.jsonl")
    let live = try WeirProcess.run([
      "run", "examples/pets/workflow.yaml", "--inputs", photos.path, "--dry-run", "--record", recording,
    ])
    #expect(live.status == 0, "\(live.stderr)")
    let lines = try String(contentsOfFile: recording, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines.allSatisfy { $0.contains("\"model\":\"cat-faces\"") })
    let workflow = try String(
      contentsOf: Repository.root.appendingPathComponent("examples/pets/workflow.yaml"),
      encoding: .utf8)
    try temp.write(
      "replayed.yaml",
      workflow.replacingOccurrences(
        of: "backend: {builtin: cat-face, scale_factor: 1.1, min_neighbors: 3}",
        with: "backend: {replay: recorded.jsonl}"))
    let replayed = try WeirProcess.run(["run", temp.path("replayed.yaml"), "--dry-run"])
    #expect(replayed.status == 0, "\(replayed.stderr)")
    #expect(replayed.stdout == live.stdout)
    #expect(live.stdout.hasPrefix("ran 'pets' on 2 inputs: 3 annotations (dry run: nothing written)"))
  }
}
