import ArgumentParser
import Foundation
import WeirCore
import WeirDriver
import WeirModels
import WeirStore

/// One `weir run`: check and plan the workflow, build backends, resolve inputs, open the store,
/// resume an interrupted run, run, print the summary. Each step that cannot go on says why and
/// gives the exit status.
struct RunSession {
  let command: RunCommand

  /// A step that ends the run early, with what to print and the status.
  struct Stop: Error {
    var status: ExitCode
    var message: String?
  }

  func run() async -> ExitCode {
    do {
      return try await execute()
    } catch let stop as Stop {
      if let m = stop.message { Terminal.fail(m) }
      return stop.status
    } catch {
      Terminal.fail("\(error)")
      return ExitStatus.failure
    }
  }

  private func execute() async throws -> ExitCode {
    let file = try read()
    let plan = try compile(file)
    let targets = try OutputTargets.inspect(command, plan: plan)
    let recorder = try targets.record.map { target -> PredictionRecorder in
      do { return try PredictionRecorder(target: target) } catch {
        throw Stop(status: ExitStatus.usage, message: "\(error)")
      }
    }
    let backends = try makeBackends(plan, recorder: recorder, file: file)
    let inputs = try resolveInputs(backends)
    if StoreOpening.isPostgres(command.store) && !command.dryRun {
      // A PostgreSQL store splits the run into shards that workers share (Documentation/Scale.md).
      return try await ShardedRunSession(command: command, plan: plan, backends: backends, file: file).run(
        inputs)
    }
    let store = try openStore()
    var info = RunInfo(
      id: Self.newRunId(), workflowId: plan.workflowId, workflowHash: SHA256.hex(file.bytes),
      workflowPath: command.file,
      vars: Dictionary(uniqueKeysWithValues: plan.vars.map { ($0.name, $0.value.plainText) }),
      startedAt: Date())
    var todo = inputs
    var resumedInputs = 0
    if let store, !command.noResume, let resumed = try ResumePoint.find(store, like: info) {
      info.id = resumed.runId
      todo = inputs.filter { !resumed.done.contains($0.id) }
      let done = inputs.count - todo.count
      resumedInputs = done
      Terminal.write(
        "weir: resuming run \(info.id): \(done) of \(inputs.count) inputs already done\n", to: .stderr)
    }
    let outcomes = OutcomeCollector(plan: plan)
    let output = try targets.output.map { target -> OutputFile in
      do { return try OutputFile(target: target, plan: plan) } catch {
        recorder?.discard()
        throw Stop(status: ExitStatus.usage, message: "\(error)")
      }
    }
    let ended = await execute(
      plan, backends, todo, info: info, store: store, output: output, outcomes: outcomes)
    await RunBackends.close(backends)
    // Every file is closed and every problem reported, not only the first: a full disk under
    // both --output and --record says so for both.
    var problems = ended.failure.map { [$0.message] } ?? []
    if let output {
      do { try output.close() } catch { problems.append("\(error)") }
    }
    if let recorder {
      do { try recorder.close() } catch { problems.append("\(error)") }
    }
    if ended.failure?.runBegan ?? true {
      try printSummary(
        ended.report, plan: plan, info: info, store: store, outcomes: outcomes.value,
        resumedInputs: resumedInputs)
    }
    // A file that failed while the run wrote it fails again on closing: say it once.
    let distinct = problems.enumerated().filter { i, p in !problems[..<i].contains { $0.contains(p) } }
    problems = distinct.map(\.element)
    for problem in problems { Terminal.fail(problem) }
    if ended.report.interrupted && problems.isEmpty { return ExitCode(130) }
    return problems.isEmpty && ended.report.summary.failures.isEmpty ? ExitStatus.ok : ExitStatus.failure
  }

  // MARK: steps

  /// The driver for this run: `--types` and `--set`, and `--allow-host` with the user's config
  /// file for where an `http` backend may send its key.
  private func driver() throws -> Driver {
    var driver: Driver
    do {
      driver = try Driver(typePaths: command.typePaths, sets: command.sets)
    } catch {
      throw Stop(status: ExitStatus.usage, message: "\(error)")
    }
    do {
      let keys = try KeyPolicy.load(
        allowHosts: command.allowHosts, environment: ProcessInfo.processInfo.environment)
      driver.backendKinds = .standard(keys: keys)
    } catch {
      throw Stop(status: ExitStatus.usage, message: error.message)
    }
    do {
      driver.bindings = try command.bindingOptions.bindings()
    } catch {
      throw Stop(status: ExitStatus.usage, message: error.description)
    }
    return driver
  }

  private func read() throws -> SourceFile {
    switch SourceReader.read(command.file) {
    case .success(let f): return f
    case .failure(let failure): throw Stop(status: ExitStatus.usage, message: failure.description)
    }
  }

  private func compile(_ file: SourceFile) throws -> ExecutionPlan {
    let driver = try driver()
    let compiled: PlanOutcome
    do {
      compiled = driver.plan(file, libraries: try driver.libraries(for: [file.path]))
    } catch {
      throw Stop(status: ExitStatus.usage, message: "\(error)")
    }
    let color = !command.noColor && Terminal.wantsColor(.stderr)
    Terminal.write(DiagnosticRenderer.text(compiled.reports, color: color), to: .stderr)
    guard let plan = compiled.plan else { throw Stop(status: ExitStatus.usage) }
    return plan
  }

