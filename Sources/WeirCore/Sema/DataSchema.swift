/// The fields of Clarifai's `Data` record and the records inside it, as far as kinds name them
/// (reference §3.2: resources.proto `Data`, `Region`, `RegionInfo`, `Frame`).
///
/// Kinds are checked against this schema so that a typo in a declaration (`regions[...].data.concept`)
/// is an error with a suggestion, not a requirement no node can ever meet.
enum DataSchema {
  /// One field of a record.
  struct Field: Sendable {
    /// Whether the field is a list (`regions[...]`).
    let isList: Bool
    /// The record the field holds, when a path may go on below it.
    let record: String?
  }

  static let records: [String: [String: Field]] = [
    "Data": [
      "image": leaf, "video": leaf, "audio": leaf, "text": leaf, "metadata": leaf, "geo": leaf,
      "ndarray": leaf, "concepts": list("Concept"), "colors": list(nil), "clusters": list(nil),
      "embeddings": list("Embedding"), "regions": list("Region"), "frames": list("Frame"),
      "tracks": list("Track"), "time_segments": list("TimeSegment"), "hits": list("Hit"),
      "heatmaps": list(nil), "parts": list("Part"),
    ],
    "Region": [
      "id": leaf, "region_info": record("RegionInfo"), "data": record("Data"), "value": leaf,
      "track_id": leaf,
    ],
    "RegionInfo": [
      "bounding_box": leaf, "mask": leaf, "polygon": leaf, "point": leaf, "span": leaf, "token": leaf,
      "keypoint_locations": list(nil),
    ],
    "Frame": ["id": leaf, "frame_info": record("FrameInfo"), "data": record("Data")],
    "FrameInfo": ["index": leaf, "time": leaf, "number": leaf],
    "Track": ["id": leaf, "data": record("Data"), "time_info": leaf, "quality": leaf],
    "TimeSegment": ["id": leaf, "data": record("Data"), "time_info": leaf],
    "Hit": ["score": leaf, "input": leaf, "annotation": leaf],
    "Part": ["id": leaf, "data": record("Data")],
    "Concept": ["id": leaf, "name": leaf, "value": leaf, "app_id": leaf, "language": leaf],
    "Embedding": ["vector": leaf, "num_dimensions": leaf],
  ]

  /// The top-level fields a workflow input itself carries: what a person uploads.
  static let media: Set<String> = ["image", "video", "audio", "text"]

  private static let leaf = Field(isList: false, record: nil)
  private static func list(_ record: String?) -> Field { Field(isList: true, record: record) }
  private static func record(_ name: String) -> Field { Field(isList: false, record: name) }

  /// The field `name` of `record`, if the schema knows it.
  static func field(_ name: String, in record: String) -> Field? { records[record]?[name] }
}
