/// How far a run has got.
public struct RunProgress: Sendable, Hashable {
  public var done: Int
  public var total: Int
  public var failed: Int
  public var elapsed: Double

  /// Inputs per second so far.
  public var rate: Double { elapsed > 0 ? Double(done) / elapsed : 0 }
  /// Seconds left at the current rate, when there is one.
  public var eta: Double? { rate > 0 ? Double(total - done) / rate : nil }
}

/// A finished run: the summary and where the time went.
public struct RunReport: Sendable {
  public var summary: RunTally
  /// Time spent running batches, summed over batches (may exceed wall time with several jobs).
  public var interpreterSeconds: Double = 0
  /// Time spent in the store (recording, flushing, finishing).
  public var storeSeconds: Double = 0
  public var wallSeconds: Double = 0
  /// The run was stopped (`RunOptions.stop`) before every input went through.
  public var interrupted = false

  public init(summary: RunTally) {
    self.summary = summary
  }
}

/// A run that had to stop: the store or the output failed. What was delivered before is kept.
public struct RunFailure: Error, Sendable, CustomStringConvertible {
  public var message: String
  /// Whether the run had begun in the store (and so may have written something) when it failed.
  public var runBegan: Bool = true
  public var description: String { message }
}

extension RunTally {
  /// `120 inputs, 3 failed, 950 annotations`.
  public var oneLine: String {
    "\(inputs) inputs, \(failures.count) failed, \(annotations) annotations"
  }
}
