import Foundation
import WeirCore

extension ReplSession {
  /// How a workflow runs in the session: on the column evaluator (as `weir run` runs it), or by
  /// the record interpreter (and why).
  enum Engine {
    case columns(ColumnProgram)
    case interpreter(reason: String)
  }

  /// The loaded, checked workflow and the table, or the error to answer.
  func ready() -> Result<(CheckedWorkflow, PredictionTable), ReplResponseError> {
    guard let checked else { return .failure(ReplResponseError("no workflow loaded; use 'load FILE' first")) }
    guard let table, !table.inputs.isEmpty else {
      return .failure(ReplResponseError("no inputs; use 'inputs PATH|GLOB'"))
    }
    return .success((checked, table))
  }

  /// The column evaluator when the workflow's plan compiles to columns (its models read the
  /// input, its operators each have a column form), else the interpreter.
  func engine(_ checked: CheckedWorkflow) -> Engine {
    guard let document else { return .interpreter(reason: "no workflow loaded") }
    let folder = (document.path as NSString).deletingLastPathComponent
    let (planned, diagnostics) = environment.driver.plan(
      checked, baseDirectory: folder.isEmpty ? "." : folder)
    guard let plan = planned else {
      return .interpreter(
        reason: "the workflow did not plan: \(diagnostics.first?.message ?? "unknown reason")")
    }
    switch ColumnProgram.compile(plan) {
    case .success(let program): return .columns(program)
    case .failure(let problem): return .interpreter(reason: problem.reason)
    }
  }

  /// What the column evaluator gives for a run: the writers (in the order of their bits), each
  /// prediction's writers and branch, and the counts.
  struct ColumnEvaluation {
    var writers: [RunWriter]
    var masks: [UInt64]
    var branches: [UInt8]
    var counts: RunCounts
  }

  /// Every prediction of the table through a compiled plan. A model node the table has no
  /// outputs for gives nothing.
  func evaluate(_ program: ColumnProgram, _ table: PredictionTable) -> ColumnEvaluation {
    var columns: [ModelColumns] = []
    var offsets: [Int] = []
    for node in program.modelNodes {
      if let m = table.modelNodes.firstIndex(of: node) {
        columns.append(table.models[m])
        offsets.append(table.rowOffset[m])
      } else {
        columns.append(
          ModelColumns(PredictionColumns(), entry: [Int32](repeating: -1, count: table.inputs.count)))
        offsets.append(0)
      }
    }
    var masks = program.evaluate(
      inputs: table.inputs, columns: columns, offsets: offsets, rowCount: table.rowCount)
    // Writers are listed (and their bits numbered) in the workflow's order, as the interpreter's
    // runs list them, not in the plan's.
    let order = (checked?.flatWriters(operators) ?? []).map(\.id)
    let planned = program.writers
    let ranked = planned.indices.sorted {
      (order.firstIndex(of: planned[$0].node) ?? order.count, $0)
        < (order.firstIndex(of: planned[$1].node) ?? order.count, $1)
    }
    if ranked != Array(planned.indices) {
      var bitOf = [Int](repeating: 0, count: planned.count)
      for (to, from) in ranked.enumerated() { bitOf[from] = to }
      for r in masks.indices where masks[r] != 0 {
        var out: UInt64 = 0
        var m = masks[r]
        while m != 0 {
          out |= 1 << UInt64(bitOf[m.trailingZeroBitCount])
          m &= m - 1
        }
        masks[r] = out
      }
    }
    let writers = ranked.map { RunWriter(node: planned[$0].node, status: planned[$0].writer.status) }
    let (counts, branches) = table.count(masks, writers: writers.map(\.status))
    return ColumnEvaluation(writers: writers, masks: masks, branches: branches, counts: counts)
  }

