import Foundation
import Testing

@testable import WeirCore

/// A backend that answers each input from a table (a missing input gets a model error).
struct TableBackend: ModelBackend {
  var maxBatchSize: Int
  var answers: [String: DataRecord]

  func predict(_ requests: [ModelRequest]) async -> [Result<DataRecord, ModelError>] {
    requests.map { r in
      answers[r.input.id].map { .success($0) } ?? .failure(ModelError("no prediction for '\(r.input.id)'"))
    }
  }
}

/// The column evaluator against the record-by-record interpreter: the same plan on the same
/// predictions must give the same result for every input — annotations in the same order with the
/// same fields, the same errors, region counts and sizes.
@Suite struct ColumnEvaluatorTests {
  static let comparators = [
    "GREATER_THAN", "GREATER_THAN_OR_EQUAL", "LESS_THAN", "LESS_THAN_OR_EQUAL", "EQUAL",
  ]
  static let statuses = [
    "ANNOTATION_SUCCESS", "ANNOTATION_PENDING", "ANNOTATION_AWAITING_REVIEW",
    "ANNOTATION_AWAITING_CONSENSUS_REVIEW",
  ]
  /// Confidences at, just above and just below the thresholds the workflows use.
  static let thresholds: [Double] = [0.3, 0.5, 0.7]
  static let values: [Double] = thresholds.flatMap { t -> [Double] in [t, t.nextUp, t.nextDown] } + [0, 1]

  /// Predictions for `count` inputs: regions with several concepts, input-level concepts, some
  /// inputs with nothing, some the model fails on; concept ids and names that differ.
  static func predictions<G: RandomNumberGenerator>(_ count: Int, _ rng: inout G) -> [String: DataRecord] {
    let pool: [(String, String)] = [("cat", "cat"), ("dog", "dog"), ("ai_f0x", "fox"), ("bird", "bird")]
    func concepts(_ n: Int) -> [Concept] {
      (0..<n).map { _ in
        let (id, name) = pool.randomElement(using: &rng)!
        return Concept(id: id, name: name, value: values.randomElement(using: &rng)!)
      }
    }
    var answers: [String: DataRecord] = [:]
    for i in 0..<count where Int.random(in: 0..<10, using: &rng) != 0 {
      let regions = (0..<Int.random(in: 0...4, using: &rng)).map { r in
        Region(
          id: "r\(i)-\(r)",
          boundingBox: Bool.random(using: &rng)
            ? BoundingBox(topRow: 0.1, leftCol: 0.2, bottomRow: 0.3 + Double(r) / 10, rightCol: 0.9) : nil,
          concepts: concepts(Int.random(in: 0...3, using: &rng)))
      }
      let image = Bool.random(using: &rng) ? ImageRef(width: 640, height: 480 + i) : nil
      answers["in-\(i)"] = DataRecord(
        image: image, concepts: concepts(Int.random(in: 0...3, using: &rng)), regions: regions)
    }
    return answers
  }

  static func thresholder(
    _ id: String, _ type: String, input: String, comparator: String, _ concepts: [String: Double],
    default d: Double? = nil
  ) -> PlanNodeSpec {
    var params = [
      PlanParam("concept_threshold_type", .string(comparator)),
      PlanParam("concepts", .object(concepts.mapValues { .number($0) })),
    ]
    if let d { params.append(PlanParam("default_threshold", .number(d))) }
    return PlanNodeSpec(id: id, type: type, kind: .operator, inputs: [input], params: params)
  }

  static func writer(_ id: String, input: String, status: String = "ANNOTATION_SUCCESS") -> PlanNodeSpec {
    PlanNodeSpec(
      id: id, type: "annotation-writer", kind: .operator, inputs: [input],
      params: [
        PlanParam("annotation_status", .string(status)), PlanParam("annotation_user_id", .string("bot")),
      ])
  }

  static func model(_ id: String, _ name: String) -> PlanNodeSpec {
    PlanNodeSpec(
      id: id, type: "visual-detector", kind: .model(ModelSpec(name: name, type: "visual-detector")))
  }

  static func plan(_ nodes: [PlanNodeSpec]) throws -> ExecutionPlan {
    let (plan, diagnostics) = Planner().plan(workflowId: "wf", nodes: nodes, vars: [])
    guard let plan else { throw TestFailure("the plan failed: \(diagnostics)") }
    return plan
  }

