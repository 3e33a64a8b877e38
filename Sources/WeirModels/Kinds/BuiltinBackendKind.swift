import WeirCore

/// `backend: {builtin: cat-face, scale_factor: 1.1}`: a Haar-cascade detector built into weir
/// (WeirVision; the names are `BuiltinDetectorConfig.detectors`). Documentation/Backends.md, "builtin".
public struct BuiltinBackendKind: BackendKind {
  public let name = "builtin"
  public var optionNames: [String] { BuiltinDetectorConfig.optionNames }

  public init() {}

  /// The names a workflow can give, with the concept each detector's regions carry.
  public static var models: [(name: String, concept: String)] {
    BuiltinDetectorConfig.detectors.map { ($0.name, $0.concept) }
  }

  /// Nothing beyond the parser: it checks the name and the options (`syntax.unknown-builtin`,
  /// `syntax.out-of-range`), and reporting them again here would say each mistake twice.
  public func diagnose(spec: BackendSpec, model: ModelDecl) -> [Diagnostic] { [] }

  public func make(_ model: ModelSpec, context: BackendContext) throws(BackendFailure) -> any ModelBackend {
    let (spec, decl, _) = try model.writtenBackend()
    let (config, errors) = BuiltinDetectorConfig.parse(spec: spec, model: decl)
    guard let config else {
      throw errors.first?.failure
        ?? .message("internal error: built-in backend rejected without a reason (please report)")
    }
    do {
      return try BuiltinDetectorBackend(config: config)
    } catch {
      throw BackendConfigError(
        id: "backend.builtin-unavailable",
        message: "the built-in detector '\(config.name)' cannot load: \(error)",
        range: spec.value.range
      ).failure
    }
  }
}