  /// `run`: every cached prediction through the workflow with the current settings.
  func run() async -> ReplResponse {
    let start = environment.clock()
    let (checked, table): (CheckedWorkflow, PredictionTable)
    switch ready() {
    case .success(let r): (checked, table) = r
    case .failure(let error): return error.response
    }
    let writers: [RunWriter]
    let concepts: [String]
    let tally: RunBreakdown
    let masks: [UInt64]
    let branches: [UInt8]
    var notes: [String] = []
    switch engine(checked) {
    case .columns(let program):
      let evaluation = evaluate(program, table)
      writers = evaluation.writers
      concepts = table.conceptIds
      tally = RunBreakdown(evaluation.counts, writers: writers.map(\.node), concepts: concepts)
      (masks, branches) = (evaluation.masks, evaluation.branches)
    case .interpreter(let reason):
      switch await interpret(checked, table) {
      case .failure(let error): return error.response
      case .success(let run):
        (writers, concepts, tally, masks, branches) = (
          run.writers, run.concepts, run.tally, run.writerMasks, run.branches
        )
        notes.append("  run by the interpreter: \(reason)")
        if run.unmatched > 0 {
          notes.append(
            "  \(ReplFormat.plural(run.unmatched, "annotation")) of new regions or concepts: counted per writer, in no branch"
          )
        }
        notes += run.failures.prefix(10).map { "  failed: \($0)" }
      }
    }
    runCount += 1
    var report = ReplRunReport(
      number: runCount, inputs: table.inputs.count, regions: table.regionCount, predictions: table.rowCount,
      writers: writers, concepts: concepts, tally: tally, previous: lastReport?.tally,
      truth: truthScore(table, branches, iou: 0.5), previousTruth: lastReport?.truth,
      settings: settingLines(),
      elapsed: environment.clock() - start)
    report.notes = notes
    lastReport = report
    snapshots.append(
      RunSnapshot(
        number: runCount, generation: tableGeneration, writers: writers.map(\.node), masks: masks,
        branches: branches,
        table: table))
    if snapshots.count > 2 { snapshots.removeFirst() }
    return ReplResponse(text: report.text, payload: .run(report))
  }

  /// The ground-truth score of a run, when there is ground truth.
  func truthScore(_ table: PredictionTable, _ branches: [UInt8], iou: Double) -> TruthScore? {
    guard let truth else { return nil }
    if truthIndex?.generation != tableGeneration || truthIndex?.iou != iou {
      truthIndex = (tableGeneration, iou, TruthIndex(table: table, truth: truth, iou: iou))
    }
    return truthIndex?.index.score(branches)
  }