  /// A replay backend holding the same answers (those in shape column-wise, the others as records).
  static func replay(_ answers: [String: DataRecord]) -> ReplayBackend {
    var data = ReplayData(source: "answers.jsonl", format: .weirLines)
    for (id, record) in answers.sorted(by: { $0.key < $1.key }) {
      data.add(InputItem(id: id), .success(record))
    }
    return ReplayBackend(data: data)
  }

  /// The backends of a plan over the answers: answering with records (`TableBackend`), or from a
  /// recording whose answers the column evaluator reads in place (`ReplayBackend`).
  static func backends(_ plan: ExecutionPlan, _ answers: [String: [String: DataRecord]], replay: Bool)
    -> [any ModelBackend]
  {
    plan.models.map { model -> any ModelBackend in
      let table = answers[model.name] ?? [:]
      return replay ? Self.replay(table) : TableBackend(maxBatchSize: 4, answers: table)
    }
  }

  /// Runs `plan` both ways over the same answers and expects the same results, input by input,
  /// with backends that answer with records and with a recording read column-wise. Returns the
  /// column evaluator's results with the record-answering backends.
  @discardableResult
  static func expectSame(
    _ plan: ExecutionPlan, _ answers: [String: [String: DataRecord]], inputs count: Int,
    columnar: Bool = true,
    sourceLocation: SourceLocation = #_sourceLocation
  ) async -> [InputResult] {
    let inputs = (0..<count).map { InputItem(id: "in-\($0)", path: "/images/\($0).jpg") }
    var first: [InputResult] = []
    for replay in [false, true] {
      let backends = Self.backends(plan, answers, replay: replay)
      let fast = Interpreter(plan: plan, backends: backends)
      let reference = Interpreter(plan: plan, backends: backends, columnar: false)
      #expect((fast.recordByRecordReason == nil) == columnar, sourceLocation: sourceLocation)
      let got = await fast.run(batch: inputs)
      let want = await reference.run(batch: inputs)
      #expect(got.count == want.count, sourceLocation: sourceLocation)
      for (g, w) in zip(got, want) {
        #expect(g.annotations == w.annotations, "input \(g.input.id)", sourceLocation: sourceLocation)
        #expect(g.annotationCount == w.annotations.count, sourceLocation: sourceLocation)
        #expect(g.error == w.error, "input \(g.input.id)", sourceLocation: sourceLocation)
        #expect(g.modelRegions == w.modelRegions, sourceLocation: sourceLocation)
        #expect(g.width == w.width && g.height == w.height, sourceLocation: sourceLocation)
        #expect(g.counts == w.counts, "input \(g.input.id)", sourceLocation: sourceLocation)
      }
      if !replay { first = got }
    }
    return first
  }

  @Test(arguments: comparators)
  func regionThresholderAtAboveAndBelowItsThreshold(comparator: String) async throws {
    let plan = try Self.plan([
      Self.model("detect", "pets"),
      Self.thresholder("keep", "region-thresholder", input: "detect", comparator: comparator, ["cat": 0.5]),
      Self.writer("write", input: "keep"),
    ])
    // One region per value, plus a dog the thresholder has no threshold for.
    let regions = Self.values.enumerated().map {
      Region(id: "r\($0)", concepts: [Concept(id: "cat", value: $1)])
    }
    let answers = [
      "in-0": DataRecord(regions: regions + [Region(id: "d", concepts: [Concept(id: "dog", value: 0.9)])])
    ]
    let results = await Self.expectSame(plan, ["pets": answers], inputs: 1)
    let written = Set(results[0].annotations.map(\.confidence))
    let cmp = ValueComparator(rawValue: Self.comparators.firstIndex(of: comparator)! + 1)!
    #expect(written == Set(Self.values.filter { cmp.passes($0, threshold: 0.5) }))
    #expect(!results[0].annotations.contains { $0.conceptId == "dog" })
  }

