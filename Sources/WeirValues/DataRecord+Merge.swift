extension DataRecord {
  /// Joins what several inputs of a node give it (a node with more than one `input`): the first
  /// image and text, concepts and embeddings in input order, regions in input order without
  /// repeating a region id, metadata keys from the first input that has them.
  public static func merging(_ records: [DataRecord]) -> DataRecord {
    guard var out = records.first else { return DataRecord() }
    var seen = Set(out.regions.map(\.id))
    for r in records.dropFirst() {
      out.image = out.image ?? r.image
      out.text = out.text ?? r.text
      out.concepts += r.concepts
      out.embeddings += r.embeddings
      for region in r.regions where seen.insert(region.id).inserted { out.regions.append(region) }
      out.metadata.merge(r.metadata) { first, _ in first }
    }
    return out
  }
}
