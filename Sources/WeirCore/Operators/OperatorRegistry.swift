/// Binds operator node types (declared as data in `stdlib/`) to what they do, by name: the one
/// place in weir where a node type's name decides its behaviour.
///
/// An operator is registered with its descriptor (`OperatorDescriptor`), read from a node's
/// parameters; the runtime builds the operator from it (and the column evaluator of `weir run` and
/// the REPL its loop over columns), and lint builds band roles from it. An operator the descriptor
/// cannot express registers a factory and is `.opaque` to lint and the column evaluator. A node type with no entry here is an error at plan
/// time ("weir cannot run 'x' yet"), never a silent no-op, and `weir types` calls it check-only.
public struct OperatorRegistry: Sendable {
  /// Reads a node's descriptor from its parameters.
  public typealias Describe = @Sendable (any OperatorParamReader) throws -> OperatorDescriptor
  /// Builds an opaque operator from a plan's parameters.
  public typealias Factory = @Sendable (OperatorParams) throws -> any Operator

  struct Entry: Sendable {
    var describe: Describe
    /// `nil`: the runtime operator is built from the descriptor.
    var make: Factory?
  }

  private var entries: [String: Entry] = [:]
  private var aliases: Set<String> = []

  public init() {}

  /// Adds or replaces a node type whose descriptor says all it does: the runtime operator, its
  /// lint bands and its column form all come from `describe`.
  public mutating func register(_ type: String, describe: @escaping Describe) {
    entries[type] = Entry(describe: describe, make: nil)
  }

  /// Adds or replaces an opaque node type: `factory` builds its runtime operator; lint treats
  /// confidences as passing through it and the REPL runs workflows holding it in its interpreter.
  public mutating func register(_ type: String, _ factory: @escaping Factory) {
    entries[type] = Entry(describe: { _ in .opaque }, make: factory)
  }

  /// Makes `alias` (an older name) run what `type` runs; aliases are not listed in `types`.
  public mutating func register(alias: String, for type: String) {
    entries[alias] = entries[type]
    aliases.insert(alias)
  }

  /// Whether weir can run this node type.
  public func implements(_ type: String) -> Bool { entries[type] != nil }

  /// The node types weir can run, sorted.
  public var types: [String] { entries.keys.filter { !aliases.contains($0) }.sorted() }

  /// What a node of this type does, read from its parameters; `nil` when weir cannot run the type.
  ///
  /// - Throws: what the reader's `reject` throws for an unusable parameter.
  public func describe(type: String, params: some OperatorParamReader) throws -> OperatorDescriptor? {
    guard let entry = entries[type] else { return nil }
    return try entry.describe(params)
  }

  /// Builds the operator for a node type from its parameters.
  ///
  /// - Throws: `OperatorConfigError` when the type is unknown or a parameter is unusable.
  public func make(type: String, params: OperatorParams) throws -> any Operator {
    guard let entry = entries[type] else {
      throw OperatorConfigError("weir cannot run node type '\(type)' yet")
    }
    if let make = entry.make { return try make(params) }
    guard let op = try entry.describe(params).runtimeOperator() else {
      throw OperatorConfigError("node type '\(type)' describes itself as opaque but has no runtime operator")
    }
    return op
  }

  /// Why a node of this type with these parameters cannot be built, or `nil` when it can: what
  /// `make` would throw, without building the runtime operator of a described type (the check asks
  /// this of every operator node, and needs only the answer).
  public func refusal(type: String, params: OperatorParams) -> OperatorConfigError? {
    guard let entry = entries[type] else {
      return OperatorConfigError("weir cannot run node type '\(type)' yet")
    }
    do {
      if let make = entry.make {
        _ = try make(params)
      } else {
        try entry.describe(params).checkRuntimeOperator()
      }
      return nil
    } catch let error as OperatorConfigError {
      return error
    } catch {
      return OperatorConfigError("\(error)")
    }
  }

  /// The operators of weir's standard library. `concept-threshold` is the older API name of
  /// `concept-thresholder` (reference §6.4).
  public static let standard: OperatorRegistry = {
    var r = OperatorRegistry()
    r.register("region-thresholder", describe: { try RegionThresholder.describe($0) })
    r.register("concept-thresholder", describe: { try ConceptThresholder.describe($0) })
    r.register(alias: "concept-threshold", for: "concept-thresholder")
    r.register("annotation-writer", describe: { try AnnotationWriter.describe($0) })
    r.register("random-sample", describe: { try RandomSample.describe($0) })
    r.register("object-counter", describe: { try ObjectCounter.describe($0) })
    r.register("image-crop") { try ImageCrop(params: $0) }
    r.register("concept-synonym-mapper") { try ConceptSynonymMapper(params: $0) }
    // Box post-processing (weir's extensions): they drop regions and keep the confidences of the
    // rest, which is what `.opaque` tells lint's bands.
    r.register("non-max-suppression") { try NonMaxSuppression(params: $0) }
    r.register("region-size-filter") { try RegionSizeFilter(params: $0) }
    r.register("top-k-regions") { try TopKRegions(params: $0) }
    return r
  }()
}
