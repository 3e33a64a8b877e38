import Foundation

/// Writes model outputs as weir JSON lines, the format `ReplayLoader` reads back (`weir run
/// --record FILE`): one line per input and model, `{"input": …, "model": "pets", "regions": […]}`.
///
/// Thread-safe: backends for several models may record at once. A write error is kept and thrown by
/// `close()`, so a full disk is reported instead of silently truncating the recording.
public final class PredictionRecorder: @unchecked Sendable {
  public let path: String
  private let lock = NSLock()
  private var stream: OutputFileStream?
  private var firstError: String?
  private let encoder: JSONEncoder

  /// Opens the recording file; it replaces what is at `path` only when `close` succeeds.
  public convenience init(path: String) throws(ReplayError) {
    let target: OutputTarget
    do {
      target = try OutputTarget.inspect(path)
    } catch {
      throw ReplayError(path: path, message: "cannot write the recording: \(error.reason)")
    }
    try self.init(target: target)
  }

  /// Opens a target already inspected (and checked against the run's inputs).
  public init(target: OutputTarget) throws(ReplayError) {
    self.path = target.path
    do {
      stream = try target.open()
    } catch {
      throw ReplayError(path: target.path, message: "cannot write the recording: \(error.reason)")
    }
    encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
  }

  /// Appends one model output.
  public func record(model: String, input: InputItem, output: DataRecord) {
    let line: Data
    do {
      line = try encoder.encode(RecordLine(input: input, model: model, data: output))
    } catch {
      keep("cannot encode the output for '\(input.id)': \(error)")
      return
    }
    lock.lock()
    defer { lock.unlock() }
    guard let stream, firstError == nil else { return }
    do {
      try stream.write([UInt8](line) + [0x0a])
    } catch {
      keepLocked("cannot write the recording: \(error.reason)")
    }
  }

  /// Puts the recording in place; throws the first error met while recording, and then leaves
  /// what was at the path before.
  public func close() throws(ReplayError) {
    lock.lock()
    defer { lock.unlock() }
    if let stream {
      if firstError == nil {
        do { try stream.commit() } catch { keepLocked("cannot write the recording: \(error.reason)") }
      } else {
        stream.discard()
      }
      self.stream = nil
    }
    if let firstError { throw ReplayError(path: path, message: firstError) }
  }

  /// Abandons the recording (the run failed before it finished): nothing is replaced.
  public func discard() {
    lock.lock()
    defer { lock.unlock() }
    stream?.discard()
    stream = nil
  }

  private func keep(_ message: String) {
    lock.lock()
    keepLocked(message)
    lock.unlock()
  }

  private func keepLocked(_ message: String) {
    if firstError == nil { firstError = message }
  }

  /// `input` and `model` beside the data's own keys (`regions`, `concepts`…).
  struct RecordLine: Encodable {
    var input: InputItem
    var model: String
    var data: DataRecord

    enum Keys: String, CodingKey { case input, model }

    func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: Keys.self)
      if input.path == nil, input.url == nil {
        try c.encode(input.id, forKey: .input)
      } else {
        try c.encode(input, forKey: .input)
      }
      try c.encode(model, forKey: .model)
      try data.encode(to: encoder)
    }
  }
}

/// A backend that records each output its wrapped backend computes (the built-in detector, an HTTP
/// model) so a later run can replay them instead of paying for the model again.
public struct RecordingBackend: ModelBackend {
  public let base: any ModelBackend
  public let model: String
  public let recorder: PredictionRecorder

  public init(wrapping base: any ModelBackend, model: String, recorder: PredictionRecorder) {
    self.base = base
    self.model = model
    self.recorder = recorder
  }

  public var maxBatchSize: Int { base.maxBatchSize }

  public func predict(_ requests: [ModelRequest]) async -> [Result<DataRecord, ModelError>] {
    let results = await base.predict(requests)
    for (request, result) in zip(requests, results) {
      if case .success(let output) = result {
        recorder.record(model: model, input: request.input, output: output)
      }
    }
    return results
  }
}
