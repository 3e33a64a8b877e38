/// `backend: {replay: predictions.json, images: coco.json, format: coco}`: recorded predictions,
/// read from files (Documentation/Backends.md, "replay"). Its value and options are checked by the
/// parser.
public struct ReplayBackendKind: BackendKind {
  public let name = "replay"
  public let optionNames = ["images", "format"]

  public init() {}

  public func make(_ model: ModelSpec, context: BackendContext) throws(BackendFailure) -> any ModelBackend {
    guard let config = model.backend, case .string = config.value else {
      throw .message("model '\(model.name)': replay needs a file or folder of predictions")
    }
    do {
      return try ReplayBackend(model: model)
    } catch {
      throw .message(error.description)
    }
  }
}
