/// The backend kinds weir knows, by name: the registry a check reads options through and `weir
/// run` builds backends from. WeirCore has `replay` (`core`); WeirModels adds `builtin`, `http`
/// and `command` (`BackendKinds.standard`).
public struct BackendKinds: Sendable {
  private var byName: [String: any BackendKind] = [:]
  /// Names in registration order, as messages list them.
  public private(set) var names: [String] = []

  public init(_ kinds: [any BackendKind] = []) {
    for kind in kinds { register(kind) }
  }

  /// Adds a kind, or replaces the one of the same name.
  public mutating func register(_ kind: any BackendKind) {
    if byName[kind.name] == nil { names.append(kind.name) }
    byName[kind.name] = kind
  }

  /// The kind named `name`, if registered.
  public func kind(_ name: String) -> (any BackendKind)? { byName[name] }

  /// The kinds WeirCore builds by itself: `replay`.
  public static let core = BackendKinds([ReplayBackendKind()])

  /// Builds the backend of a planned model with its kind.
  public func make(_ model: ModelSpec, context: BackendContext) throws(BackendFailure) -> any ModelBackend {
    guard let config = model.backend else {
      throw .message(
        "model '\(model.name)' has no backend; give it one (\(names.joined(separator: ", "))) to run it")
    }
    guard let kind = byName[config.kind] else {
      throw .message(
        "model '\(model.name)' has a '\(config.kind)' backend, which this weir does not build "
          + "(it builds: \(names.joined(separator: ", ")))")
    }
    return try kind.make(model, context: context)
  }
}