  func settingLines() -> [String] {
    settings.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value.flowText)" }
  }

  /// `diff`: predictions whose branch changed between the last two runs.
  func diff() -> ReplResponse {
    guard snapshots.count == 2 else {
      return .error(
        "'diff' compares the last two runs; there \(snapshots.count == 1 ? "is one" : "are none") yet: 'run', change something, 'run' again"
      )
    }
    let (a, b) = (snapshots[0], snapshots[1])
    var changed: [(row: Int, old: Int)] = []
    var compared = 0
    if a.generation == b.generation {
      compared = b.table.rowCount
      for row in 0..<b.table.rowCount where a.masks[row] != b.masks[row] && a.branches[row] != b.branches[row]
      {
        changed.append((row, row))
      }
    } else {
      var old: [String: Int] = [:]
      for row in 0..<a.table.rowCount { old[Self.key(a.table, row)] = row }
      for row in 0..<b.table.rowCount {
        guard let o = old[Self.key(b.table, row)] else { continue }
        compared += 1
        if a.branches[o] != b.branches[row] { changed.append((row, o)) }
      }
    }
    // Listed in table order (input by input), as `explain` shows predictions.
    changed.sort { b.table.tableOrderKey($0.row).lexicographicallyPrecedes(b.table.tableOrderKey($1.row)) }
    let changes = changed.map { c in
      change(
        c.row, b.table, from: (a.branches[c.old], a.masks[c.old], a.writers),
        to: (b.branches[c.row], b.masks[c.row], b.writers))
    }
    let result = RunDiff(fromRun: a.number, toRun: b.number, changes: changes, compared: compared)
    return ReplResponse(text: result.text, payload: .diff(result))
  }

  private static func key(_ t: PredictionTable, _ row: Int) -> String {
    let input = t.inputs[t.input(ofRow: row)].id
    let concept = t.conceptIds[t.concept(ofRow: row)]
    return "\(t.modelNodes[t.model(ofRow: row)])\u{1}\(input)\u{1}\(t.regionId(ofRow: row))\u{1}\(concept)"
  }

  private func change(
    _ row: Int, _ t: PredictionTable, from: (UInt8, UInt64, [String]), to: (UInt8, UInt64, [String])
  ) -> RunDiff.Change {
    func names(_ mask: UInt64, _ writers: [String]) -> [String] {
      writers.indices.filter { mask & (1 << UInt64($0)) != 0 }.map { writers[$0] }
    }
    return RunDiff.Change(
      input: t.inputs[t.input(ofRow: row)].id, region: t.regionId(ofRow: row),
      concept: t.conceptIds[t.concept(ofRow: row)], confidence: t.value(ofRow: row),
      from: PredictionBranch(rawValue: from.0) ?? .dropped, to: PredictionBranch(rawValue: to.0) ?? .dropped,
      fromWriters: names(from.1, from.2), toWriters: names(to.1, to.2))
  }

  /// `explain INPUT`: each prediction of one input, node by node, with the current settings.
  func explain(_ name: String) async -> ReplResponse {
    let (checked, table): (CheckedWorkflow, PredictionTable)
    switch ready() {
    case .success(let r): (checked, table) = r
    case .failure(let error): return error.response
    }
    guard let index = findInput(name, in: table.inputs) else {
      let hint = NameSuggester.didYouMean(name, in: table.inputs.map(\.id))
      return .error("no input is named '\(name)'\(hint); 'inputs' lists them")
    }
    var trace: (Int) -> (steps: [Explanation.Step], branch: PredictionBranch)
    switch engine(checked) {
    case .columns(let program):
      let own = table.columns(ofInput: index)
      let columns = program.modelNodes.map { node in
        table.modelNodes.firstIndex(of: node).map { own[$0] }
          ?? ModelColumns(PredictionColumns(), entry: [-1])
      }
      let traced = program.trace(table.inputs[index], columns: columns)
      trace = { row in
        let m = table.model(ofRow: row)
        guard let k = program.modelNodes.firstIndex(of: table.modelNodes[m]) else { return ([], .dropped) }
        let local = row - table.rowOffset[m] - Int(table.models[m].inputStart[index])
        let steps = traced.steps(model: k, row: local)
        let branch = steps.compactMap { step -> PredictionBranch? in
          if case .written(let status) = step.outcome { return PredictionBranch(status: status) }
          return nil
        }.max()
        return (steps.map(Self.explanationStep), branch ?? .dropped)
      }
    case .interpreter:
      let sub = table.restricted(toInput: index)
      switch await interpret(checked, sub, keepOutputs: true) {
      case .failure(let error): return error.response
      case .success(let run):
        trace = { row in
          let local = table.restrictedRow(row, input: index)
          return (
            InterpretedTrace.steps(run, sub, row: local),
            PredictionBranch(rawValue: run.branches[local]) ?? .dropped
          )
        }
      }
    }
    let explanation = Explanation(input: table.inputs[index].id, regions: regionTraces(table, index, trace))
    return ReplResponse(text: explanation.text, payload: .explanation(explanation))
  }

  /// A step of the column evaluator's trace as `explain` shows it.
  static func explanationStep(_ step: ColumnTrace.Step) -> Explanation.Step {
    let outcome: Explanation.Outcome
    switch step.outcome {
    case .predicted: outcome = .predicted
    case .passed: outcome = .passed
    case .compared(let concept, let value, let comparator, let threshold, let kept):
      let test =
        "\(concept) \(ReplFormat.confidence(value, against: threshold)) \(comparator.symbol) \(ReplFormat.confidence(threshold))"
      outcome = kept ? .kept(test) : .removed("\(test) is false")
    case .noThreshold(let concept): outcome = .removed("no threshold for '\(concept)'")
    case .gated(let kept): outcome = kept ? .passed : .removed("no concept of the input passed it")
    case .sampled(let kept): outcome = kept ? .kept("in the sample") : .removed("not in the sample")
    case .written(let status): outcome = .written(status)
    case .unchanged: outcome = .kept("passed on")
    }
    return Explanation.Step(node: step.node, outcome: outcome)
  }

  /// The predictions of one input grouped by region, each traced.
  private func regionTraces(
    _ table: PredictionTable, _ index: Int,
    _ trace: (Int) -> (steps: [Explanation.Step], branch: PredictionBranch)
  ) -> [Explanation.RegionTrace] {
    var traces: [Explanation.RegionTrace] = []
    var traceIndex: [String: Int] = [:]
    for row in table.rows(ofInput: index) {
      let m = table.model(ofRow: row)
      let region = table.regionId(ofRow: row)
      let key = "\(m)\u{1}\(region)"
      if traceIndex[key] == nil {
        traceIndex[key] = traces.count
        traces.append(
          Explanation.RegionTrace(
            model: table.modelNodes[m], region: region, box: table.box(ofRow: row), predictions: []))
      }
      let (steps, branch) = trace(row)
      traces[traceIndex[key]!].predictions.append(
        Explanation.Prediction(
          concept: table.conceptIds[table.concept(ofRow: row)], confidence: table.value(ofRow: row),
          steps: steps, branch: branch))
    }
    return traces
  }

  /// An input by id, by file name, or by path as typed.
  func findInput(_ name: String, in inputs: [InputItem]) -> Int? {
    if let i = inputs.firstIndex(where: { $0.id == name }) { return i }
    if let i = inputs.firstIndex(where: { $0.path == name || $0.path == environment.resolve(name) }) {
      return i
    }
    let base = GroundTruth.basename(name)
    let matches = inputs.indices.filter { GroundTruth.basename(inputs[$0].id) == base }
    return matches.count == 1 ? matches[0] : nil
  }
}
