/// `concept-synonym-mapper`: renames concepts through a mapping given as a parameter, in image-level
/// concepts and inside regions.
///
/// Clarifai follows synonym relations in an app's knowledge graph; weir has no knowledge graph, so
/// the relation is written down: `synonyms: {ai_l8TKp2h5: person, ai_dxSG2s86: person}`. A concept
/// matches a key by id, then by name, and takes the target as both id and name. When two concepts
/// of one list map to the same target, one is kept with the higher confidence. Concepts with no
/// mapping are kept as they are.
public struct ConceptSynonymMapper: Operator, Hashable {
  public var mapping: [String: String]

  public init(mapping: [String: String]) {
    self.mapping = mapping
  }

  /// The mapper of a node: `synonyms`, none when not given. Opaque to lint and the column evaluator.
  public init(params p: OperatorParams) throws(OperatorConfigError) {
    self.init(mapping: try p.stringMap("synonyms")?.value ?? [:])
  }

  public func apply(_ data: DataRecord, _ context: OperatorContext, _ annotations: inout [AnnotationRecord])
    -> DataRecord?
  {
    var out = data
    out.concepts = map(data.concepts)
    for i in out.regions.indices { out.regions[i].concepts = map(out.regions[i].concepts) }
    return out
  }

  /// Renames a concept list, merging concepts that end up with the same id.
  public func map(_ concepts: [Concept]) -> [Concept] {
    var result: [Concept] = []
    result.reserveCapacity(concepts.count)
    for c in concepts {
      var renamed = c
      if let target = mapping[c.id] ?? mapping[c.name] {
        renamed = Concept(id: target, name: target, value: c.value)
      }
      if let j = result.firstIndex(where: { $0.id == renamed.id }) {
        if renamed.value > result[j].value { result[j] = renamed }
      } else {
        result.append(renamed)
      }
    }
    return result
  }
}