  private func makeBackends(_ plan: ExecutionPlan, recorder: PredictionRecorder?, file: SourceFile) throws
    -> [any ModelBackend]
  {
    let driver = try driver()
    do {
      return try RunBackends.make(plan, driver: driver, allowExec: command.allowExec, recorder: recorder)
    } catch {
      switch error {
      case .diagnostic(let d):
        let color = !command.noColor && Terminal.wantsColor(.stderr)
        Terminal.write(DiagnosticRenderer.text([d], in: file, color: color), to: .stderr)
        throw Stop(status: ExitStatus.usage)
      case .message(let m):
        throw Stop(status: ExitStatus.usage, message: m)
      }
    }
  }

  private func resolveInputs(_ backends: [any ModelBackend]) throws -> [InputItem] {
    if !command.inputs.isEmpty {
      do {
        let resolved = try InputResolver().resolveAll(command.inputs)
        if !resolved.skipped.isEmpty {
          Terminal.write("weir: warning: \(resolved.skippedMessage)\n", to: .stderr)
        }
        return resolved.items
      } catch {
        throw Stop(status: ExitStatus.usage, message: error.description)
      }
    }
    var seen = Set<String>()
    var items: [InputItem] = []
    for backend in backends {
      let replay = (backend as? ReplayBackend) ?? ((backend as? RecordingBackend)?.base as? ReplayBackend)
      for item in replay?.inputs ?? [] where seen.insert(item.id).inserted { items.append(item) }
    }
    guard !items.isEmpty else {
      throw Stop(
        status: ExitStatus.usage,
        message: "no inputs: pass --inputs with images, folders, globs or a manifest (.jsonl, .csv)")
    }
    return items
  }

  private func openStore() throws -> SQLiteAnnotationStore? {
    guard !command.dryRun else { return nil }
    do {
      var options = SQLiteAnnotationStore.Options()
      if let t = command.lockTimeout { options.busyTimeout = t }
      return try SQLiteAnnotationStore(path: command.store, options: options)
    } catch {
      throw Stop(status: ExitStatus.usage, message: "\(error)")
    }
  }

  /// How the runner ended: its report, or (when the store or a file failed part way) the failure
  /// and an empty report, the summary then coming from what the store holds.
  struct Ended {
    var report: RunReport
    var failure: RunFailure?
  }

  private func execute(
    _ plan: ExecutionPlan, _ backends: [any ModelBackend], _ inputs: [InputItem], info: RunInfo,
    store: SQLiteAnnotationStore?, output: OutputFile?, outcomes: OutcomeCollector
  ) async -> Ended {
    let interrupts = InterruptHandler()
    let options = RunOptions(
      jobs: command.jobs, batchSize: command.batchSize, keepOutputs: output != nil, stop: interrupts.flag)
    let progress = ProgressDisplay(interval: command.progressInterval)
    let runner = Runner(interpreter: Interpreter(plan: plan, backends: backends), options: options)
    let started = Date()
    do {
      let report = try await runner.run(
        inputs, info: info, store: store,
        onResults: { results in
          outcomes.value.add(results)
          for r in results { outcomes.delivered.add(r) }
          try output?.write(results)
        },
        onProgress: progress.update)
      progress.finish()
      let seconds = Date().timeIntervalSince(started)
      let rate = seconds > 0 ? Double(inputs.count) / seconds : 0
      Terminal.write(String(format: "weir: ran in %.2f s (%.0f inputs/s)\n", seconds, rate), to: .stderr)
      return Ended(report: report)
    } catch {
      progress.finish()
      return Ended(report: RunReport(summary: outcomes.delivered), failure: error)
    }
  }

  private func printSummary(
    _ report: RunReport, plan: ExecutionPlan, info: RunInfo, store: SQLiteAnnotationStore?,
    outcomes: InputOutcomes, resumedInputs: Int
  ) throws {
    var tally = report.summary
    var destination = "(dry run: nothing written)"
    if let store {
      destination = "written to \(command.store) (run \(info.id))"
      if let stored = try? store.summary(runId: info.id) { tally = RunTally(stored, plan: plan) }
    }
    Terminal.write(
      SummaryTable.render(
        tally, workflow: plan.workflowId, destination: destination, outcomes: outcomes,
        resumedInputs: resumedInputs, stored: store != nil))
  }

  /// Gathers ``InputOutcomes`` from the results as the runner delivers them (on one task, in order).
  final class OutcomeCollector {
    var value = InputOutcomes()
    /// The counts of what was delivered, for the summary of a run that failed part way.
    var delivered: RunTally

    init(plan: ExecutionPlan) { delivered = RunTally(plan: plan) }
  }

  /// `20261129-101530-3f9a`: sortable by time, unique enough for one store.
  static func newRunId() -> String {
    let f = DateFormatter()
    f.dateFormat = "yyyyMMdd-HHmmss"
    f.timeZone = TimeZone(identifier: "UTC")
    return f.string(from: Date()) + "-" + String(UInt16.random(in: 0...UInt16.max), radix: 16)
  }
}

extension RunTally {
  /// A run's counts as the store holds them: the whole run, including inputs a resumed run
  /// finished before it was interrupted.
  init(_ stored: RunSummary, plan: ExecutionPlan) {
    self.init(plan: plan)
    inputs = stored.inputs
    for w in stored.writers { count(writer: w.key, status: w.status, w.count) }
    for c in stored.concepts { count(concept: c.key, status: c.status, c.count) }
    for c in stored.counters { count(counter: c.nodeId, inputs: c.inputs, objects: c.objects) }
    failures = stored.failures.map {
      Failure(input: InputItem(id: $0.inputId), error: InputError(node: $0.node, message: $0.message))
    }
  }
}
