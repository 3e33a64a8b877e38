import Synchronization

/// Asks a long command (`sweep`, `run`) to stop and return to the prompt: the terminal front end
/// sets it on Ctrl-C, the session checks it between sweep points and model batches, and clears it
/// before each command. Lock-free, so a signal handler may set it.
public final class ReplCancellation: Sendable {
  private let flag = Atomic<Bool>(false)

  public init() {}

  public var isCancelled: Bool { flag.load(ordering: .relaxed) }

  public func cancel() { flag.store(true, ordering: .relaxed) }

  public func reset() { flag.store(false, ordering: .relaxed) }
}
