import WeirCore

/// Turns the session's settings into edits of the workflow file's text: each changed scalar is
/// rewritten where it stands (byte ranges from the loader), a new mapping key is added next to its
/// siblings, and nothing else moves, so comments and layout survive `save`.
public struct SettingsWriter {
  public var source: SourceFile
  /// The workflow as parsed from `source` (its ranges point into it).
  public var workflow: Workflow

  public init(source: SourceFile, workflow: Workflow) {
    self.source = source
    self.workflow = workflow
  }

  /// One setting written to the file.
  public struct Change: Equatable, Sendable {
    public var target: SettingTarget
    /// The text replaced (empty when a key was added) and the text written.
    public var old: String
    public var new: String
    /// 1-based line of the change.
    public var line: Int
  }

  /// The edits for `settings`, and what they change. Settings equal to what the file says give
  /// no edit. Fails when a setting has no place to go in the file (see `SaveError`).
  public func edits(for settings: [SettingTarget: ParamValue]) -> Result<([TextEdit], [Change]), SaveError> {
    var edits: [TextEdit] = []
    var changes: [Change] = []
    for (target, value) in settings.sorted(by: { $0.key < $1.key }) {
      switch edit(target, value) {
      case .success(let made):
        for edit in made {
          edits.append(edit)
          // A key added on a new line is reported at that line.
          let line = source.location(of: edit.range.start).line + (edit.replacement.hasPrefix("\n") ? 1 : 0)
          changes.append(
            Change(target: target, old: source.slice(edit.range), new: edit.replacement, line: line))
        }
      case .failure(let error): return .failure(error)
      }
    }
    let order = edits.indices.sorted { edits[$0].range.start < edits[$1].range.start }
    return .success((order.map { edits[$0] }, order.map { changes[$0] }))
  }

  private func edit(_ target: SettingTarget, _ value: ParamValue) -> Result<[TextEdit], SaveError> {
    if let original = workflow.value(of: target) {
      return .success(replace(original, with: value))
    }
    guard case .parameter(let nodeId, let name, let key) = target, let node = workflow.node(nodeId) else {
      return .failure(SaveError("'\(target)' is not in the file"))
    }
    if let key {
      guard let param = node.param(name) else {
        let map = ParamValue.map([Param(name: Located(key, node.range), value: value)], node.range)
        return insert(entry: name, value: map, in: node).map { [$0] }
      }
      guard case .map(let entries, let range) = param.value else {
        return .failure(
          SaveError("'\(nodeId).\(name)' is not a mapping in the file, so '\(key)' cannot be added to it"))
      }
      return insert(key: key, value: value, entries: entries, mapRange: range).map { [$0] }
    }
    return insert(entry: name, value: value, in: node).map { [$0] }
  }

  /// Replaces a value written in the file, or nothing when it is already the same. A mapping
  /// given with the same keys as the file's is edited key by key, so its layout stays.
  private func replace(_ original: ParamValue, with value: ParamValue) -> [TextEdit] {
    if Self.same(original, value) { return [] }
    if case .map(let old, _) = original, case .map(let new, _) = value,
      old.map(\.name.value) == new.map(\.name.value)
    {
      return zip(old, new).flatMap { replace($0.value, with: $1.value) }
    }
    let text = source.slice(original.range)
    return [
      TextEdit(
        range: original.range,
        replacement: ScalarFormatter.format(value, replacing: original, originalText: text))
    ]
  }

  /// Adds `name: value` to a node's parameters, next to the ones already written.
  private func insert(entry name: String, value: ParamValue, in node: WorkflowNode) -> Result<
    TextEdit, SaveError
  > {
    guard !node.params.isEmpty else {
      return .failure(
        SaveError(
          "node '\(node.id.value)' has no parameters written in the file, so '\(name)' has no place to go; add a params mapping to it by hand"
        ))
    }
    return insert(key: name, value: value, entries: node.params, mapRange: nil)
  }

  /// Adds `key: value` after the last entry of a mapping: `, key: value` in a flow mapping, a new
  /// line at the entries' indentation in a block mapping.
  private func insert(key: String, value: ParamValue, entries: [Param], mapRange: SourceRange?) -> Result<
    TextEdit, SaveError
  > {
    let text = "\(key): \(ScalarFormatter.format(value, replacing: nil, originalText: ""))"
    guard let first = entries.first, let last = entries.last else {
      // An empty flow mapping `{}`: write inside the braces.
      guard let r = mapRange, source.slice(r).hasPrefix("{") else {
        return .failure(SaveError("cannot add '\(key)' to an empty mapping written in block style"))
      }
      return .success(TextEdit(range: .at(r.start + 1), replacement: text))
    }
    if isFlow(before: first.name.range.start) {
      return .success(TextEdit(range: .at(last.value.range.end), replacement: ", " + text))
    }
    let (line, _) = source.location(of: first.name.range.start)
    let indent = source.lineStarts[line - 1]..<first.name.range.start
    let padding = String(repeating: " ", count: indent.count)
    let (lastLine, _) = source.location(of: last.value.range.end)
    var end = lastLine < source.lineStarts.count ? source.lineStarts[lastLine] - 1 : source.bytes.count
    if end > 0, end <= source.bytes.count, source.bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
    return .success(TextEdit(range: .at(end), replacement: "\n" + padding + text))
  }

  /// Whether the mapping entry starting at `offset` is in a flow mapping: the text before it,
  /// blanks skipped, is `{` or `,`.
  private func isFlow(before offset: Int) -> Bool {
    var i = offset - 1
    while i >= 0, source.bytes[i] == UInt8(ascii: " ") || source.bytes[i] == UInt8(ascii: "\t") { i -= 1 }
    return i >= 0 && (source.bytes[i] == UInt8(ascii: "{") || source.bytes[i] == UInt8(ascii: ","))
  }

  /// Whether two values say the same thing (scalars compared by their typed value).
  static func same(_ a: ParamValue, _ b: ParamValue) -> Bool {
    switch (a, b) {
    case (.scalar(let x), .scalar(let y)): return x.resolved == y.resolved
    case (.varRef(let x), .varRef(let y)): return x.value == y.value
    case (.list(let xs, _), .list(let ys, _)):
      return xs.count == ys.count && zip(xs, ys).allSatisfy { same($0, $1) }
    case (.map(let xs, _), .map(let ys, _)):
      return xs.count == ys.count
        && zip(xs, ys).allSatisfy { $0.name.value == $1.name.value && same($0.value, $1.value) }
    default: return false
    }
  }
}

/// Why `save` could not write a setting.
public struct SaveError: Error, Equatable, Sendable {
  public var message: String

  public init(_ message: String) {
    self.message = message
  }
}
