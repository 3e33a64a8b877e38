import Foundation
import Testing

@testable import WeirCore
@testable import WeirREPL

/// One descriptor drives the runtime, the band analysis and the REPL's fast path: a node type
/// registered with nothing but a descriptor gets all three, with no other edit.
@Suite struct OperatorDescriptorTests {
  /// A test-only thresholder: regions whose concepts are strictly above their threshold. Its
  /// comparator is fixed, so it has no `concept_threshold_type`.
  static let declaration = """
    weir: 1
    types:
      keep-above:
        family: filter
        runs: operator
        doc: Keeps the concepts of each region that are above their threshold.
        input: regions[...].data.concepts
        output: regions[...].data.concepts
        pass_through: true
        params:
          concepts: {type: concept-thresholds, range: "[0, 1]", doc: One threshold per concept.}

    """

  static let workflow = """
    weir: 1
    workflow: keep
    vars:
      accept: 0.95
    models:
      pets:
        type: visual-detector
        concepts: [cat, dog]
        backend: {replay: pets.jsonl}
    nodes:
      detect: {model: pets}
      keep:
        type: keep-above
        input: detect
        params: {concepts: {cat: $accept, dog: $accept}}
      write:
        type: annotation-writer
        input: keep
        params: {annotation_status: ANNOTATION_SUCCESS}

    """

  /// The standard operators plus `keep-above`, described in one registration.
  static let operators: OperatorRegistry = {
    var r = OperatorRegistry.standard
    r.register("keep-above") { p in
      .threshold(
        ThresholdDescriptor(
          scope: .regions, comparator: Sourced(.greaterThan), thresholds: try p.thresholdEntries("concepts")))
    }
    return r
  }()

  static func library() throws -> NodeTypeLibrary {
    var library = NodeTypeLibrary.standard
    let problems = library.load([SourceFile(path: "keep-above.yaml", text: declaration)])
    try #require(problems.isEmpty, "\(problems)")
    return library
  }

  static func checked() throws -> (CheckOutcome, NodeTypeLibrary) {
    let library = try library()
    let outcome = Frontend.check(
      SourceFile(path: "keep.yaml", text: workflow), library: library, operators: Self.operators)
    try #require(!outcome.hasErrors, "\(outcome.diagnostics)")
    return (outcome, library)
  }

  @Test func lintGetsBandsFromTheDescriptor() throws {
    let (outcome, _) = try Self.checked()
    let checked = try #require(outcome.checked)
    let keep = try #require(BandGraph(checked: checked, operators: Self.operators).node("keep"))
    let spec = try #require(keep.thresholder, "keep-above is a thresholder to lint")
    #expect(spec.comparator?.value == .greaterThan)
    #expect(spec.thresholds.map(\.concept.value) == ["cat", "dog"])
    // The threshold points where `$accept` is used, as for the stdlib's thresholders.
    let cat = try #require(spec.thresholds.first)
    #expect(outcome.file.slice(cat.value.range) == "$accept")
    // Only above 0.95 reaches the writer.
    let bands = Linter(operators: Self.operators).lint(outcome).bands
    let cats = try #require(bands?.incoming("write").named["cat"])
    #expect(!cats.contains(0.95) && cats.contains(0.96))
    // Without the registration it is a node weir cannot run, and lint lets everything through.
    #expect(BandGraph(checked: checked).node("keep")?.thresholder == nil)
    #expect(Linter().lint(outcome).bands?.incoming("write").named["cat"]?.contains(0.5) == true)
  }

  @Test func theRuntimeBuildsItsOperatorFromTheDescriptor() throws {
    let (outcome, _) = try Self.checked()
    let checked = try #require(outcome.checked)
    let (plan, diagnostics) = Planner(registry: Self.operators).plan(checked, baseDirectory: ".")
    #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
    let step = try #require(plan?.steps.first { $0.nodeId == "keep" })
    guard case .operator(let op) = step.action, let t = op as? RegionThresholder else {
      return #expect(Bool(false), "\(String(describing: step.action))")
    }
    #expect(t.thresholds.plainText == "cat > 0.95, dog > 0.95")
    // Without the registration weir cannot run it (the planner refuses it: plan.unsupported-node).
    #expect(!OperatorRegistry.standard.implements("keep-above"))
  }

  @Test func theREPLRunsItOnTheColumnEvaluatorAsTheInterpreterDoes() async throws {
    let library = try Self.library()
    let dir = try ReplFixtures.scratch(["pets.jsonl"])
    defer { try? FileManager.default.removeItem(at: dir) }
    try Self.workflow.write(to: dir.appendingPathComponent("keep.yaml"), atomically: true, encoding: .utf8)
    var environment = ReplEnvironment(
      currentDirectory: dir.path, typeLibrary: { _ in library }, clock: { 0 }, models: TestReplaySource())
    environment.operators = Self.operators
    let session = ReplSession(environment: environment)
    let loaded = await session.handle("load keep.yaml")
    #expect(!loaded.isError, "\(loaded.text)")
    let checked = try #require(session.checked)
    let table = try #require(session.table)
    guard case .columns(let program) = session.engine(checked) else {
      return #expect(Bool(false), "keep.yaml should run on the column evaluator")
    }
    let fast = session.evaluate(program, table)
    let slow = try await session.interpret(checked, table).get()
    #expect(fast.masks == slow.writerMasks)
    #expect(fast.counts.total(.accepted) == Reference.counts(accept: 0.95, review: 0.5)["accepted"])
    let run = await session.handle("run")
    guard case .run(let report) = run.payload else { return #expect(Bool(false), "\(run.text)") }
    #expect(report.tally.total(.accepted) == Reference.counts(accept: 0.95, review: 0.5)["accepted"])
  }

  @Test func checkedParametersKeepTheirRangesAndPlainOnesThrow() throws {
    let (outcome, _) = try Self.checked()
    let writer = try #require(outcome.checked?.node("write"))
    let d = try #require(
      try OperatorRegistry.standard.describe(type: "annotation-writer", params: CheckedParams(node: writer))?
        .write)
    #expect(d.status?.value == .success)
    let range = try #require(d.status?.range)
    #expect(outcome.file.slice(range) == "ANNOTATION_SUCCESS")
    // A plan's plain parameters name the problem; a checked node's leave the value out.
    #expect(throws: OperatorConfigError("random-sample needs 'keep_fraction'")) {
      try OperatorRegistry.standard.describe(type: "random-sample", params: OperatorParams())
    }
    #expect(
      try OperatorRegistry.standard.describe(type: "byte-tracker", params: OperatorParams()).map { _ in 1 }
        == nil)
  }

  @Test func weirTypesSaysWhatRunsWhere() throws {
    let library = try Self.library()
    func runs(_ name: String, _ operators: OperatorRegistry = .standard) throws -> NodeExecution {
      operators.execution(of: try #require(library.type(named: name)), in: library)
    }
    #expect(try runs("region-thresholder") == .local)
    #expect(try runs("concept-threshold") == .local)
    #expect(try runs("visual-detector") == .remote)
    #expect(try runs("isolation-operator") == .checkOnly)
    #expect(try runs("triage") == .local)
    #expect(try runs("keep-above") == .checkOnly)
    #expect(try runs("keep-above", Self.operators) == .local)
  }
}
