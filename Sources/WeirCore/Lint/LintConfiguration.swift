/// Which rules run and at what severity: a project's `.weir.yaml`, then the command line.
///
/// ```yaml
/// # .weir.yaml, found by walking up from the linted file's folder
/// lint:
///   rules:
///     uncovered-band: off
///     redundant-threshold: error
/// ```
public struct LintConfiguration: Sendable, Equatable {
  /// What a rule is set to.
  public enum Setting: Sendable, Equatable {
    case off
    case severity(Severity)
  }

  /// Per rule id (without `lint.`), what `.weir.yaml` sets it to.
  public var settings: [String: Setting]
  /// When set, only these rules run (`--rule`), whatever `settings` says.
  public var only: Set<String>?
  /// Rules that never run (`--disable`).
  public var disabled: Set<String>

  public init(settings: [String: Setting] = [:], only: Set<String>? = nil, disabled: Set<String> = []) {
    self.settings = settings
    self.only = only
    self.disabled = disabled
  }

  /// The name of the project configuration file.
  public static let fileName = ".weir.yaml"

  /// The severity `rule` reports at, or `nil` when it does not run.
  public func severity(of rule: any LintRule) -> Severity? {
    if disabled.contains(rule.id) { return nil }
    if let only, !only.contains(rule.id) { return nil }
    switch settings[rule.id] {
    case .off?: return only == nil ? nil : rule.defaultSeverity
    case .severity(let s)?: return s
    case nil: return rule.defaultSeverity
    }
  }

  /// The `.weir.yaml` that applies to a file: the nearest one in its folder or a folder above, up to
  /// `/` for an absolute path and up to the current folder for a relative one. `fileExists` is injected
  /// so the library does no I/O of its own.
  public static func locate(forFile path: String, fileExists: (String) -> Bool) -> String? {
    var folder = parent(path)
    while true {
      let candidate = folder.isEmpty ? fileName : folder == "/" ? "/\(fileName)" : "\(folder)/\(fileName)"
      if fileExists(candidate) { return candidate }
      if folder.isEmpty || folder == "/" { return nil }
      folder = parent(folder)
    }
  }

  /// `a/b` for `a/b/c`, `/` for `/a`, empty for `a`.
  static func parent(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }
}
