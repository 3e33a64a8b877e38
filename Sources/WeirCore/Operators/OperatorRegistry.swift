/// Binds operator node types (declared as data in `stdlib/`) to their Swift behaviour, by name.
///
/// A node type with no entry here is an error at plan time ("weir cannot run 'x' yet"), never a
/// silent no-op.
public struct OperatorRegistry: Sendable {
  public typealias Factory = @Sendable (OperatorParams) throws -> any Operator

  private var factories: [String: Factory]
  private var aliases: Set<String> = []

  public init(_ factories: [String: Factory] = [:]) {
    self.factories = factories
  }

  /// Makes `alias` (an older name) run what `type` runs; aliases are not listed in `types`.
  public mutating func register(alias: String, for type: String) {
    factories[alias] = factories[type]
    aliases.insert(alias)
  }

  /// Adds or replaces the behaviour of a node type.
  public mutating func register(_ type: String, _ factory: @escaping Factory) {
    factories[type] = factory
  }

  /// Whether weir can run this node type.
  public func implements(_ type: String) -> Bool { factories[type] != nil }

  /// The node types weir can run, sorted.
  public var types: [String] { factories.keys.filter { !aliases.contains($0) }.sorted() }

  /// Builds the operator for a node type from its parameters.
  ///
  /// - Throws: `OperatorConfigError` when the type is unknown or a parameter is unusable.
  public func make(type: String, params: OperatorParams) throws -> any Operator {
    guard let factory = factories[type] else {
      throw OperatorConfigError("weir cannot run node type '\(type)' yet")
    }
    return try factory(params)
  }

  /// The operators of weir's standard library. `concept-threshold` is the older API name of
  /// `concept-thresholder` (reference §6.4).
  public static let standard: OperatorRegistry = {
    var r = OperatorRegistry()
    r.register("region-thresholder") { RegionThresholder(thresholds: try Self.thresholds($0)) }
    r.register("concept-thresholder") { ConceptThresholder(thresholds: try Self.thresholds($0)) }
    r.register(alias: "concept-threshold", for: "concept-thresholder")
    r.register("annotation-writer") { p in
      AnnotationWriter(
        status: try Self.status(p), userId: try p.string("annotation_user_id"),
        taskId: try p.string("task_id"))
    }
    r.register("random-sample") { p in
      guard let f = try p.number("keep_fraction") else {
        throw OperatorConfigError("random-sample needs 'keep_fraction'")
      }
      guard (0...1).contains(f) else {
        throw OperatorConfigError("'keep_fraction' must be between 0 and 1, not \(f)")
      }
      let seed = try p.number("seed") ?? 0
      guard seed >= 0, seed < 0x1p63, seed == seed.rounded() else {
        throw OperatorConfigError("'seed' must be a whole number from 0, not \(seed)")
      }
      return RandomSample(keepFraction: f, seed: UInt64(seed))
    }
    r.register("image-crop") { p in
      let margin = try p.number("margin") ?? 1
      guard margin > 0 else { throw OperatorConfigError("'margin' must be above 0, not \(margin)") }
      return ImageCrop(margin: margin)
    }
    r.register("object-counter") { ObjectCounter(concepts: try $0.strings("concepts")) }
    r.register("concept-synonym-mapper") {
      ConceptSynonymMapper(mapping: try $0.stringMap("synonyms") ?? [:])
    }
    return r
  }()

  /// The comparator and per-concept thresholds of a thresholder. With no comparator written the
  /// stdlib default applies (`GREATER_THAN`, the one Clarifai's examples use).
  static func thresholds(_ p: OperatorParams) throws -> ConceptThresholds {
    var comparator = ValueComparator.greaterThan
    if let name = try p.enumName("concept_threshold_type") {
      guard let c = ValueComparator(name: name) else {
        let names = ValueComparator.allCases.map(\.name).joined(separator: ", ")
        throw OperatorConfigError("'concept_threshold_type' must be one of \(names), not '\(name)'")
      }
      comparator = c
    }
    return ConceptThresholds(
      comparator: comparator, thresholds: try p.thresholds("concepts"),
      defaultThreshold: try p.number("default_threshold"))
  }

  static func status(_ p: OperatorParams) throws -> AnnotationStatus {
    guard let name = try p.enumName("annotation_status") else { return .success }
    if let n = Int(name), let s = AnnotationStatus(rawValue: n) { return s }
    if let s = AnnotationStatus(name: name) { return s }
    let names = AnnotationStatus.allCases.map(\.name).joined(separator: ", ")
    throw OperatorConfigError("'annotation_status' must be one of \(names), not '\(name)'")
  }
}
