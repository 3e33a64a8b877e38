import CYAML

/// One pass of libyaml's event parser over one file, building `YAMLNode`s on a stack of frames.
///
/// Every step is amortised O(1): frames are mutated in place on the stack (no copy-on-write
/// copies of growing arrays), and a mapping's keys are compared in place while it is small and
/// through a dictionary once it is large, so a 10,000-entry mapping loads in linear time.
struct YAMLEventReader {
  let file: SourceFile
  let limits: YAMLLoader.Limits
  var diagnostics: [Diagnostic] = []
  /// Byte offset of each character when the file is not pure ASCII (libyaml marks count characters).
  private let charOffsets: [Int]?
  private var anchors: [String: (node: YAMLNode, size: Int)] = [:]
  private var totalNodes = 0
  private var stack: [Frame] = []
  private var root: YAMLNode?
  private var documents = 0

  /// A collection being read.
  private struct Frame {
    var isMapping: Bool
    var start: Int
    var tag: String?
    var anchor: String?
    var isFlow: Bool
    /// Nodes in this subtree after alias expansion, itself included.
    var size = 1
    var items: [YAMLNode] = []
    var entries: [YAMLPair] = []
    var pendingKey: YAMLNode?
    /// The first key range for each scalar key text, to report duplicates in O(1); filled only
    /// once the mapping has more than `inPlaceKeys` entries.
    var firstKeys: [String: SourceRange] = [:]
  }

  /// What the caller should do after an event.
  private enum Step { case next, stop }

  init(file: SourceFile, limits: YAMLLoader.Limits) {
    self.file = file
    self.limits = limits
    self.charOffsets = Self.characterOffsets(file.bytes)
  }

  /// The byte offset of every character, or `nil` for pure ASCII (where they are equal).
  private static func characterOffsets(_ bytes: [UInt8]) -> [Int]? {
    if !bytes.contains(where: { $0 >= 0x80 }) { return nil }
    var offsets: [Int] = []
    offsets.reserveCapacity(bytes.count + 1)
    // A byte-order mark counts as one character, like any other.
    var i = 0
    while i < bytes.count {
      offsets.append(i)
      let b = bytes[i]
      i += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
    }
    offsets.append(bytes.count)
    return offsets
  }

  /// Converts a libyaml mark index (characters) to a byte offset.
  func byteOffset(_ index: Int) -> Int {
    guard let offsets = charOffsets else { return min(index, file.bytes.count) }
    return index < offsets.count ? offsets[index] : file.bytes.count
  }

  /// Reads the whole stream; returns the document's root node, or `nil` when there is none.
  mutating func read() -> YAMLNode? {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else {
      diagnostics.append(
        .error("internal.yaml", "could not initialize the YAML parser (please report)", at: nil))
      return nil
    }
    defer { yaml_parser_delete(&parser) }
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
    return file.bytes.withUnsafeBufferPointer { buffer -> YAMLNode? in
      yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
      while true {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else {
          reportParserError(parser)
          return nil
        }
        let step = handle(event)
        let ended = event.type == YAML_STREAM_END_EVENT
        yaml_event_delete(&event)
        if step == .stop || ended { return root }
      }
    }
  }

  private mutating func handle(_ event: yaml_event_t) -> Step {
    let range = SourceRange(
      start: byteOffset(Int(event.start_mark.index)), end: byteOffset(Int(event.end_mark.index)))
    switch event.type {
    case YAML_DOCUMENT_START_EVENT:
      documents += 1
      guard documents > 1 else { return .next }
      let marker = SourceRange(start: range.start, end: max(range.end, range.start + 3))
      diagnostics.append(
        .error(
          "yaml.multiple-documents", "a workflow file holds one YAML document; a second one starts here",
          at: marker, notes: [Note("split the documents into separate files")]))
      return .stop
    case YAML_SCALAR_EVENT:
      let s = event.data.scalar
      return scalar(
        Self.string(s.value, Int(s.length)), style: Self.style(s.style), tag: Self.optionalString(s.tag),
        anchor: Self.optionalString(s.anchor), range: range)
    case YAML_ALIAS_EVENT:
      return alias(Self.optionalString(event.data.alias.anchor) ?? "", range: range)
    case YAML_SEQUENCE_START_EVENT:
      let d = event.data.sequence_start
      return open(
        mapping: false, at: range.start, tag: Self.optionalString(d.tag),
        anchor: Self.optionalString(d.anchor),
        flow: d.style == YAML_FLOW_SEQUENCE_STYLE)
    case YAML_MAPPING_START_EVENT:
      let d = event.data.mapping_start
      return open(
        mapping: true, at: range.start, tag: Self.optionalString(d.tag),
        anchor: Self.optionalString(d.anchor),
        flow: d.style == YAML_FLOW_MAPPING_STYLE)
    case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
      return close(at: range.end)
    default:
      return .next
    }
  }