  @Test(arguments: comparators)
  func conceptThresholderAtAboveAndBelowItsThreshold(comparator: String) async throws {
    let plan = try Self.plan([
      Self.model("classify", "tags"),
      Self.thresholder(
        "keep", "concept-thresholder", input: "classify", comparator: comparator, ["cat": 0.5]),
      Self.writer("write", input: "keep"),
    ])
    var answers: [String: DataRecord] = [:]
    for (i, v) in Self.values.enumerated() {
      answers["in-\(i)"] = DataRecord(
        concepts: [Concept(id: "cat", value: v)],
        regions: [Region(id: "r", concepts: [Concept(id: "dog", value: v)])])
    }
    let results = await Self.expectSame(plan, ["tags": answers], inputs: Self.values.count)
    let cmp = ValueComparator(rawValue: Self.comparators.firstIndex(of: comparator)! + 1)!
    for (i, v) in Self.values.enumerated() {
      // A kept input goes on with its regions; a removed one writes nothing at all.
      #expect(results[i].annotations.count == (cmp.passes(v, threshold: 0.5) ? 2 : 0))
    }
  }

  @Test func thresholdsMatchByIdThenNameThenDefault() async throws {
    let plan = try Self.plan([
      Self.model("detect", "pets"),
      Self.thresholder(
        "keep", "region-thresholder", input: "detect", comparator: "GREATER_THAN",
        ["fox": 0.2, "ai_f0x": 0.8],
        default: 0.6),
      Self.writer("write", input: "keep"),
    ])
    let answers = [
      "in-0": DataRecord(regions: [
        Region(id: "a", concepts: [Concept(id: "ai_f0x", name: "fox", value: 0.5)]),
        Region(id: "b", concepts: [Concept(id: "ai_f0x", name: "fox", value: 0.9)]),
        Region(id: "c", concepts: [Concept(id: "owl", value: 0.65), Concept(id: "bat", value: 0.55)]),
      ])
    ]
    let results = await Self.expectSame(plan, ["pets": answers], inputs: 1)
    #expect(results[0].annotations.map { "\($0.regionId):\($0.conceptId)" } == ["b:ai_f0x", "c:owl"])
  }

  @Test func sampleCounterAndPassThroughKeepTheirRows() async throws {
    let plan = try Self.plan([
      Self.model("detect", "pets"),
      PlanNodeSpec(
        id: "some", type: "random-sample", kind: .operator, inputs: ["detect"],
        params: [PlanParam("keep_fraction", .number(0.5)), PlanParam("seed", .number(7))]),
      PlanNodeSpec(id: "count", type: "object-counter", kind: .operator, inputs: ["some"]),
      Self.writer("write", input: "count", status: "ANNOTATION_PENDING"),
    ])
    var rng = SplitMix64(seed: 11)
    let results = await Self.expectSame(plan, ["pets": Self.predictions(60, &rng)], inputs: 60)
    let written = results.filter { !$0.annotations.isEmpty }.count
    #expect(written > 5 && written < 50)
    // Inputs the sample let through are counted; the others never reach the counter.
    #expect(results.filter { !$0.counts.isEmpty }.count > 5)
    #expect(results.allSatisfy { $0.counts.allSatisfy { $0.nodeId == "count" } })
  }

  /// An object-counter counts what reaches it: every region before a region-thresholder (those
  /// without a concept too), the regions a thresholder left after one, those holding its concepts
  /// when it names some, and 0 on an input that reaches it with nothing.
  @Test func objectCountersCountAsTheInterpreterDoes() async throws {
    let plan = try Self.plan([
      Self.model("detect", "pets"),
      PlanNodeSpec(id: "all", type: "object-counter", kind: .operator, inputs: ["detect"]),
      PlanNodeSpec(
        id: "cats", type: "object-counter", kind: .operator, inputs: ["detect"],
        params: [PlanParam("concepts", .array([.string("cat")]))]),
      Self.thresholder(
        "keep", "region-thresholder", input: "detect", comparator: "GREATER_THAN", ["cat": 0.5]),
      PlanNodeSpec(id: "kept", type: "object-counter", kind: .operator, inputs: ["keep"]),
      Self.writer("write", input: "kept"),
    ])
    let answers = [
      "in-0": DataRecord(regions: [
        Region(id: "a", concepts: [Concept(id: "cat", value: 0.9), Concept(id: "dog", value: 0.1)]),
        Region(id: "b", concepts: []),
        Region(id: "c", concepts: [Concept(id: "dog", value: 0.9)]),
        Region(id: "d", concepts: [Concept(id: "cat", value: 0.2)]),
      ]),
      "in-1": DataRecord(),
    ]
    let results = await Self.expectSame(plan, ["pets": answers], inputs: 3)
    #expect(results[0].counts.map(\.count) == [4, 2, 1])
    #expect(results[1].counts.map(\.count) == [0, 0, 0])
    #expect(results[2].counts.isEmpty, "the model failed on in-2")
    var rng = SplitMix64(seed: 12)
    await Self.expectSame(plan, ["pets": Self.predictions(60, &rng)], inputs: 60)
  }

