import WeirCore

/// What a source model answered for the session's inputs, kept column-wise: a recording's answers
/// stay in the recording's own columns (shared, not copied), answers given as records are laid out
/// in columns of the session's own, and each input names its entry. A million regions take tens of
/// megabytes this way, where a record per input took hundreds.
struct CachedAnswers {
  /// How one input's answer is held.
  enum Answer {
    /// An entry of `shared`.
    case shared(Int32)
    /// An entry of `own`.
    case own(Int32)
    case failure(ModelError)
  }

  /// The backend's own columns, when it holds its answers so (`ColumnBackend`).
  var shared = PredictionColumns()
  /// Answers that came as records (checked), as columns.
  var own = PredictionColumns()
  /// Each input's answer, by input id.
  var answers: [String: Answer] = [:]

  /// Keeps a backend's answers for `inputs`, in order.
  mutating func add(_ inputs: ArraySlice<InputItem>, _ results: [Result<DataRecord, ModelError>]) {
    for (input, result) in zip(inputs, results) {
      switch result {
      case .success(let record): answers[input.id] = .own(own.append(record))
      case .failure(let error): answers[input.id] = .failure(error)
      }
    }
  }

  /// Keeps a column backend's answers for `inputs`, in order; records are checked first.
  mutating func add(
    _ inputs: ArraySlice<InputItem>, _ columnAnswers: [ColumnAnswer], from backend: any ColumnBackend,
    model: String
  ) {
    shared = backend.predictionColumns
    for (input, answer) in zip(inputs, columnAnswers) {
      switch answer {
      case .entry(let e): answers[input.id] = .shared(e)
      case .record(let record):
        add([input][...], [ModelOutputCheck.check(record, model: model)])
      case .failure(let error): answers[input.id] = .failure(error)
      }
    }
  }

  /// The columns and entry of an input's answer, or why there is none; `nil` when never asked.
  func entry(_ inputId: String) -> Result<(PredictionColumns, Int), ModelError>? {
    switch answers[inputId] {
    case .shared(let e)?: return .success((shared, Int(e)))
    case .own(let e)?: return .success((own, Int(e)))
    case .failure(let error)?: return .failure(error)
    case nil: return nil
    }
  }

  /// The answers for `inputs` as the column evaluator reads them, and the inputs whose answer is an
  /// error. Answers all in one set of columns are read in place; a mix (a recording with answers
  /// it could not hold as columns) is copied into columns of its own.
  func columns(for inputs: [InputItem]) -> (ModelColumns, failures: [(input: String, error: ModelError)]) {
    var entry = [Int32](repeating: -1, count: inputs.count)
    var failures: [(input: String, error: ModelError)] = []
    var usesShared = false
    var usesOwn = false
    for (i, input) in inputs.enumerated() {
      switch answers[input.id] {
      case .shared(let e)?:
        entry[i] = e
        usesShared = true
      case .own(let e)?:
        entry[i] = e
        usesOwn = true
      case .failure(let error)?: failures.append((input.id, error))
      case nil: break
      }
    }
    guard usesShared && usesOwn else {
      return (ModelColumns(usesShared ? shared : own, entry: entry), failures)
    }
    var merged = PredictionColumns()
    for (i, input) in inputs.enumerated() {
      switch answers[input.id] {
      case .shared(let e)?: entry[i] = merged.append(entry: Int(e), of: shared)
      case .own(let e)?: entry[i] = merged.append(entry: Int(e), of: own)
      default: break
      }
    }
    return (ModelColumns(merged, entry: entry), failures)
  }

  /// An input's answer as a record.
  func record(_ inputId: String) -> Result<DataRecord, ModelError>? {
    entry(inputId).map { found in found.map { columns, e in columns.record(e) } }
  }
}
