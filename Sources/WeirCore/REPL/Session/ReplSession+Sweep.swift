extension ReplSession {
  /// `sweep NAME FROM..TO …`: one fast run per value, the setting itself left as it was.
  func sweep(_ request: SweepRequest) async -> ReplResponse {
    let usage = ReplCommandInfo.named("sweep")?.usage
    guard let document else { return .error("no workflow loaded; use 'load FILE' first") }
    guard let table, !table.inputs.isEmpty else { return .error("no inputs; use 'inputs PATH|GLOB'") }
    let target: SettingTarget
    switch SettingTarget.resolve(request.name, in: document.workflow) {
    case .success(let t): target = t
    case .failure(let error): return .error(error.message, usage: usage)
    }
    let current = effectiveWorkflow?.value(of: target)
    let currentNumber = current.flatMap { ValueResolver(workflow: effectiveWorkflow!).scalar($0)?.number }
    if current != nil, currentNumber == nil {
      return .error("'\(target)' is \(current!.flowText), not a number; only numbers can be swept")
    }
    let values = request.values
    let home = current?.range ?? anchor(of: target, in: document.workflow)
    for endpoint in [values.first, values.last].compactMap({ $0 }) {
      let candidate = merged(settings, target, Self.number(endpoint, at: home), file: document.workflow)
      if let problem = validate(candidate, changing: target) {
        return .error(problem.text.replacingPrefix("error: '\(target)' not changed: ", with: "cannot sweep to \(ReplFormat.value(endpoint)): "))
      }
    }
    let start = environment.clock()
    var points: [SweepResult.Point] = []
    for value in values {
      let workflow = document.workflow.applying(merged(settings, target, Self.number(value, at: home), file: document.workflow))
      switch bind(workflow, table) {
      case .failure(let error): return error.response
      case .success(let (bound, _)):
        let evaluation = PipelineEvaluator.evaluate(bound, table, masks: false, branches: truth != nil)
        let counts = evaluation.counts
        var perWriter: [String: Int] = [:]
        for (w, writer) in bound.writers.enumerated() { perWriter[writer.node, default: 0] += counts.total(writer: w) }
        points.append(
          SweepResult.Point(
            value: value, accepted: counts.total(.accepted), review: counts.total(.review), dropped: counts.total(.dropped),
            perWriter: perWriter, truth: truthScore(table, evaluation.branches, iou: request.iou)))
      }
    }
    let result = SweepResult(
      target: target.description, points: points, currentValue: currentNumber, iou: truth == nil ? nil : request.iou,
      inputs: table.inputs.count, predictions: table.rowCount, elapsed: environment.clock() - start)
    var text = result.text
    if let path = request.plotPath {
      switch writePlot(result, path) {
      case .success: text += "\nplot written to \(path)"
      case .failure(let error): return ReplResponse(status: .error, text: text + "\nerror: \(error.message)", payload: .sweep(result))
      }
    }
    return ReplResponse(text: text, payload: .sweep(result))
  }

  private func writePlot(_ result: SweepResult, _ path: String) -> Result<Void, ReplResponseError> {
    guard let writer = environment.plotWriter else {
      return .failure(ReplResponseError("plots are written by the weir command line, not by this session"))
    }
    do {
      try writer.write(result, to: environment.resolve(path))
      return .success(())
    } catch {
      return .failure(ReplResponseError("cannot write the plot to '\(path)': \(Self.describe(error))"))
    }
  }

  /// A number as a parameter value, at `range` in the file.
  static func number(_ x: Double, at range: SourceRange) -> ParamValue {
    .scalar(YAMLScalar(value: ReplFormat.value(x), style: .plain, tag: nil, range: range, resolved: .float(x)))
  }
}

extension String {
  fileprivate func replacingPrefix(_ prefix: String, with replacement: String) -> String {
    hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
  }
}
