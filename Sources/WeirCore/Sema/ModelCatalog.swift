/// Well-known models by id, with their model type and concepts (Design.md §5): the Clarifai public
/// models in `stdlib/models/`, plus any a user declares. A Clarifai-dialect node without
/// `model_type_id` gets its type from here.
public struct ModelCatalog: Sendable {
  /// Whether the standard library's models are part of this catalog; they are looked up in
  /// ``StandardLibrary`` as they are needed, not stored here.
  private var includesStandard = false
  /// The models added to this catalog, in declaration order.
  private var added: [CatalogModel] = []
  /// Ids → index into `added`.
  private var index: [String: Int] = [:]

  public init(models: [CatalogModel] = []) {
    for model in models { add(model) }
  }

  init(includingStandard: Bool) {
    includesStandard = includingStandard
  }

  /// In declaration order; a later declaration of the same id replaces an earlier one in its place.
  public var models: [CatalogModel] {
    guard includesStandard else { return added }
    var models = StandardLibrary.models
    var positions = Dictionary(models.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    for model in added {
      if let i = positions[model.id] {
        models[i] = model
      } else {
        positions[model.id] = models.count
        models.append(model)
      }
    }
    return models
  }

  /// The model `id`. When `userId` or `appId` is given and the catalog knows where the model lives,
  /// they must match: `face-detection` of another user is another model.
  public func model(id: String, userId: String? = nil, appId: String? = nil) -> CatalogModel? {
    guard let model = index[id].map({ added[$0] }) ?? (includesStandard ? StandardLibrary.model(id: id) : nil)
    else { return nil }
    if let userId, let known = model.userId, known != userId { return nil }
    if let appId, let known = model.appId, known != appId { return nil }
    return model
  }

  /// Adds a model, replacing one with the same id.
  public mutating func add(_ model: CatalogModel) {
    if let i = index[model.id] {
      added[i] = model
    } else {
      index[model.id] = added.count
      added.append(model)
    }
  }

  /// Every model id, for "did you mean".
  public var ids: [String] { models.map(\.id) }
}

/// A model of the catalog.
public struct CatalogModel: Sendable {
  /// Clarifai's `model_id`.
  public var id: String
  /// The model type id (`visual-detector`), a node type of the library.
  public var type: String
  public var userId: String?
  public var appId: String?
  /// Every concept the model predicts, when known; `nil` when not (never a partial list).
  public var concepts: [CatalogConcept]?
  /// Parameters the model is configured with (`margin: 1.1` for `margin-110-image-crop`), checked
  /// against its type when the library is loaded.
  public var params: [MapEntry]
  public var doc: String
  /// The file that declares it.
  public var origin: String
  /// The parameters as written, until the library checks them against the type.
  var writtenParams: [Param] = []
  /// Where the type is written in `origin`.
  var typeRange: SourceRange?

  public init(
    id: String, type: String, userId: String? = nil, appId: String? = nil, concepts: [CatalogConcept]? = nil,
    params: [MapEntry] = [], doc: String = "", origin: String = ""
  ) {
    self.id = id
    self.type = type
    self.userId = userId
    self.appId = appId
    self.concepts = concepts
    self.params = params
    self.doc = doc
    self.origin = origin
  }

  /// The value of a configured parameter.
  public func param(_ name: String) -> TypedValue? { params.first { $0.key == name }?.value }
}

/// A concept a model predicts: the id thresholds match, and the name people read.
public struct CatalogConcept: Hashable, Sendable {
  public var id: String
  public var name: String

  public init(id: String, name: String? = nil) {
    self.id = id
    self.name = name ?? id
  }
}
