import ArgumentParser
import Foundation
import WeirCore
import WeirDriver
import WeirPostgres
import WeirStore

/// `weir run --store postgresql://…`: records the run, its inputs as shards, and works on them as
/// one worker among any others (`weir worker`), then prints the run's summary from the store.
/// A run of the same workflow bytes and vars that is still `running` is joined instead of
/// started again (the resume of a killed `weir run`).
struct ShardedRunSession {
  let command: RunCommand
  let plan: ExecutionPlan
  let backends: [any ModelBackend]
  let file: SourceFile

  func run(_ inputs: [InputItem]) async throws -> ExitCode {
    if command.output != nil {
      throw RunSession.Stop(
        status: ExitStatus.usage,
        message: "--output is not available with a PostgreSQL store yet; export instead")
    }
    let database: PostgresDatabase
    do {
      database = try await StoreOpening.postgres(command.store)
    } catch {
      throw RunSession.Stop(status: ExitStatus.usage, message: "\(error)")
    }
    defer { Task { await database.close() } }
    let queue = ShardQueue(database)
    let settings = RunSettings(
      types: command.typePaths, sets: command.sets, backends: command.bindingOptions.backends,
      modelsFile: command.bindingOptions.modelsFile)
    var info = RunInfo(
      id: RunSession.newRunId(), workflowId: plan.workflowId, workflowHash: SHA256.hex(file.bytes),
      workflowPath: command.file,
      vars: Dictionary(uniqueKeysWithValues: plan.vars.map { ($0.name, $0.value.plainText) }),
      startedAt: Date())
    let modelsHash = ModelsFingerprint.of(plan)
    let started = Date()
    do {
      if !command.noResume,
        let same = try await queue.joinableRuns().last(where: {
          $0.info.workflowHash == info.workflowHash && $0.info.vars == info.vars
            && $0.modelsHash == modelsHash
        })
      {
        info = same.info
        Terminal.write("weir: joining run \(info.id), still running in the store\n", to: .stderr)
      } else {
        try await queue.create(
          info, settings: settings, modelsHash: modelsHash, inputs: inputs, shardSize: command.shardSize)
      }
      let shardedRun = ShardedRun(info: info, settings: settings, modelsHash: modelsHash)
      let interrupts = InterruptHandler()
      let worker = ShardWorker(
        queue: queue,
        options: .init(
          name: "run:\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)",
          lease: LeaseDuration.seconds(command.lease) ?? 60, wait: false, jobs: command.jobs,
          batchSize: command.batchSize,
          permissions: .init(allowExec: command.allowExec, allowHosts: command.allowHosts),
          onlyRun: info.id, stop: interrupts.flag),
        prepared: PreparedRun(run: shardedRun, plan: plan, backends: backends),
        say: { Terminal.write("weir: \($0)\n", to: .stderr) })
      try await worker.work()
      if interrupts.flag.isSet { return ExitCode(130) }
      let seconds = Date().timeIntervalSince(started)
      Terminal.write(
        String(
          format: "weir: ran in %.2f s (%d inputs here, %d shards; others by workers)\n", seconds,
          worker.inputsDone,
          worker.shardsDone), to: .stderr)
      let store = PostgresAnnotationStore(database: database)
      let summary = try store.summary(runId: info.id)
      Terminal.write(
        SummaryTable.render(
          RunTally(summary, plan: plan), workflow: plan.workflowId,
          destination: "written to \(database.location) (run \(info.id))"))
      return summary.failures.isEmpty ? ExitStatus.ok : ExitStatus.failure
    } catch let stop as RunSession.Stop {
      throw stop
    } catch {
      throw RunSession.Stop(status: ExitStatus.failure, message: "\(error)")
    }
  }
}
