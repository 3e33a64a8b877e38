import Foundation

@testable import WeirCore
@testable import WeirREPL

/// The runtime's replay backends, counting how many inputs each model is asked about, so tests can
/// see the session's cache at work.
final class TestReplaySource: ReplModelSource, @unchecked Sendable {
  private let lock = NSLock()
  private var asked: [String: Int] = [:]

  /// How many inputs model `name` was asked about so far.
  func askedCount(_ name: String) -> Int {
    lock.withLock { asked[name] ?? 0 }
  }

  func record(_ name: String, _ n: Int) {
    lock.withLock { asked[name, default: 0] += n }
  }

  func backend(for model: ModelSpec) -> Result<any ModelBackend, ModelError> {
    ReplayModelSource().backend(for: model).map { CountingBackend(base: $0, model: model.name, source: self) }
  }

  struct CountingBackend: ModelBackend, RecordedInputs {
    let base: any ModelBackend
    let model: String
    let source: TestReplaySource

    var maxBatchSize: Int { base.maxBatchSize }
    var recordedInputs: [InputItem] { (base as? any RecordedInputs)?.recordedInputs ?? [] }

    func predict(_ requests: [ModelRequest]) async -> [Result<DataRecord, ModelError>] {
      source.record(model, requests.count)
      return await base.predict(requests)
    }
  }
}
