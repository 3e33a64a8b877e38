/// A model backend that answers from recorded predictions (Design.md §5, "replay").
///
/// An input with no recorded prediction fails on its own (`no prediction for input 'x' in FILE`);
/// the others go on.
public struct ReplayBackend: ModelBackend {
  public let data: ReplayData

  public init(data: ReplayData) {
    self.data = data
  }

  /// The backend of a planned model whose backend is `{replay: FILE, images: COCO_FILE?}`, paths
  /// resolved against the workflow's folder; outputs of recorded workflow responses and lines of
  /// recorded weir JSON are picked by the model's name or Clarifai model id.
  public init(model: ModelSpec) throws(ReplayError) {
    guard let config = model.backend, config.kind == "replay", case .string(let file) = config.value else {
      throw ReplayError(path: model.name, message: "model '\(model.name)' has no replay file")
    }
    var images: String?
    if case .string(let s)? = config.options["images"] { images = config.path(s) }
    let ids = [model.name] + (model.clarifaiModelId.map { [$0] } ?? [])
    try self.init(path: config.path(file), loader: ReplayLoader(images: images, modelIds: ids))
  }

  /// Loads predictions with a loader and wraps them.
  public init(path: String, loader: ReplayLoader = ReplayLoader()) throws(ReplayError) {
    self.data = try loader.load(path)
  }

  /// Lookups are in memory: large batches cost nothing.
  public var maxBatchSize: Int { 4096 }

  public func predict(_ requests: [ModelRequest]) async -> [Result<DataRecord, ModelError>] {
    requests.map(predict)
  }

  /// The recorded prediction for one request. The image of the data flowing in is kept when the
  /// recording has none, so an image-crop downstream knows which image it crops.
  public func predict(_ request: ModelRequest) -> Result<DataRecord, ModelError> {
    let result = data.prediction(for: request.input)
    guard let image = request.data.image, case .success(var record) = result else { return result }
    if record.image == nil {
      record.image = image
    } else {
      record.image!.path = record.image!.path ?? image.path
      record.image!.url = record.image!.url ?? image.url
    }
    return .success(record)
  }

  /// The inputs the predictions name, for `weir run FILE` without `--inputs`.
  public var inputs: [InputItem] { data.inputs }
}
