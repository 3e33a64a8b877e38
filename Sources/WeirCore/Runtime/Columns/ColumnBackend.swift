/// A model backend whose answers are already held column-wise (a recording): the column evaluator
/// reads its rows in place instead of asking for a record per input.
public protocol ColumnBackend: ModelBackend {
  /// The columns `columnAnswers` points into; the same value for every call.
  var predictionColumns: PredictionColumns { get }
  /// For each input, in order, how its answer is held.
  func columnAnswers(_ inputs: [InputItem]) -> [ColumnAnswer]
}

/// How a `ColumnBackend` holds one input's answer.
public enum ColumnAnswer: Sendable {
  /// An entry of the backend's `predictionColumns`: already in shape, no check needed.
  case entry(Int32)
  /// A record, checked like any backend's answer before it is used.
  case record(DataRecord)
  /// Why there is no answer.
  case failure(ModelError)
}

extension ReplayBackend: ColumnBackend {
  public var predictionColumns: PredictionColumns { data.columns }

  public func columnAnswers(_ inputs: [InputItem]) -> [ColumnAnswer] {
    var hint = -1
    return inputs.map { input in
      switch data.entry(for: input, after: &hint) {
      case .success(.columns(let e)): return .entry(e)
      case .success(.record(let record)): return .record(record)
      case .success(.failure(let error)), .failure(let error): return .failure(error)
      }
    }
  }
}
