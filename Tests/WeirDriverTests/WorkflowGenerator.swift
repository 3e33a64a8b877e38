import WeirCore

/// Builds small native workflows around one node type, for the check ⇔ plan property test: the
/// type as a leaf, in the middle of a graph, and after a thresholder.
enum WorkflowGenerator {
  /// Where the node under test sits.
  enum Position: String, CaseIterable, Sendable {
    /// Reads the detector; nothing reads it.
    case leaf
    /// Reads the detector; an annotation writer reads it.
    case middle
    /// Reads a region thresholder that reads the detector; nothing reads it.
    case afterThresholder = "after-thresholder"
  }

  /// A workflow with one node of `type` at `position`, its required parameters filled with plain
  /// values of their declared types. A model type gets a model of its own with a replay backend.
  static func workflow(_ type: NodeType, at position: Position) -> String {
    var models = """
      models:
        detector:
          type: visual-detector
          concepts: [cat, dog]
          backend: {replay: predictions.json}

      """
    var node = "    type: \(type.name)\n"
    if type.role == .model {
      models += """
          probe-model:
            type: \(type.name)
            concepts: [cat]
            backend: {replay: predictions.json}

        """
      node = "    model: probe-model\n"
    }
    let params = requiredParams(type)
    if !params.isEmpty { node += "    params: {\(params.joined(separator: ", "))}\n" }
    var nodes = "nodes:\n  detect: {model: detector}\n"
    switch position {
    case .leaf, .middle:
      nodes += "  probe:\n" + node + "    input: detect\n"
    case .afterThresholder:
      nodes += """
          sure:
            type: region-thresholder
            input: detect
            params: {concept_threshold_type: GREATER_THAN, concepts: {cat: 0.5, dog: 0.5}}
          probe:

        """ + node + "    input: sure\n"
    }
    if position == .middle {
      nodes += """
          write:
            type: annotation-writer
            input: probe
            params: {annotation_status: ANNOTATION_SUCCESS}

        """
    }
    return "weir: 1\nworkflow: probe-\(type.name)\n" + models + nodes
  }

  /// `name: value` for each required parameter and the first choice of each `requires_one_of`.
  static func requiredParams(_ type: NodeType) -> [String] {
    let wanted = Set(type.params.filter(\.isRequired).map(\.name) + type.requiresOneOf.compactMap(\.first))
    return type.params.filter { wanted.contains($0.name) }.compactMap { p in
      value(for: p).map { "\(p.name): \($0)" }
    }
  }

  private static func value(for param: ParamDecl) -> String? {
    switch param.type {
    case .number: return param.range.map { "\(inside($0))" } ?? "0.5"
    case .int: return param.range.map { "\(Int(inside($0).rounded(.up)))" } ?? "1"
    case .string: return "x"
    case .bool: return "true"
    case .enumeration(let domain): return domain.cases.first?.name
    case .conceptThresholds: return "{cat: 0.5}"
    case .conceptMap: return "{cat: feline}"
    case .conceptList, .stringList: return "[cat]"
    case .stringMap: return "{a: b}"
    case .any: return "x"
    }
  }

  /// A number inside `range`, away from its ends.
  private static func inside(_ range: NumberRange) -> Double {
    switch (range.lower.isFinite, range.upper.isFinite) {
    case (true, true): (range.lower + range.upper) / 2
    case (true, false): range.lower + 1
    case (false, true): range.upper - 1
    case (false, false): 0.5
    }
  }
}