  private mutating func scalar(
    _ text: String, style: ScalarStyle, tag: String?, anchor: String?, range: SourceRange
  ) -> Step {
    let range = style == .literal || style == .folded ? trimmedBlockRange(range) : range
    var resolved = ScalarResolver.resolve(text, style: style, tag: tag)
    if resolved == nil {
      diagnostics.append(
        .error("yaml.bad-tag", "'\(text)' is not a valid value for tag '\(Self.shortTag(tag))'", at: range))
      resolved = .string(text)
    }
    let node = YAMLNode.scalar(
      YAMLScalar(value: text, style: style, tag: tag, range: range, resolved: resolved ?? .string(text)))
    return add(node, size: 1, anchor: anchor)
  }

  /// A block scalar's range without the trailing line breaks libyaml includes, so an underline
  /// stays on the scalar's own lines.
  private func trimmedBlockRange(_ range: SourceRange) -> SourceRange {
    var end = range.end
    while end > range.start, [0x0A, 0x0D, 0x20, 0x09].contains(file.bytes[end - 1]) { end -= 1 }
    return SourceRange(start: range.start, end: end)
  }

  private mutating func alias(_ name: String, range: SourceRange) -> Step {
    guard let anchored = anchors[name] else {
      diagnostics.append(
        .error("yaml.unknown-anchor", "alias '*\(name)' names no anchor defined before it", at: range))
      return .stop
    }
    return add(anchored.node, size: anchored.size, anchor: nil)
  }

  private mutating func open(mapping: Bool, at start: Int, tag: String?, anchor: String?, flow: Bool) -> Step
  {
    if stack.count >= limits.maxDepth {
      diagnostics.append(
        .error(
          "yaml.too-deep", "the document nests deeper than \(limits.maxDepth) levels",
          at: SourceRange(start: start, end: start + 1),
          notes: [Note("weir stops reading here; a workflow needs only a few levels")]))
      return .stop
    }
    stack.append(Frame(isMapping: mapping, start: start, tag: tag, anchor: anchor, isFlow: flow))
    return .next
  }

  private mutating func close(at end: Int) -> Step {
    guard let frame = stack.popLast() else { return .next }
    let range = SourceRange(start: frame.start, end: end)
    let node: YAMLNode =
      frame.isMapping
      ? .mapping(YAMLMapping(entries: frame.entries, tag: frame.tag, range: range, isFlow: frame.isFlow))
      : .sequence(YAMLSequence(items: frame.items, tag: frame.tag, range: range, isFlow: frame.isFlow))
    // The frame's own node was counted when it opened; its children were counted as they came.
    totalNodes -= frame.size - 1
    return add(node, size: frame.size, anchor: frame.anchor)
  }

  /// Adds a finished node to its parent (or makes it the root).
  private mutating func add(_ node: YAMLNode, size: Int, anchor: String?) -> Step {
    if let anchor { anchors[anchor] = (node, size) }
    totalNodes += size
    if totalNodes > limits.maxNodes {
      diagnostics.append(
        .error(
          "yaml.alias-bomb",
          "the document expands to more than \(limits.maxNodes) nodes through aliases; weir refuses to expand it",
          at: node.range,
          notes: [Note("this looks like an alias bomb (\"billion laughs\"); use fewer nested aliases")]))
      return .stop
    }
    guard !stack.isEmpty else {
      root = node
      return .next
    }
    let top = stack.count - 1
    stack[top].size += size
    if !stack[top].isMapping {
      stack[top].items.append(node)
    } else if let key = stack[top].pendingKey {
      checkDuplicate(key, inFrame: top)
      stack[top].entries.append(YAMLPair(key: key, value: node))
      stack[top].pendingKey = nil
    } else {
      stack[top].pendingKey = node
    }
    return .next
  }

  /// Below this many entries a new key is compared with the earlier ones in place: most mappings
  /// of a workflow have a handful of keys, and hashing each into a dictionary of its own cost more
  /// than comparing (a quarter of the YAML stage on a 10,000-node file).
  private static let inPlaceKeys = 16

  private mutating func checkDuplicate(_ key: YAMLNode, inFrame index: Int) {
    guard case .scalar(let k) = key else { return }
    let count = stack[index].entries.count
    if count < Self.inPlaceKeys {
      guard let first = stack[index].entries.first(where: { $0.key.scalar?.value == k.value }) else { return }
      reportDuplicate(k, first: first.key.range)
      return
    }
    if count == Self.inPlaceKeys {
      // Growing past the in-place bound: index the keys so far, each at its first occurrence.
      for entry in stack[index].entries {
        guard case .scalar(let earlier) = entry.key, stack[index].firstKeys[earlier.value] == nil else {
          continue
        }
        stack[index].firstKeys[earlier.value] = earlier.range
      }
    }
    guard let first = stack[index].firstKeys[k.value] else {
      stack[index].firstKeys[k.value] = k.range
      return
    }
    reportDuplicate(k, first: first)
  }

  private mutating func reportDuplicate(_ k: YAMLScalar, first: SourceRange) {
    diagnostics.append(
      .error(
        "yaml.duplicate-key", "duplicate key '\(k.value)' in this mapping", at: k.range,
        notes: [Note("'\(k.value)' was first given here", at: first)]))
  }
}
