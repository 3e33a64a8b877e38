import WeirCore

extension ReplSession {
  /// `sweep NAME FROM..TO …`: one fast run per value, the setting itself left as it was.
  func sweep(_ request: SweepRequest) async -> ReplResponse {
    let usage = ReplCommandInfo.named("sweep")?.usage
    guard let document, let checked else { return .error("no workflow loaded; use 'load FILE' first") }
    guard let table, !table.inputs.isEmpty else { return .error("no inputs; use 'inputs PATH|GLOB'") }
    let target: SettingTarget
    switch SettingTarget.resolve(request.name, in: document.workflow) {
    case .success(let t): target = t
    case .failure(let error): return .error(error.message, usage: usage)
    }
    let current = effectiveWorkflow?.value(of: target)
    let currentNumber = current.flatMap { ValueResolver(workflow: effectiveWorkflow!).scalar($0)?.number }
    if let current, currentNumber == nil {
      return .error("'\(target)' is \(current.flowText), not a number; only numbers can be swept")
    }
    let values = request.values
    for endpoint in [values.first, values.last].compactMap({ $0 }) {
      let (_, diagnostics) = checked.with(Self.overrides(target, endpoint))
      if let error = diagnostics.first(where: { $0.severity == .error }) {
        return .error("cannot sweep to \(ReplFormat.value(endpoint)): \(error.message) [\(error.id)]")
      }
    }
    let start = environment.clock()
    var points: [SweepResult.Point] = []
    var note: String?
    for value in values {
      if cancellation.isCancelled {
        return .error(
          "sweep cancelled (Ctrl-C) after \(points.count) of \(ReplFormat.plural(values.count, "value"))")
      }
      let (point, _) = checked.with(Self.overrides(target, value))
      switch engine(point) {
      case .columns(let program):
        let evaluation = evaluate(program, table)
        let counts = evaluation.counts
        var perWriter: [String: Int] = [:]
        for (w, writer) in evaluation.writers.enumerated() {
          perWriter[writer.node, default: 0] += counts.total(writer: w)
        }
        points.append(
          SweepResult.Point(
            value: value, accepted: counts.total(.accepted), review: counts.total(.review),
            dropped: counts.total(.dropped), perWriter: perWriter,
            truth: truthScore(table, evaluation.branches, iou: request.iou)))
      case .interpreter(let reason):
        note = "run by the interpreter: \(reason)"
        switch await interpret(point, table) {
        case .failure(let error): return error.response
        case .success(let run):
          var perWriter: [String: Int] = [:]
          for writer in run.writers { perWriter[writer.node] = run.tally.total(writer: writer.node) }
          points.append(
            SweepResult.Point(
              value: value, accepted: run.tally.total(.accepted), review: run.tally.total(.review),
              dropped: run.tally.total(.dropped), perWriter: perWriter,
              truth: truthScore(table, run.branches, iou: request.iou)))
        }
      }
    }
    let result = SweepResult(
      target: target.description, points: points, currentValue: currentNumber,
      iou: truth == nil ? nil : request.iou,
      inputs: table.inputs.count, predictions: table.rowCount, elapsed: environment.clock() - start)
    var text = result.text
    if let note { text += "\n  " + note }
    if let truth { text += ReviewBands.text(target: target, values: values, truth: truth) }
    if let path = request.plotPath {
      switch writePlot(result, path) {
      case .success: text += "\nplot written to \(path)"
      case .failure(let error):
        return ReplResponse(status: .error, text: text + "\nerror: \(error.message)", payload: .sweep(result))
      }
    }
    return ReplResponse(text: text, payload: .sweep(result))
  }

  /// The checker's overrides that set `target` to `value` (the session's own settings are
  /// already in the checked workflow's AST).
  static func overrides(_ target: SettingTarget, _ value: Double) -> Overrides {
    switch target {
    case .variable(let name): return Overrides(vars: [name: .float(value)])
    case .parameter(let node, let name, let key):
      return Overrides(params: [ParamOverride(node: node, param: name, key: key, value: .float(value))])
    }
  }

  private func writePlot(_ result: SweepResult, _ path: String) -> Result<Void, ReplResponseError> {
    guard let writer = environment.plotWriter else {
      return .failure(ReplResponseError("plots are written by the weir command line, not by this session"))
    }
    if let refusal = refusal(toWrite: environment.resolve(path), workflowIsOutput: false) {
      return .failure(ReplResponseError("no plot written: \(refusal)"))
    }
    do {
      try writer.write(result, to: environment.resolve(path))
      return .success(())
    } catch {
      return .failure(ReplResponseError("cannot write the plot to '\(path)': \(Self.describe(error))"))
    }
  }

}
