import Foundation

/// Model outputs kept across runs of the same workflow, so the REPL can change a threshold and
/// re-run in milliseconds. Keyed by the model configuration, the input and the data sent to it:
/// the same model asked the same thing answers once.
public final class ModelCache: @unchecked Sendable {
  struct Key: Hashable {
    var model: ModelSpec
    var params: [PlanParam]
    var input: InputItem
    var data: DataRecord
  }

  private let lock = NSLock()
  private var entries: [Key: DataRecord] = [:]

  public init() {}

  /// The number of outputs kept.
  public var count: Int {
    lock.lock()
    defer { lock.unlock() }
    return entries.count
  }

  public func removeAll() {
    lock.lock()
    entries.removeAll()
    lock.unlock()
  }

  func lookup(_ keys: [Key]) -> [DataRecord?] {
    lock.lock()
    defer { lock.unlock() }
    return keys.map { entries[$0] }
  }

  func store(_ pairs: [(Key, DataRecord)]) {
    lock.lock()
    defer { lock.unlock() }
    for (k, v) in pairs { entries[k] = v }
  }
}