  @Test func anOpaqueOperatorRunsTheWholePlanRecordByRecord() async throws {
    let plan = try Self.plan([
      Self.model("detect", "pets"),
      PlanNodeSpec(
        id: "rename", type: "concept-synonym-mapper", kind: .operator, inputs: ["detect"],
        params: [PlanParam("synonyms", .object(["dog": .string("cat")]))]),
      Self.writer("write", input: "rename"),
    ])
    var rng = SplitMix64(seed: 5)
    await Self.expectSame(plan, ["pets": Self.predictions(20, &rng)], inputs: 20, columnar: false)
    #expect(
      Interpreter(plan: plan, backends: [TableBackend(maxBatchSize: 1, answers: [:])]).recordByRecordReason
        == "'rename' (concept-synonym-mapper) has no column form")
  }

  /// A random workflow: one or two models, then operators each reading an earlier node, and writers.
  static func randomWorkflow<G: RandomNumberGenerator>(_ rng: inout G) -> [PlanNodeSpec] {
    var nodes = [model("detect", "pets")]
    if Bool.random(using: &rng) { nodes.append(model("classify", "tags")) }
    let types = [
      "region-thresholder", "concept-thresholder", "random-sample", "object-counter", "annotation-writer",
    ]
    for n in 0..<Int.random(in: 2...9, using: &rng) {
      let input = nodes.randomElement(using: &rng)!.id
      let id = "n\(n)"
      switch types.randomElement(using: &rng)! {
      case "annotation-writer":
        nodes.append(writer(id, input: input, status: statuses.randomElement(using: &rng)!))
      case "random-sample":
        nodes.append(
          PlanNodeSpec(
            id: id, type: "random-sample", kind: .operator, inputs: [input],
            params: [PlanParam("keep_fraction", .number(Double.random(in: 0...1, using: &rng)))]))
      case "object-counter":
        nodes.append(PlanNodeSpec(id: id, type: "object-counter", kind: .operator, inputs: [input]))
      case let type:
        var concepts: [String: Double] = [:]
        for key in ["cat", "dog", "fox", "ai_f0x"] where Bool.random(using: &rng) {
          concepts[key] = thresholds.randomElement(using: &rng)!
        }
        nodes.append(
          thresholder(
            id, type, input: input, comparator: comparators.randomElement(using: &rng)!, concepts,
            default: Bool.random(using: &rng) ? thresholds.randomElement(using: &rng)! : nil))
      }
    }
    nodes.append(writer("last", input: nodes.last!.id))
    return nodes
  }

  @Test(arguments: 0..<40)
  func randomWorkflowsGiveTheInterpretersAnswers(seed: UInt64) async throws {
    var rng = SplitMix64(seed: seed)
    let plan = try Self.plan(Self.randomWorkflow(&rng))
    let answers = ["pets": Self.predictions(40, &rng), "tags": Self.predictions(40, &rng)]
    await Self.expectSame(plan, answers, inputs: 40)
  }

  @Test func aRunCountsTheSameAsTheInterpreter() async throws {
    var rng = SplitMix64(seed: 99)
    let plan = try Self.plan(Self.randomWorkflow(&rng))
    let answers = ["pets": Self.predictions(200, &rng), "tags": Self.predictions(200, &rng)]
    let inputs = (0..<200).map { InputItem(id: "in-\($0)") }
    var tallies: [RunTally] = []
    for (columnar, replay) in [(true, false), (true, true), (false, false), (false, true)] {
      let runner = Runner(
        interpreter: Interpreter(
          plan: plan, backends: Self.backends(plan, answers, replay: replay), columnar: columnar),
        options: RunOptions(jobs: 2, batchSize: 7))
      tallies.append(try await runner.run(inputs, info: InterpreterTests.info(), store: nil).summary)
    }
    // The two kinds of backend fail missing inputs with different messages; the counts agree.
    #expect(tallies[0] == tallies[2])
    #expect(tallies[1] == tallies[3])
    #expect(tallies[0].annotations == tallies[1].annotations && tallies[0].concepts == tallies[1].concepts)
    #expect(tallies[0].writers == tallies[1].writers)
    #expect(tallies[0].inputs == 200 && tallies[0].annotations > 0)
  }
}

