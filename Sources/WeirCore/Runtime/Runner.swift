import Foundation

/// Drives a whole run: batches in flight up to `jobs`, results delivered in input order to the
/// store, to `--output`, to the progress display, counted into a summary.
///
/// Delivery happens on one task, in order, so the store sees one writer and the output file comes
/// out in the order of the inputs whatever the concurrency.
public struct Runner: Sendable {
  public var interpreter: Interpreter
  public var options: RunOptions

  public init(interpreter: Interpreter, options: RunOptions = RunOptions()) {
    self.interpreter = interpreter
    self.options = options
  }

  /// Runs the inputs. Annotations go to `store` (none in a dry run: pass `nil`).
  ///
  /// - Parameter onResults: called with each batch's results, in input order (for `--output`);
  ///   an error it throws stops the run.
  /// - Parameter onProgress: called after each batch.
  /// - Throws: `RunFailure` when the store or `onResults` fails; what was delivered before stays.
  public func run(
    _ inputs: [InputItem], info: RunInfo, store: (any AnnotationStore)?,
    onResults: (([InputResult]) throws -> Void)? = nil, onProgress: ((RunProgress) -> Void)? = nil
  ) async throws(RunFailure) -> RunReport {
    var report = RunReport(summary: RunTally(plan: interpreter.plan))
    let clock = ContinuousClock()
    let started = clock.now
    if let store {
      do throws(RunFailure) {
        try Self.guarded("cannot start the run in the store") { try store.beginRun(info) }
      } catch {
        var notBegun = error
        notBegun.runBegan = false
        throw notBegun
      }
    }
    let batchSize = options.batchSize ?? interpreter.defaultBatchSize
    let batches = stride(from: 0, to: inputs.count, by: batchSize).map {
      Array(inputs[$0..<min($0 + batchSize, inputs.count)])
    }
    var done = 0
    let deliver = { (results: [InputResult], tally: RunTally, seconds: Double) throws(RunFailure) -> Void in
      report.interpreterSeconds += seconds
      report.summary.merge(tally)
      if let store {
        let t = clock.now
        try Self.guarded("cannot write to the store") {
          for r in results { try store.record(r.outcome(runId: info.id)) }
        }
        report.storeSeconds += (clock.now - t).seconds
      }
      if let onResults { try Self.guarded("cannot write the results") { try onResults(results) } }
      done += results.count
      onProgress?(
        RunProgress(
          done: done, total: inputs.count, failed: report.summary.failures.count,
          elapsed: (clock.now - started).seconds))
    }
    do {
      try await runBatches(batches, deliver: deliver)
    } catch {
      // The store marks the run failed even when what is buffered cannot be written.
      if let store {
        try? store.finishRun(id: info.id, status: .failed, endedAt: Date(), summary: error.message)
      }
      throw error
    }
    report.interrupted = done < inputs.count
    if let store {
      let t = clock.now
      let status: RunStatus =
        report.interrupted ? .interrupted : report.summary.failures.isEmpty ? .completed : .failed
      do throws(RunFailure) {
        try Self.guarded("cannot finish the run in the store") {
          try store.flush()
          try store.finishRun(id: info.id, status: status, endedAt: Date(), summary: report.summary.oneLine)
        }
      } catch {
        try? store.finishRun(id: info.id, status: .failed, endedAt: Date(), summary: error.message)
        throw error
      }
      report.storeSeconds += (clock.now - t).seconds
    }
    report.wallSeconds = (clock.now - started).seconds
    return report
  }

  /// Runs batches with up to `jobs` in flight and a bounded reorder window.
  private func runBatches(
    _ batches: [[InputItem]], deliver: ([InputResult], RunTally, Double) throws(RunFailure) -> Void
  ) async throws(RunFailure) {
    let jobs = max(1, options.jobs)
    let window = jobs * 4
    let interpreter = self.interpreter
    let keep = options.keepOutputs
    let stop = options.stop
    let empty = RunTally(plan: interpreter.plan)
    var failure: RunFailure?
    await withTaskGroup(of: (Int, [InputResult], RunTally, Double).self) { group in
      var next = 0
      var delivered = 0
      var running = 0
      var pending: [Int: ([InputResult], RunTally, Double)] = [:]
      func startMore() {
        while running < jobs, next < batches.count, next < delivered + window, !(stop?.isSet ?? false) {
          let index = next
          let batch = batches[index]
          group.addTask {
            let clock = ContinuousClock()
            let t = clock.now
            let results = await interpreter.run(batch: batch, keepOutputs: keep)
            // Counting happens here, in parallel, not in the single delivering task.
            var tally = empty
            tally.add(results)
            return (index, results, tally, (clock.now - t).seconds)
          }
          next += 1
          running += 1
        }
      }
      startMore()
      while let (index, results, tally, seconds) = await group.next() {
        running -= 1
        pending[index] = (results, tally, seconds)
        while let (r, c, s) = pending.removeValue(forKey: delivered) {
          do throws(RunFailure) {
            try deliver(r, c, s)
          } catch {
            failure = error
            group.cancelAll()
            return
          }
          delivered += 1
        }
        startMore()
      }
    }
    if let failure { throw failure }
  }

  private static func guarded(_ what: String, _ body: () throws -> Void) throws(RunFailure) {
    do {
      try body()
    } catch {
      throw RunFailure(message: "\(what): \(error)")
    }
  }
}

extension Duration {
  var seconds: Double {
    let c = components
    return Double(c.seconds) + Double(c.attoseconds) * 1e-18
  }
}
