import CYAML

/// Reads YAML text into `YAMLNode`s with byte ranges, over libyaml's event API (Design.md §4).
///
/// Guards: the file size, the nesting depth and the size of the tree after alias expansion are
/// bounded, so a hostile file ("billion laughs", `[[[[…`) fails fast with a diagnostic. The text
/// must be UTF-8; anything else is reported at the first bad byte before libyaml sees it.
public struct YAMLLoader: Sendable {
  /// Bounds that keep a hostile file from exhausting memory or time.
  public struct Limits: Sendable {
    public var maxBytes: Int
    public var maxDepth: Int
    /// Nodes in the tree after aliases are expanded.
    public var maxNodes: Int

    /// Defaults fit workflows far larger than any real one: a 10,000-node workflow is about
    /// 1 MB and 150,000 YAML nodes.
    public init(maxBytes: Int = 16 << 20, maxDepth: Int = 100, maxNodes: Int = 1_000_000) {
      self.maxBytes = maxBytes
      self.maxDepth = maxDepth
      self.maxNodes = maxNodes
    }
  }

  public var limits: Limits

  public init(limits: Limits = Limits()) {
    self.limits = limits
  }

  /// Loads the single document of `file`. Returns `nil` as the node when nothing could be read
  /// (the diagnostics say why); an empty file (or one holding only comments) gives `nil` and no
  /// diagnostic, so the caller can say what it expected.
  public func load(_ file: SourceFile) -> (node: YAMLNode?, diagnostics: [Diagnostic]) {
    if file.bytes.count > limits.maxBytes {
      let message =
        "file is \(file.bytes.count) bytes; weir reads workflow files up to \(limits.maxBytes) bytes"
      return (nil, [.error("yaml.too-large", message, at: .at(0))])
    }
    if let problem = UTF8Validation.firstProblem(in: file.bytes) {
      return (nil, [problem.diagnostic(in: file)])
    }
    var run = YAMLEventReader(file: file, limits: limits)
    let node = run.read()
    return (node, run.diagnostics)
  }
}
