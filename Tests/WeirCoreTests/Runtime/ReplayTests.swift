import Foundation
import Testing

@testable import WeirCore

@Suite struct ReplayTests {
  typealias S = RuntimeTestSupport

  static func load(_ name: String, images: String? = nil, models: [String] = []) throws -> ReplayData {
    try ReplayLoader(images: images.map { S.fixture("replay", $0) }, modelIds: models).load(
      S.fixture("replay", name))
  }

  static func prediction(_ data: ReplayData, _ id: String, path: String? = nil, url: String? = nil) throws
    -> DataRecord
  {
    try data.prediction(for: InputItem(id: id, path: path, url: url)).get()
  }

  @Test func cocoResultsBecomeNormalizedRegions() throws {
    let data = try Self.load("coco-results.json", images: "coco-instances.json")
    #expect(data.format == .coco)
    #expect(data.inputs.map(\.id) == ["cat1.jpg", "dog1.jpg", "empty.jpg"])
    let cat = try Self.prediction(data, "cat1.jpg")
    #expect(cat.image?.width == 640 && cat.image?.height == 480)
    #expect(cat.regions.count == 2)
    // [64, 48, 320, 240] in a 640×480 image; cat and dog on the same box are one region.
    let big = cat.regions[0]
    #expect(big.boundingBox == BoundingBox(topRow: 0.1, leftCol: 0.1, bottomRow: 0.6, rightCol: 0.6))
    #expect(big.concepts == [Concept(id: "cat", value: 0.97), Concept(id: "dog", value: 0.02)])
    #expect(big.value == 0.97)
    #expect(cat.regions[1].boundingBox == BoundingBox(topRow: 0, leftCol: 0, bottomRow: 0.1, rightCol: 0.1))
    #expect(big.id.count == 32 && big.id != cat.regions[1].id)
    let dog = try Self.prediction(data, "dog1.jpg")
    #expect(
      dog.regions[0].boundingBox == BoundingBox(topRow: 0.1, leftCol: 0.1, bottomRow: 0.6, rightCol: 0.6))
    // The detector saw nothing here: a prediction with no regions, not a missing one.
    #expect(try Self.prediction(data, "empty.jpg").regions.isEmpty)
    // Region ids are stable across loads.
    #expect(
      try Self.prediction(try Self.load("coco-results.json", images: "coco-instances.json"), "cat1.jpg")
        == cat)
  }

  @Test func cocoResultsWithoutImagesFileIsAClearError() {
    #expect(throws: ReplayError.self) { try Self.load("coco-results.json") }
    do {
      _ = try Self.load("coco-results.json")
    } catch {
      #expect(
        "\(error)".hasSuffix(
          "coco-results.json: COCO detection results need the COCO file with images and categories; add 'images: FILE' to the replay backend"
        ))
    }
  }

  @Test func cocoFileWithScoredAnnotationsReplays() throws {
    let folder = try S.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("gt.json")
    try S.write(
      """
      {"images": [{"id": 7, "file_name": "x.jpg", "width": 100, "height": 50}], "categories": [{"id": 1, "name": "cat"}],
       "annotations": [{"id": 1, "image_id": 7, "category_id": 1, "bbox": [10, 5, 50, 25]}]}
      """, to: file)
    let data = try ReplayLoader().load(file.path)
    let x = try Self.prediction(data, "x.jpg")
    #expect(
      x.regions.first?.boundingBox == BoundingBox(topRow: 0.1, leftCol: 0.1, bottomRow: 0.6, rightCol: 0.6))
    #expect(x.regions.first?.concepts == [Concept(id: "cat", value: 1)])
  }

  @Test func clarifaiModelOutputs() throws {
    let data = try Self.load("clarifai-outputs.json")
    #expect(data.format == .clarifai)
    #expect(data.inputs.map(\.id) == ["5865e5d55a164beebc6f7a5682269cb4", "tiny"])
    let face = try Self.prediction(data, "5865e5d55a164beebc6f7a5682269cb4")
    #expect(face.regions.count == 1)
    #expect(face.regions[0].id == "32b383f26ce26a4ff16642447f9317b8")
    #expect(face.regions[0].boundingBox?.topRow == 0.151694223)
    #expect(
      face.regions[0].concepts == [Concept(id: "ai_b1b1b1b1", name: "BINARY_POSITIVE", value: 0.999997377)])
    // Found by the file name of its URL too.
    #expect(try Self.prediction(data, "celebrity.jpeg") == face)
    // A recorded failure replays as that input's failure.
    #expect(
      data.prediction(for: InputItem(id: "tiny"))
        == .failure(ModelError("recorded status 21202 (Model invalid argument: image too small)")))
  }

  @Test func clarifaiWorkflowResultsTakeTheNamedModelOrTheFirst() throws {
    let first = try Self.prediction(try Self.load("clarifai-workflow.json"), "celebrity.jpeg")
    #expect(first.regions[0].id == "32b383f2")
    let sentiment = try Self.prediction(
      try Self.load("clarifai-workflow.json", models: ["sentiment", "face-sentiment-recognition"]),
      "celebrity.jpeg")
    #expect(sentiment.regions[0].concepts.map(\.name) == ["happiness", "disgust"])
    #expect(sentiment.regions[0].concepts[1].value == 3.61372668e-06)
  }

  @Test func clarifaiFolderOfResponses() throws {
    let data = try Self.load("clarifai-folder")
    #expect(data.inputs.map(\.id) == ["in-a", "in-b"])
    #expect(try Self.prediction(data, "b.jpg").concepts == [Concept(id: "ai_dog", name: "dog", value: 0.88)])
    #expect(try Self.prediction(data, "x", url: "https://elsewhere.org/a.jpg").concepts.count == 2)
  }

  @Test func weirJSONLines() throws {
    let data = try Self.load("weir.jsonl", models: ["pets"])
    #expect(data.format == .weirLines)
    // The line of another model is skipped.
    #expect(data.inputs.map(\.id) == ["cat1.jpg", "dog1", "scene.jpg"])
    #expect(try Self.prediction(data, "cat1.jpg").regions[0].concepts == [Concept(id: "cat", value: 0.97)])
    let dog = try Self.prediction(data, "dog1")
    #expect(dog.regions[0].concepts.map(\.id) == ["dog", "cat"])
    // A region recorded without an id gets a stable one.
    #expect(dog.regions[0].id.count == 32)
    #expect(try Self.prediction(data, "x", path: "elsewhere/dog1.jpg") == dog)
    let scene = try Self.prediction(data, "scene.jpg")
    #expect(scene.concepts == [Concept(id: "outdoor", value: 0.8)])
    #expect(scene.metadata["source"] == .string("test é🐱"))
  }

  @Test func inputWithoutPredictionIsAnError() throws {
    let data = try Self.load("weir.jsonl")
    #expect(
      data.prediction(for: InputItem(id: "nope.jpg"))
        == .failure(ModelError("no prediction for input 'nope.jpg' in \(S.fixture("replay", "weir.jsonl"))")))
  }

  @Test func sameFileNameInTwoFoldersIsAmbiguous() {
    var data = ReplayData(source: "p.jsonl", format: .weirLines)
    data.add(InputItem(id: "a/1.jpg"), .success(DataRecord()))
    data.add(InputItem(id: "b/1.jpg"), .success(DataRecord()))
    #expect(data.prediction(for: InputItem(id: "a/1.jpg")) == .success(DataRecord()))
    #expect(
      data.prediction(for: InputItem(id: "1.jpg"))
        == .failure(
          ModelError("input '1.jpg' matches several predictions named '1.jpg' in p.jsonl; name inputs by id"))
    )
  }

  @Test(arguments: [
    ("corrupt.jsonl", "corrupt.jsonl:2:44: expected ',' or '}' in an object, found '\"'"),
    (
      "unknown.json",
      "unknown.json:1:1: cannot tell the format: expected COCO detection results [{image_id, category_id, bbox, score}], a Clarifai API response {outputs: [...]}, or weir JSON lines {input, regions}"
    ),
    ("missing.jsonl", "missing.jsonl: no such predictions file or folder"),
  ])
  func badFilesNameTheFileAndPosition(_ name: String, _ expected: String) {
    do {
      _ = try Self.load(name)
      Issue.record("\(name) loaded")
    } catch {
      #expect("\(error)" == S.fixture("replay", expected))
    }
  }

  @Test func truncatedAndEmptyFiles() throws {
    let folder = try S.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let cases = [
      ("empty.jsonl", "", "empty.jsonl: the predictions file is empty"),
      (
        "cut.jsonl", "{\"input\": \"a.jpg\", \"regions\": [{\"id\": \"r",
        "cut.jsonl:1:41: unterminated string, found end of file"
      ),
      (
        "noinput.jsonl", "{\"input\": \"a.jpg\"}\n{\"regions\": []}",
        "noinput.jsonl:2:1: a weir JSON line needs an \"input\", found '{'"
      ),
    ]
    for (name, text, message) in cases {
      let file = folder.appendingPathComponent(name)
      try S.write(text, to: file)
      #expect(throws: ReplayError.self) { try ReplayLoader().load(file.path) }
      do { _ = try ReplayLoader().load(file.path) } catch {
        #expect("\(error)" == folder.path + "/" + message)
      }
    }
  }

  @Test func backendAnswersPerInputAndKeepsTheInputImage() async throws {
    let backend = ReplayBackend(data: try Self.load("weir.jsonl"))
    let results = await backend.predict([
      ModelRequest(
        input: InputItem(id: "cat1.jpg", path: "photos/cat1.jpg"),
        data: DataRecord(image: ImageRef(path: "photos/cat1.jpg"))),
      ModelRequest(input: InputItem(id: "nope.jpg"), data: DataRecord()),
    ])
    #expect(try results[0].get().image?.path == "photos/cat1.jpg")
    #expect(try results[0].get().regions.count == 1)
    #expect(throws: ModelError.self) { try results[1].get() }
  }

  @Test func recordingRoundTripsThroughReplay() async throws {
    let folder = try S.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let source = ReplayBackend(data: try Self.load("weir.jsonl"))
    let path = folder.appendingPathComponent("recorded.jsonl").path
    let recorder = try PredictionRecorder(path: path)
    let recording = RecordingBackend(wrapping: source, model: "pets", recorder: recorder)
    let inputs = [
      InputItem(id: "cat1.jpg"), InputItem(id: "dog1", path: "photos/dog1.jpg"), InputItem(id: "scene.jpg"),
      InputItem(id: "nope"),
    ]
    let original = await recording.predict(inputs.map { ModelRequest(input: $0, data: DataRecord()) })
    try recorder.close()
    let replayed = try ReplayLoader(modelIds: ["pets"]).load(path)
    #expect(replayed.inputs.map(\.id) == ["cat1.jpg", "dog1", "scene.jpg"])
    for (input, result) in zip(inputs.prefix(3), original) {
      #expect(replayed.prediction(for: input) == result)
    }
    // Another model's name reads nothing from it.
    #expect(try ReplayLoader(modelIds: ["other"]).load(path).inputs.isEmpty)
  }

  @Test func syntheticPredictionsAreDeterministicAndReadBack() throws {
    let gen = SyntheticPredictions(images: 50, regionsPerImage: 4, seed: 7)
    let text = gen.jsonLines()
    #expect(text == SyntheticPredictions(images: 50, regionsPerImage: 4, seed: 7).jsonLines())
    #expect(text != SyntheticPredictions(images: 50, regionsPerImage: 4, seed: 8).jsonLines())
    let folder = try S.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("synthetic.jsonl")
    try S.write(text, to: file)
    let data = try ReplayLoader().load(file.path)
    #expect(data.count == 50)
    var n = 0
    gen.forEach { input, record in
      #expect(data.prediction(for: input) == .success(record))
      n += 1
    }
    #expect(n == 50)
  }

  /// Files over 4 MiB are read in parallel chunks: same predictions, same error positions.
  @Test func largeFilesReadInParallelChunks() throws {
    let gen = SyntheticPredictions(images: 2_500, regionsPerImage: 10, seed: 5)
    var lines = gen.jsonLines().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let folder = try S.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("big.jsonl")
    try S.write(lines.joined(separator: "\n"), to: file)
    #expect(
      try FileManager.default.attributesOfItem(atPath: file.path)[.size] as! Int
        > ReplayFileReader.parallelThreshold)
    let data = try ReplayLoader().load(file.path)
    #expect(data.inputs.map(\.id) == (0..<2_500).map(SyntheticPredictions.inputId))
    var same = true
    gen.forEach { input, record in same = same && data.prediction(for: input) == .success(record) }
    #expect(same)
    // Break line 2,001 (in the last chunk): the error names that line.
    lines[2_000] = lines[2_000].replacingOccurrences(of: "\"regions\":[", with: "\"regions\":[x")
    try S.write(lines.joined(separator: "\n"), to: file)
    do {
      _ = try ReplayLoader().load(file.path)
      Issue.record("the broken file loaded")
    } catch {
      #expect(error.line == 2_001)
      #expect(error.column == 38)
      #expect(error.message == "expected '{', found 'x'")
    }
  }
}

