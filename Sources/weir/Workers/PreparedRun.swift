import Foundation
import WeirCore
import WeirDriver
import WeirModels
import WeirPostgres

/// A run as one worker executes it: the plan and backends its own files give, built through the
/// same driver path as `weir run`, after checking that the workflow file and the models are the
/// ones the run recorded.
struct PreparedRun {
  var run: ShardedRun
  var plan: ExecutionPlan
  var backends: [any ModelBackend]

  /// Why a worker does not take part in a run.
  struct Refusal: Error, CustomStringConvertible {
    var description: String
  }

  /// What the worker allows on its own machine.
  struct Permissions {
    var allowExec: Bool
    var allowHosts: [String]
  }

  static func prepare(_ run: ShardedRun, permissions: Permissions) throws(Refusal) -> PreparedRun {
    let path = run.info.workflowPath
    let file: SourceFile
    switch SourceReader.read(path) {
    case .success(let f): file = f
    case .failure(let failure): throw Refusal(description: failure.description)
    }
    let hash = SHA256.hex(file.bytes)
    guard hash == run.info.workflowHash else {
      throw Refusal(
        description:
          "the workflow '\(path)' here differs from the run's (sha256 \(hash.prefix(12)) here, \(run.info.workflowHash.prefix(12)) in the run)"
      )
    }
    let driver = try makeDriver(run.settings, permissions: permissions)
    let compiled: PlanOutcome
    do {
      compiled = driver.plan(file, libraries: try driver.libraries(for: [file.path]))
    } catch {
      throw Refusal(description: "\(error)")
    }
    guard let plan = compiled.plan else {
      throw Refusal(description: "the workflow '\(path)' does not check here (run `weir check \(path)`)")
    }
    let models = ModelsFingerprint.of(plan)
    guard models == run.modelsHash else {
      throw Refusal(
        description:
          "the models of '\(path)' here differ from the run's (their backends or files: fingerprint \(models.prefix(12)) here, \(run.modelsHash.prefix(12)) in the run)"
      )
    }
    do {
      let backends = try RunBackends.make(
        plan, driver: driver, allowExec: permissions.allowExec, recorder: nil)
      return PreparedRun(run: run, plan: plan, backends: backends)
    } catch {
      switch error {
      case .diagnostic(let d): throw Refusal(description: d.message)
      case .message(let m): throw Refusal(description: m)
      }
    }
  }

  /// The driver with the run's `--types`, `--set` and bindings, and this machine's hosts.
  static func makeDriver(_ settings: RunSettings, permissions: Permissions) throws(Refusal) -> Driver {
    let environment = ProcessInfo.processInfo.environment
    do {
      var driver = try Driver(typePaths: settings.types, sets: settings.sets)
      let keys = try KeyPolicy.load(allowHosts: permissions.allowHosts, environment: environment)
      driver.backendKinds = .standard(keys: keys)
      driver.bindings = try ModelBindings(
        backends: settings.backends, modelsFile: settings.modelsFile, environment: environment)
      return driver
    } catch {
      throw Refusal(description: "\(error)")
    }
  }
}
