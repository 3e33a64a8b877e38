import Foundation

/// How a run is carried out.
public struct RunOptions: Sendable {
  /// Batches in flight at once.
  public var jobs: Int
  /// Inputs per batch; `nil` picks `Interpreter.defaultBatchSize`.
  public var batchSize: Int?
  /// Keep every step's output in the results (`--output`).
  public var keepOutputs: Bool
  /// When set (Ctrl-C), no new batch starts; those in flight finish and are delivered, and the
  /// run ends `interrupted`.
  public var stop: StopFlag?

  public init(
    jobs: Int = ProcessInfo.processInfo.activeProcessorCount, batchSize: Int? = nil,
    keepOutputs: Bool = false,
    stop: StopFlag? = nil
  ) {
    self.jobs = jobs
    self.batchSize = batchSize
    self.keepOutputs = keepOutputs
    self.stop = stop
  }
}

/// A flag one task sets and others read: "stop starting new work".
public final class StopFlag: @unchecked Sendable {
  private let lock = NSLock()
  private var value = false

  public init() {}

  public var isSet: Bool { lock.withLock { value } }

  public func set() { lock.withLock { value = true } }
}