/// Replay files and manifests mangled at random (deterministic seeds): every one loads or fails
/// with an error naming the file; none crashes or hangs.
@Suite struct ReplayFuzzTests {
  typealias S = RuntimeTestSupport

  static let sources = [
    "weir.jsonl", "clarifai-outputs.json", "clarifai-workflow.json", "coco-results.json",
    "coco-instances.json",
  ]

  @Test(arguments: sources)
  func mangledFilesNeverCrash(_ name: String) throws {
    let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: S.fixture("replay", name))))
    let folder = try S.temporaryFolder("weir-fuzz")
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent(name)
    var rng = SplitMix64(seed: UInt64(name.utf8.count))
    let nasty: [[UInt8]] = [
      Array("1e400".utf8), Array("-".utf8), Array("\"\\u".utf8), Array("[[[[[[[[[[".utf8), [0xff, 0xfe], [0],
      Array("{\"width\": 1e300}".utf8), Array("null".utf8),
    ]
    for _ in 0..<150 {
      var bytes = original
      for _ in 0..<(1 + Int(rng.next() % 3)) {
        let at = Int(rng.next() % UInt64(max(1, bytes.count)))
        switch rng.next() % 4 {
        case 0: bytes.removeSubrange(at..<min(bytes.count, at + 1 + Int(rng.next() % 20)))
        case 1: bytes.insert(contentsOf: nasty[Int(rng.next() % UInt64(nasty.count))], at: at)
        case 2: if at < bytes.count { bytes[at] = UInt8(truncatingIfNeeded: rng.next()) }
        default: bytes = Array(bytes.prefix(at))
        }
      }
      try Data(bytes).write(to: file)
      let images = name.hasPrefix("coco-results") ? S.fixture("replay", "coco-instances.json") : nil
      do {
        _ = try ReplayLoader(images: images).load(file.path)
      } catch {
        #expect(error.path == file.path)
      }
      do {
        _ = try InputResolver(baseDirectory: folder.path).resolve([name])
      } catch {
        #expect(error.path == name)
      }
    }
  }
}