/// Answers held column-wise come back as the records they were.
@Suite struct PredictionColumnsTests {
  @Test func everyRecordComesBackAsItWas() {
    var rng = SplitMix64(seed: 3)
    var columns = PredictionColumns()
    let records = ColumnEvaluatorTests.predictions(80, &rng).sorted { $0.key < $1.key }.map(\.value)
    let entries = records.map { columns.append($0) }
    for (record, e) in zip(records, entries) { #expect(columns.record(Int(e)) == record) }
    // A copy of an entry into other columns is the same record.
    var other = PredictionColumns()
    other.append(DataRecord(concepts: [Concept(id: "owl", value: 0.1)]))
    for (record, e) in zip(records, entries) {
      let copy = other.append(entry: Int(e), of: columns)
      #expect(other.record(Int(copy)) == record)
    }
  }

  @Test func aRecordingKeepsWhatColumnsCannotHoldAsRecords() throws {
    let whole = DataRecord(
      image: ImageRef(width: 4, height: 3), concepts: [Concept(id: "cat", value: 0.5)],
      regions: [
        Region(id: "r", boundingBox: nil, concepts: [Concept(id: "c", name: "C", value: 1)], value: 0.7)
      ])
    let texts = DataRecord(
      text: "a cat", concepts: [Concept(id: "cat", value: 0.5)], metadata: ["k": .string("v")])
    let tracked = DataRecord(regions: [Region(id: "r", trackId: "t1")])
    let unclean = DataRecord(concepts: [Concept(id: "cat", value: 0.5), Concept(id: "cat", value: 0.6)])
    var data = ReplayData(source: "x", format: .weirLines)
    let all = [whole, texts, tracked, unclean]
    for (i, record) in all.enumerated() { data.add(InputItem(id: "in-\(i)"), .success(record)) }
    for (i, record) in all.enumerated() {
      #expect(try data.prediction(for: InputItem(id: "in-\(i)")).get() == record)
    }
    #expect(data.columns.entryCount == 1)
    let answers = ReplayBackend(data: data).columnAnswers((0..<5).map { InputItem(id: "in-\($0)") })
    #expect(
      answers.map {
        if case .entry = $0 { "entry" } else if case .record = $0 { "record" } else { "failure" }
      } == [
        "entry", "record", "record", "record", "failure",
      ])
  }
}

/// The model-output check's quick acceptance of answers already in shape.
@Suite struct ModelOutputCheckFastPathTests {
  @Test func anAnswerInShapeComesBackAsItIsAndOneToFixIsStillFixed() throws {
    var rng = SplitMix64(seed: 21)
    for record in ColumnEvaluatorTests.predictions(50, &rng).values {
      let duplicated =
        record.regions.contains { r in Set(r.concepts.map(\.id)).count < r.concepts.count }
        || Set(record.concepts.map(\.id)).count < record.concepts.count
      #expect(ModelOutputCheck.isClean(record) == !duplicated)
      if !duplicated { #expect(try ModelOutputCheck.check(record, model: "m").get() == record) }
    }
    let negativeZero = DataRecord(concepts: [Concept(id: "cat", value: -0.0)])
    #expect(!ModelOutputCheck.isClean(negativeZero))
    #expect(try ModelOutputCheck.check(negativeZero, model: "m").get().concepts[0].value.sign == .plus)
    let inverted = DataRecord(regions: [
      Region(id: "r", boundingBox: BoundingBox(topRow: 0.5, leftCol: 0, bottomRow: 0.4, rightCol: 1))
    ])
    #expect(!ModelOutputCheck.isClean(inverted))
  }
}
