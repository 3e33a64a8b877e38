import WeirCore

/// The cached model outputs of a session, flattened into columns: one row per prediction, that is
/// per (region, concept) of a detector or per concept of a classifier.
///
/// Columns of plain numbers keep a run over a million predictions to a few tight loops (issue 7's
/// benchmark); strings and boxes are looked up only to show or match single predictions.
public struct PredictionTable: Sendable {
  /// The session's inputs, in order.
  public private(set) var inputs: [InputItem]
  /// The model nodes whose outputs are in the table.
  public private(set) var modelNodes: [String]
  /// Concept ids, interned: rows refer to them by index.
  public private(set) var conceptIds: [String] = []
  /// Concept names, parallel to `conceptIds` (the first name seen for the id).
  public private(set) var conceptNames: [String] = []
  private var conceptIndex: [String: Int32] = [:]

  /// Regions: their input, model node, id and box.
  public private(set) var regionInput: [Int32] = []
  public private(set) var regionModel: [Int32] = []
  public private(set) var regionIds: [String] = []
  public private(set) var regionBoxes: [BoundingBox?] = []

  /// Rows. `rowRegion` is -1 for a concept of the whole input (a classifier's output).
  public private(set) var rowRegion: [Int32] = []
  public private(set) var rowInput: [Int32] = []
  public private(set) var rowModel: [Int32] = []
  public private(set) var rowConcept: [Int32] = []
  public private(set) var rowValue: [Double] = []

  /// An empty table over the session's inputs; models are added with `addModel`.
  public init(inputs: [InputItem]) {
    self.inputs = inputs
    self.modelNodes = []
  }

  /// Adds a model node; returns its index.
  @discardableResult
  public mutating func addModel(_ node: String) -> Int32 {
    modelNodes.append(node)
    return Int32(modelNodes.count - 1)
  }

  /// Adds entry `e` of `columns` as model `model`'s answer for input `input`: its input-level
  /// concepts first, then its regions with their concepts.
  public mutating func append(_ columns: PredictionColumns, entry e: Int, input i: Int, model: Int32) {
    let input = Int32(i)
    let rows = columns.rows(ofEntry: e)
    for row in rows.concepts {
      appendRow(region: -1, input: input, model: model, concept: columns.concept(row))
    }
    var row = rows.regions.lowerBound
    for r in columns.regions(ofEntry: e) {
      let region = Int32(regionIds.count)
      regionInput.append(input)
      regionModel.append(model)
      regionIds.append(columns.id(ofRegion: r))
      regionBoxes.append(columns.box(ofRegion: r))
      while row < rows.regions.upperBound, columns.region(ofRow: row) == r {
        appendRow(region: region, input: input, model: model, concept: columns.concept(row))
        row += 1
      }
    }
  }

  private mutating func appendRow(region: Int32, input: Int32, model: Int32, concept: Concept) {
    rowRegion.append(region)
    rowInput.append(input)
    rowModel.append(model)
    rowConcept.append(intern(concept))
    rowValue.append(concept.value)
  }

  private mutating func intern(_ concept: Concept) -> Int32 {
    if let i = conceptIndex[concept.id] { return i }
    let i = Int32(conceptIds.count)
    conceptIndex[concept.id] = i
    conceptIds.append(concept.id)
    conceptNames.append(concept.name)
    return i
  }

  public var rowCount: Int { rowValue.count }
  public var regionCount: Int { regionIds.count }

  /// The interned index of a concept id, if any row has it.
  public func concept(id: String) -> Int32? { conceptIndex[id] }

  /// Concept indices whose id or name is `key`: how thresholds written in a workflow find rows.
  public func concepts(matching key: String) -> [Int32] {
    conceptIds.indices.filter { conceptIds[$0] == key || conceptNames[$0] == key }.map(Int32.init)
  }

  /// Keeps only one input and its regions and rows (in order); concepts keep their indices.
  mutating func restrict(toInput input: Int) {
    let keepRows = rowInput.indices.filter { rowInput[$0] == Int32(input) }
    var regionMap: [Int32: Int32] = [:]
    var (ri, rm, rid, rb) = ([Int32](), [Int32](), [String](), [BoundingBox?]())
    for r in regionInput.indices where regionInput[r] == Int32(input) {
      regionMap[Int32(r)] = Int32(rid.count)
      (ri, rm) = (ri + [0], rm + [regionModel[r]])
      rid.append(regionIds[r])
      rb.append(regionBoxes[r])
    }
    (regionInput, regionModel, regionIds, regionBoxes) = (ri, rm, rid, rb)
    rowRegion = keepRows.map { rowRegion[$0] >= 0 ? regionMap[rowRegion[$0]]! : -1 }
    rowModel = keepRows.map { rowModel[$0] }
    rowConcept = keepRows.map { rowConcept[$0] }
    rowValue = keepRows.map { rowValue[$0] }
    rowInput = keepRows.map { _ in 0 }
    inputs = [inputs[input]]
  }

  /// The rows of one input, in table order.
  public func rows(ofInput input: Int) -> [Int] {
    rowInput.indices.filter { rowInput[$0] == Int32(input) }
  }
}
