/// Predictions recorded earlier, indexed by the inputs they belong to.
///
/// Built by `ReplayLoader` from COCO detection results, Clarifai API responses or weir JSON lines.
/// An input is found by its id first, then by file name; a file name shared by two recorded inputs
/// matches neither, and the error says so.
///
/// Answers are held column-wise (`PredictionColumns`), so a run reads them without a record per
/// input; an answer with fields the columns do not hold (text, embeddings, metadata, tracks,
/// crops), or that the model output check would change, is kept as a record and checked when used.
public struct ReplayData: Sendable {
  /// The file or folder the predictions came from, for messages.
  public var source: String
  /// The format of the first file read.
  public var format: ReplayFormat
  /// Every input the predictions name, in the order first seen.
  public private(set) var inputs: [InputItem] = []
  private var entries: [Entry] = []
  /// The answers held column-wise.
  public private(set) var columns = PredictionColumns()
  private var exact: [String: Int] = [:]
  private var byFileName: [String: Int] = [:]
  private var ambiguous: Set<String> = []

  public init(source: String, format: ReplayFormat) {
    self.source = source
    self.format = format
  }

  /// The number of inputs with a recorded prediction.
  public var count: Int { inputs.count }

  /// How an input's answer is held.
  enum Entry: Sendable {
    /// An entry of `columns`.
    case columns(Int32)
    /// A record the columns cannot hold whole, or that is not yet in shape.
    case record(DataRecord)
    case failure(ModelError)
  }

  /// Adds (or replaces: the last record of an input wins) an input's prediction.
  public mutating func add(_ input: InputItem, _ answer: Result<DataRecord, ModelError>) {
    let prediction: Entry
    switch answer {
    case .success(let record):
      let named = Self.namingRegions(record, of: input)
      prediction =
        PredictionColumns.holdsWhole(named) && ModelOutputCheck.isClean(named)
        ? .columns(columns.append(named)) : .record(named)
    case .failure(let error):
      prediction = .failure(error)
    }
    if let i = exact[input.id] {
      entries[i] = prediction
      if inputs[i].path == nil { inputs[i].path = input.path }
      if inputs[i].url == nil { inputs[i].url = input.url }
      return
    }
    let i = entries.count
    entries.append(prediction)
    inputs.append(input)
    exact[input.id] = i
    for key in InputNames.keys(of: input).dropFirst() where !ambiguous.contains(key) {
      if let other = byFileName[key], other != i {
        byFileName[key] = nil
        ambiguous.insert(key)
      } else {
        byFileName[key] = i
      }
    }
  }

  /// Regions need stable ids (the store's key includes them): a region recorded without one gets a
  /// hash of the input id and its position.
  static func namingRegions(_ record: DataRecord, of input: InputItem) -> DataRecord {
    guard record.regions.contains(where: { $0.id.isEmpty }) else { return record }
    var out = record
    for i in out.regions.indices where out.regions[i].id.isEmpty {
      var h = StableHash()
      h.combine(input.id)
      h.combine(UInt64(i))
      out.regions[i].id = h.hexId
    }
    return out
  }

  /// Merges another file's predictions into these.
  public mutating func merge(_ other: ReplayData) {
    for (i, input) in other.inputs.enumerated() { add(input, other.result(other.entries[i])) }
  }

  /// The prediction for an input, or why there is none.
  public func prediction(for input: InputItem) -> Result<DataRecord, ModelError> {
    switch entry(for: input) {
    case .success(let e): return result(e)
    case .failure(let error): return .failure(error)
    }
  }

  /// An entry as a record.
  private func result(_ entry: Entry) -> Result<DataRecord, ModelError> {
    switch entry {
    case .columns(let e): return .success(columns.record(Int(e)))
    case .record(let record): return .success(record)
    case .failure(let error): return .failure(error)
    }
  }

  /// `entry(for:)`, trying the entry after `hint` first: inputs asked in the order they were
  /// recorded (a run over a recording's own inputs) find theirs without hashing their ids. `hint`
  /// becomes the entry found (-1 to start).
  func entry(for input: InputItem, after hint: inout Int) -> Result<Entry, ModelError> {
    let next = hint + 1
    if next < inputs.count, inputs[next].id == input.id {
      hint = next
      return .success(entries[next])
    }
    if let i = exact[input.id] {
      hint = i
      return .success(entries[i])
    }
    return entry(for: input)
  }

  /// How the prediction for an input is held, or why there is none.
  func entry(for input: InputItem) -> Result<Entry, ModelError> {
    if let i = exact[input.id] { return .success(entries[i]) }
    let keys = InputNames.keys(of: input)
    for key in keys {
      if let i = exact[key] ?? byFileName[key] { return .success(entries[i]) }
    }
    if let key = keys.first(where: ambiguous.contains) {
      return .failure(
        ModelError(
          "input '\(input.id)' matches several predictions named '\(key)' in \(source); name inputs by id"))
    }
    return .failure(ModelError("no prediction for input '\(input.id)' in \(source)"))
  }
}

/// The formats a replay file may be in; detected from the content, not the file name.
public enum ReplayFormat: String, Sendable, CaseIterable {
  /// `[{image_id, category_id, bbox: [x, y, w, h], score}]` with a COCO file giving images and
  /// categories; or a COCO file whose annotations carry scores.
  case coco
  /// `{"outputs": [...]}` (PostModelOutputs) or `{"results": [{"outputs": [...]}]}` (PostWorkflowResults).
  case clarifai
  /// weir's JSON lines: `{"input": "cat1.jpg", "regions": [...]}` or `"concepts"`, one input a line.
  case weirLines = "weir-jsonl"
}
