/// The data flowing between nodes, in the shape of Clarifai's `Data` record (Design.md §3, issue 5).
///
/// Coding keys are Clarifai's (`region_info`, `bounding_box`, `top_row`…), so `--output` and replayed
/// API responses use the same JSON.
public struct DataRecord: Sendable, Hashable, Codable {
  public var image: ImageRef?
  public var text: String?
  public var concepts: [Concept]
  public var regions: [Region]
  public var embeddings: [Embedding]
  public var metadata: [String: JSONValue]

  public init(
    image: ImageRef? = nil, text: String? = nil, concepts: [Concept] = [], regions: [Region] = [],
    embeddings: [Embedding] = [], metadata: [String: JSONValue] = [:]
  ) {
    self.image = image
    self.text = text
    self.concepts = concepts
    self.regions = regions
    self.embeddings = embeddings
    self.metadata = metadata
  }

  enum CodingKeys: String, CodingKey {
    case image, text, concepts, regions, embeddings, metadata
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    image = try c.decodeIfPresent(ImageRef.self, forKey: .image)
    text = try c.decodeIfPresent(TextValue.self, forKey: .text)?.raw
    concepts = try c.decodeIfPresent([Concept].self, forKey: .concepts) ?? []
    regions = try c.decodeIfPresent([Region].self, forKey: .regions) ?? []
    embeddings = try c.decodeIfPresent([Embedding].self, forKey: .embeddings) ?? []
    metadata = try c.decodeIfPresent([String: JSONValue].self, forKey: .metadata) ?? [:]
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encodeIfPresent(image, forKey: .image)
    try c.encodeIfPresent(text.map { TextValue(raw: $0) }, forKey: .text)
    if !concepts.isEmpty { try c.encode(concepts, forKey: .concepts) }
    if !regions.isEmpty { try c.encode(regions, forKey: .regions) }
    if !embeddings.isEmpty { try c.encode(embeddings, forKey: .embeddings) }
    if !metadata.isEmpty { try c.encode(metadata, forKey: .metadata) }
  }

  /// Clarifai writes text as `{"raw": "…"}`.
  struct TextValue: Codable {
    var raw: String
  }
}

/// An image: where it is and, when known, its size in pixels.
public struct ImageRef: Sendable, Hashable, Codable {
  public var url: String?
  /// A local file path (weir's extension; Clarifai uses `url` or `base64`).
  public var path: String?
  public var width: Int?
  public var height: Int?

  public init(url: String? = nil, path: String? = nil, width: Int? = nil, height: Int? = nil) {
    self.url = url
    self.path = path
    self.width = width
    self.height = height
  }

  enum CodingKeys: String, CodingKey {
    case url, path
    case imageInfo = "image_info"
  }

  struct ImageInfo: Codable {
    var width: Int?
    var height: Int?
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    url = try c.decodeIfPresent(String.self, forKey: .url)
    path = try c.decodeIfPresent(String.self, forKey: .path)
    let info = try c.decodeIfPresent(ImageInfo.self, forKey: .imageInfo)
    width = info?.width
    height = info?.height
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encodeIfPresent(url, forKey: .url)
    try c.encodeIfPresent(path, forKey: .path)
    if width != nil || height != nil {
      try c.encode(ImageInfo(width: width, height: height), forKey: .imageInfo)
    }
  }
}

/// A concept with a confidence: `{id, name, value}`.
public struct Concept: Sendable, Hashable, Codable {
  public var id: String
  public var name: String
  public var value: Double

  public init(id: String, name: String? = nil, value: Double) {
    self.id = id
    self.name = name ?? id
    self.value = value
  }

  enum CodingKeys: String, CodingKey { case id, name, value }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let id = try c.decodeIfPresent(String.self, forKey: .id)
    let name = try c.decodeIfPresent(String.self, forKey: .name)
    guard let key = id ?? name else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: c.codingPath, debugDescription: "a concept needs an id or a name"))
    }
    self.id = key
    self.name = name ?? key
    self.value = try c.decodeIfPresent(Double.self, forKey: .value) ?? 1
  }
}

/// A box in normalized coordinates: fractions of the image height (rows) and width (columns).
public struct BoundingBox: Sendable, Hashable, Codable {
  public var topRow: Double
  public var leftCol: Double
  public var bottomRow: Double
  public var rightCol: Double

  public init(topRow: Double, leftCol: Double, bottomRow: Double, rightCol: Double) {
    self.topRow = topRow
    self.leftCol = leftCol
    self.bottomRow = bottomRow
    self.rightCol = rightCol
  }

  enum CodingKeys: String, CodingKey {
    case topRow = "top_row"
    case leftCol = "left_col"
    case bottomRow = "bottom_row"
    case rightCol = "right_col"
  }
}

/// A region of an input: a box (or mask) with what was found in it.
public struct Region: Sendable, Hashable, Codable {
  public var id: String
  public var boundingBox: BoundingBox?
  public var concepts: [Concept]
  /// The region's own confidence, as Clarifai's detectors give it.
  public var value: Double?
  public var trackId: String?
  /// A crop of the image for this region (image-crop's output).
  public var image: ImageRef?
  public var text: String?

  public init(
    id: String, boundingBox: BoundingBox? = nil, concepts: [Concept] = [], value: Double? = nil,
    trackId: String? = nil, image: ImageRef? = nil, text: String? = nil
  ) {
    self.id = id
    self.boundingBox = boundingBox
    self.concepts = concepts
    self.value = value
    self.trackId = trackId
    self.image = image
    self.text = text
  }

  enum CodingKeys: String, CodingKey {
    case id, value
    case regionInfo = "region_info"
    case data
    case trackId = "track_id"
  }

  struct RegionInfo: Codable {
    var boundingBox: BoundingBox?
    enum CodingKeys: String, CodingKey { case boundingBox = "bounding_box" }
  }

  struct RegionData: Codable {
    var concepts: [Concept]?
    var image: ImageRef?
    var text: DataRecord.TextValue?
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    id = try c.decodeIfPresent(String.self, forKey: .id) ?? ""
    value = try c.decodeIfPresent(Double.self, forKey: .value)
    trackId = try c.decodeIfPresent(String.self, forKey: .trackId)
    boundingBox = try c.decodeIfPresent(RegionInfo.self, forKey: .regionInfo)?.boundingBox
    let data = try c.decodeIfPresent(RegionData.self, forKey: .data)
    concepts = data?.concepts ?? []
    image = data?.image
    text = data?.text?.raw
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(id, forKey: .id)
    if let boundingBox { try c.encode(RegionInfo(boundingBox: boundingBox), forKey: .regionInfo) }
    try c.encode(
      RegionData(concepts: concepts, image: image, text: text.map { DataRecord.TextValue(raw: $0) }),
      forKey: .data)
    try c.encodeIfPresent(value, forKey: .value)
    try c.encodeIfPresent(trackId, forKey: .trackId)
  }
}

/// An embedding vector.
public struct Embedding: Sendable, Hashable, Codable {
  public var vector: [Float]

  public init(vector: [Float]) {
    self.vector = vector
  }
}
