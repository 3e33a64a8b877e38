import WeirCore

extension ReplSession {
  /// How a workflow runs in the session: on the fast path, or by the interpreter (and why).
  enum Engine {
    case fast(BoundPipeline)
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

  /// The fast path when the workflow is made of thresholders and writers after its models,
  /// else the interpreter.
  func engine(_ checked: CheckedWorkflow, _ table: PredictionTable) -> Engine {
    switch PipelineCompiler(operators: operators).compile(checked) {
    case .failure(let problem): return .interpreter(reason: problem.reason)
    case .success(let spec):
      let conceptGate = spec.steps.contains {
        if case .conceptThreshold = $0.operation { return true } else { return false }
      }
      if conceptGate, table.regionCount > 0 {
        return .interpreter(reason: "a concept-thresholder decides whether regions go on")
      }
      guard let bound = BoundPipeline(spec, table) else {
        return .interpreter(reason: "more than \(BoundPipeline.maxSteps) nodes lead to writers")
      }
      return .fast(bound)
    }
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
    switch engine(checked, table) {
    case .fast(let bound):
      let evaluation = PipelineEvaluator.evaluate(bound, table, masks: true, branches: true)
      writers = bound.writers.map { RunWriter(node: $0.node, status: $0.status) }
      concepts = table.conceptIds
      tally = RunBreakdown(evaluation.counts, writers: writers.map(\.node), concepts: concepts)
      (masks, branches) = (evaluation.writerMasks, evaluation.branches)
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
    var changes: [RunDiff.Change] = []
    var compared = 0
    if a.generation == b.generation {
      compared = b.table.rowCount
      for row in 0..<b.table.rowCount where a.masks[row] != b.masks[row] && a.branches[row] != b.branches[row]
      {
        changes.append(
          change(
            row, b.table, from: (a.branches[row], a.masks[row], a.writers),
            to: (b.branches[row], b.masks[row], b.writers)))
      }
    } else {
      var old: [String: Int] = [:]
      for row in 0..<a.table.rowCount { old[Self.key(a.table, row)] = row }
      for row in 0..<b.table.rowCount {
        guard let o = old[Self.key(b.table, row)] else { continue }
        compared += 1
        if a.branches[o] != b.branches[row] {
          changes.append(
            change(
              row, b.table, from: (a.branches[o], a.masks[o], a.writers),
              to: (b.branches[row], b.masks[row], b.writers)))
        }
      }
    }
    let result = RunDiff(fromRun: a.number, toRun: b.number, changes: changes, compared: compared)
    return ReplResponse(text: result.text, payload: .diff(result))
  }

  private static func key(_ t: PredictionTable, _ row: Int) -> String {
    let region = t.rowRegion[row] >= 0 ? t.regionIds[Int(t.rowRegion[row])] : ""
    return
      "\(t.rowModel[row] >= 0 ? t.modelNodes[Int(t.rowModel[row])] : "")\u{1}\(t.inputs[Int(t.rowInput[row])].id)\u{1}\(region)\u{1}\(t.conceptIds[Int(t.rowConcept[row])])"
  }

  private func change(
    _ row: Int, _ t: PredictionTable, from: (UInt8, UInt64, [String]), to: (UInt8, UInt64, [String])
  ) -> RunDiff.Change {
    func names(_ mask: UInt64, _ writers: [String]) -> [String] {
      writers.indices.filter { mask & (1 << UInt64($0)) != 0 }.map { writers[$0] }
    }
    return RunDiff.Change(
      input: t.inputs[Int(t.rowInput[row])].id,
      region: t.rowRegion[row] >= 0 ? t.regionIds[Int(t.rowRegion[row])] : "",
      concept: t.conceptIds[Int(t.rowConcept[row])], confidence: t.rowValue[row],
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
    switch engine(checked, table) {
    case .fast(let bound):
      trace = { row in
        let (steps, written) = PipelineTracer.trace(bound, table, row: row)
        return (steps, bound.branch(written))
      }
    case .interpreter:
      var sub = table
      sub.restrict(toInput: index)
      switch await interpret(checked, sub, keepOutputs: true) {
      case .failure(let error): return error.response
      case .success(let run):
        let rows = table.rows(ofInput: index)
        trace = { row in
          let local = rows.firstIndex(of: row) ?? 0
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

  /// The predictions of one input grouped by region, each traced.
  private func regionTraces(
    _ table: PredictionTable, _ index: Int,
    _ trace: (Int) -> (steps: [Explanation.Step], branch: PredictionBranch)
  ) -> [Explanation.RegionTrace] {
    var traces: [Explanation.RegionTrace] = []
    var traceIndex: [Int32: Int] = [:]
    for row in table.rows(ofInput: index) {
      let region = table.rowRegion[row]
      let key = region >= 0 ? region : -1 - table.rowModel[row]
      if traceIndex[key] == nil {
        traceIndex[key] = traces.count
        traces.append(
          Explanation.RegionTrace(
            model: table.modelNodes[Int(table.rowModel[row])],
            region: region >= 0 ? table.regionIds[Int(region)] : "",
            box: region >= 0 ? table.regionBoxes[Int(region)] : nil, predictions: []))
      }
      let (steps, branch) = trace(row)
      traces[traceIndex[key]!].predictions.append(
        Explanation.Prediction(
          concept: table.conceptIds[Int(table.rowConcept[row])], confidence: table.rowValue[row],
          steps: steps,
          branch: branch))
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
