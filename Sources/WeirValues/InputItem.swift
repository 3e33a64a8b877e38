/// One input of a run: an image file, a URL, or a name known only to replayed predictions.
public struct InputItem: Sendable, Hashable, Codable {
  /// A stable id: the manifest's id, or the file name. Predictions and annotations are keyed by it.
  public var id: String
  public var path: String?
  public var url: String?

  public init(id: String, path: String? = nil, url: String? = nil) {
    self.id = id
    self.path = path
    self.url = url
  }
}
