import CYAML

/// Reads YAML text into `YAMLNode`s with byte ranges, over libyaml's event API (DESIGN.md §4).
///
/// Guards: the file size, the nesting depth and the size of the tree after alias expansion are
/// bounded, so a hostile file ("billion laughs", `[[[[…`) fails fast with a diagnostic.
public struct YAMLLoader {
  /// Bounds that keep a hostile file from exhausting memory or time.
  public struct Limits: Sendable {
    public var maxBytes: Int
    public var maxDepth: Int
    /// Nodes in the tree after aliases are expanded.
    public var maxNodes: Int

    public init(maxBytes: Int = 64 << 20, maxDepth: Int = 200, maxNodes: Int = 5_000_000) {
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
  /// (the diagnostics say why); an empty file gives `nil` and no diagnostic.
  public func load(_ file: SourceFile) -> (node: YAMLNode?, diagnostics: [Diagnostic]) {
    if file.bytes.count > limits.maxBytes {
      return (
        nil,
        [
          .error(
            "yaml.too-large",
            "file is \(file.bytes.count) bytes; weir reads workflow files up to \(limits.maxBytes) bytes",
            at: .at(0))
        ]
      )
    }
    var run = LoaderRun(file: file, limits: limits)
    let node = run.parse()
    return (node, run.diagnostics)
  }
}

/// One pass over one file: the libyaml parser, the builder stack and what was found.
private struct LoaderRun {
  let file: SourceFile
  let limits: YAMLLoader.Limits
  var diagnostics: [Diagnostic] = []
  /// Byte offset of each character when the file is not pure ASCII (libyaml marks count characters).
  let charOffsets: [Int]?
  var anchors: [String: (node: YAMLNode, size: Int)] = [:]
  var totalNodes = 0

  init(file: SourceFile, limits: YAMLLoader.Limits) {
    self.file = file
    self.limits = limits
    if file.bytes.allSatisfy({ $0 < 0x80 }) {
      charOffsets = nil
    } else {
      var offsets: [Int] = []
      offsets.reserveCapacity(file.bytes.count + 1)
      var i = file.bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
      while i < file.bytes.count {
        offsets.append(i)
        let b = file.bytes[i]
        i += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
      }
      offsets.append(file.bytes.count)
      charOffsets = offsets
    }
  }

  /// Converts a libyaml mark index (characters) to a byte offset.
  func byteOffset(_ index: Int) -> Int {
    guard let offsets = charOffsets else { return min(index, file.bytes.count) }
    return index < offsets.count ? offsets[index] : file.bytes.count
  }

  /// A builder frame for a collection being read.
  enum Frame {
    case sequence(items: [YAMLNode], start: Int, tag: String?, anchor: String?, flow: Bool, size: Int)
    case mapping(
      entries: [YAMLPair], pendingKey: YAMLNode?, start: Int, tag: String?, anchor: String?, flow: Bool,
      size: Int)
  }

  mutating func parse() -> YAMLNode? {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else {
      diagnostics.append(.error("internal.yaml", "could not initialize the YAML parser (please report)", at: nil))
      return nil
    }
    defer { yaml_parser_delete(&parser) }
    return file.bytes.withUnsafeBufferPointer { buffer -> YAMLNode? in
      yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
      return readEvents(&parser)
    }
  }

  private mutating func readEvents(_ parser: inout yaml_parser_t) -> YAMLNode? {
    var stack: [Frame] = []
    var root: YAMLNode?
    var documents = 0
    while true {
      var event = yaml_event_t()
      guard yaml_parser_parse(&parser, &event) == 1 else {
        reportParserError(parser)
        return root
      }
      defer { yaml_event_delete(&event) }
      let start = byteOffset(Int(event.start_mark.index))
      let end = byteOffset(Int(event.end_mark.index))
      switch event.type {
      case YAML_STREAM_END_EVENT:
        return root
      case YAML_DOCUMENT_START_EVENT:
        documents += 1
        if documents > 1 {
          diagnostics.append(
            .error(
              "yaml.multiple-documents", "a workflow file holds one YAML document; found a second one here",
              at: SourceRange(start: start, end: max(end, start + 3))))
          return root
        }
      case YAML_SCALAR_EVENT:
        let s = event.data.scalar
        let text = Self.string(s.value, Int(s.length))
        let tag = Self.optionalString(s.tag)
        let style = Self.style(s.style)
        guard let resolved = ScalarResolver.resolve(text, style: style, tag: tag) else {
          diagnostics.append(
            .error(
              "yaml.bad-tag", "'\(text)' is not a valid value for tag '\(Self.shortTag(tag))'",
              at: SourceRange(start: start, end: end)))
          let node = YAMLNode.scalar(
            YAMLScalar(value: text, style: style, tag: tag, range: SourceRange(start: start, end: end), resolved: .string(text)))
          if !add(node, size: 1, anchor: Self.optionalString(s.anchor), to: &stack, root: &root) { return root }
          continue
        }
        let node = YAMLNode.scalar(
          YAMLScalar(value: text, style: style, tag: tag, range: SourceRange(start: start, end: end), resolved: resolved))
        if !add(node, size: 1, anchor: Self.optionalString(s.anchor), to: &stack, root: &root) { return root }
      case YAML_ALIAS_EVENT:
        let name = Self.optionalString(event.data.alias.anchor) ?? ""
        guard let anchored = anchors[name] else {
          diagnostics.append(
            .error("yaml.unknown-anchor", "alias '*\(name)' names no anchor defined before it", at: SourceRange(start: start, end: end)))
          return root
        }
        if !add(anchored.node, size: anchored.size, anchor: nil, to: &stack, root: &root) { return root }
      case YAML_SEQUENCE_START_EVENT:
        let d = event.data.sequence_start
        if stack.count >= limits.maxDepth {
          reportDepth(at: start)
          return nil
        }
        stack.append(
          .sequence(
            items: [], start: start, tag: Self.optionalString(d.tag), anchor: Self.optionalString(d.anchor),
            flow: d.style == YAML_FLOW_SEQUENCE_STYLE, size: 1))
      case YAML_MAPPING_START_EVENT:
        let d = event.data.mapping_start
        if stack.count >= limits.maxDepth {
          reportDepth(at: start)
          return nil
        }
        stack.append(
          .mapping(
            entries: [], pendingKey: nil, start: start, tag: Self.optionalString(d.tag),
            anchor: Self.optionalString(d.anchor), flow: d.style == YAML_FLOW_MAPPING_STYLE, size: 1))
      case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
        guard let frame = stack.popLast() else { continue }
        let (node, size, anchor) = finish(frame, end: end)
        if !add(node, size: size, anchor: anchor, to: &stack, root: &root) { return root }
      default:
        continue
      }
    }
  }

  /// Closes a collection frame into a node.
  private mutating func finish(_ frame: Frame, end: Int) -> (YAMLNode, Int, String?) {
    switch frame {
    case .sequence(let items, let start, let tag, let anchor, let flow, let size):
      return (.sequence(YAMLSequence(items: items, tag: tag, range: SourceRange(start: start, end: end), isFlow: flow)), size, anchor)
    case .mapping(let entries, _, let start, let tag, let anchor, let flow, let size):
      return (.mapping(YAMLMapping(entries: entries, tag: tag, range: SourceRange(start: start, end: end), isFlow: flow)), size, anchor)
    }
  }

  /// Adds a finished node to its parent (or makes it the root). Returns false when a limit was hit.
  private mutating func add(
    _ node: YAMLNode, size: Int, anchor: String?, to stack: inout [Frame], root: inout YAMLNode?
  ) -> Bool {
    if let anchor { anchors[anchor] = (node, size) }
    totalNodes += size
    if totalNodes > limits.maxNodes {
      diagnostics.append(
        .error(
          "yaml.alias-limit",
          "the document expands to more than \(limits.maxNodes) nodes through aliases; refusing to expand it",
          at: node.range,
          notes: [Note("this looks like an alias bomb (\"billion laughs\"); use fewer nested aliases")]))
      return false
    }
    guard var frame = stack.popLast() else {
      root = node
      return true
    }
    switch frame {
    case .sequence(var items, let start, let tag, let a, let flow, let s):
      items.append(node)
      frame = .sequence(items: items, start: start, tag: tag, anchor: a, flow: flow, size: s + size)
    case .mapping(var entries, let pendingKey, let start, let tag, let a, let flow, let s):
      if let key = pendingKey {
        checkDuplicate(key, in: entries)
        entries.append(YAMLPair(key: key, value: node))
        frame = .mapping(entries: entries, pendingKey: nil, start: start, tag: tag, anchor: a, flow: flow, size: s + size)
      } else {
        frame = .mapping(entries: entries, pendingKey: node, start: start, tag: tag, anchor: a, flow: flow, size: s + size)
      }
    }
    stack.append(frame)
    return true
  }

  private mutating func checkDuplicate(_ key: YAMLNode, in entries: [YAMLPair]) {
    guard let k = key.scalar, let first = entries.first(where: { $0.key.scalar?.value == k.value }) else { return }
    diagnostics.append(
      .error(
        "yaml.duplicate-key", "duplicate key '\(k.value)' in this mapping", at: k.range,
        notes: [Note("'\(k.value)' was first given here", at: first.key.range)]))
  }

  private mutating func reportDepth(at offset: Int) {
    diagnostics.append(
      .error(
        "yaml.too-deep", "the document nests deeper than \(limits.maxDepth) levels",
        at: SourceRange(start: offset, end: offset + 1)))
  }

  private mutating func reportParserError(_ parser: yaml_parser_t) {
    let problem = Self.optionalCString(parser.problem) ?? "invalid YAML"
    let context = Self.optionalCString(parser.context)
    let offset: Int
    if parser.error == YAML_READER_ERROR {
      offset = Int(parser.problem_offset)
      diagnostics.append(
        .error(
          "yaml.encoding", "the file is not valid UTF-8 text (\(problem))",
          at: SourceRange(start: offset, end: min(offset + 1, file.bytes.count))))
      return
    }
    offset = byteOffset(Int(parser.problem_mark.index))
    var notes: [Note] = []
    if let context {
      notes.append(Note(context, at: .at(byteOffset(Int(parser.context_mark.index)))))
    }
    let end = min(offset + 1, file.bytes.count)
    diagnostics.append(.error("yaml.syntax", problem, at: SourceRange(start: offset, end: end), notes: notes))
  }

  static func string(_ p: UnsafeMutablePointer<yaml_char_t>?, _ length: Int) -> String {
    guard let p else { return "" }
    return String(decoding: UnsafeBufferPointer(start: p, count: length), as: UTF8.self)
  }

  static func optionalString(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    guard let p else { return nil }
    return String(cString: p)
  }

  static func optionalCString(_ p: UnsafePointer<CChar>?) -> String? {
    guard let p else { return nil }
    return String(cString: p)
  }

  static func style(_ s: yaml_scalar_style_t) -> ScalarStyle {
    switch s {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
    case YAML_LITERAL_SCALAR_STYLE: return .literal
    case YAML_FOLDED_SCALAR_STYLE: return .folded
    default: return .plain
    }
  }

  static func shortTag(_ tag: String?) -> String {
    guard let tag else { return "" }
    return tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst(18) : tag
  }
}
