/// What tab completion offers for the word being typed.
public struct ReplCompletion: Equatable, Sendable {
  /// The word being completed, as typed (the candidates replace it).
  public var word: String
  /// Full replacements for the word, sorted. One that ends in `.` or `/` expects more typing.
  public var candidates: [String]
}

extension ReplSession {
  /// Completions for the last word of `line`, the text from the start of the line to the cursor:
  /// command names first, then per command its files, nodes, inputs, vars and `NODE.PARAM`s.
  public func completions(forLine line: String) -> ReplCompletion {
    let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    let endsWithBlank = line.last == " " || line.last == "\t"
    let word = endsWithBlank ? "" : (words.last ?? "")
    let position = endsWithBlank ? words.count : max(0, words.count - 1)
    func offer(_ all: [String]) -> ReplCompletion {
      ReplCompletion(word: word, candidates: Array(Set(all.filter { $0.hasPrefix(word) })).sorted())
    }
    if position == 0 { return offer(ReplCommandInfo.all.map(\.name)) }
    guard let info = ReplCommandInfo.named(words[0]) else { return offer([]) }
    switch info.name {
    case "set":
      // `set NAME = VALUE`: the name, then `=`, then (for enums) the value.
      if words.prefix(position).dropFirst().contains(where: { $0.contains("=") }) {
        let name = String(words[1].prefix { $0 != "=" })
        return offer(valueCandidates(for: name))
      }
      if word.contains("=") { return offer([]) }
      return offer(position == 1 ? settingCandidates(word) : position == 2 ? ["="] : [])
    case "sweep":
      if position == 1 { return offer(settingCandidates(word)) }
      if words.dropLast(endsWithBlank ? 0 : 1).last == "--plot" { return offer(fileCandidates(word)) }
      return offer(["step", "points", "--plot", "--iou"])
    case "inputs":
      return offer(fileCandidates(word) + inputs.map(\.id))
    default:
      guard position == 1 else { return offer([]) }
      switch info.argument {
      case .none: return offer([])
      case .command: return offer(ReplCommandInfo.all.map(\.name))
      case .file: return offer(fileCandidates(word))
      case .node: return offer(document?.workflow.nodes.map(\.id.value) ?? [])
      case .input: return offer(inputs.map(\.id))
      case .setting: return offer(settingCandidates(word))
      }
    }
  }

  /// Vars; node ids followed by `.`; once a node is typed, its parameters; once a mapping
  /// parameter is typed, its keys and the concepts the models predict.
  func settingCandidates(_ word: String) -> [String] {
    guard let workflow = effectiveWorkflow else { return [] }
    let ids = workflow.nodes.map(\.id.value).sorted { $0.count > $1.count }
    guard let node = ids.first(where: { word.hasPrefix($0 + ".") }).flatMap(workflow.node) else {
      return workflow.vars.map(\.name.value) + workflow.nodes.map { $0.id.value + "." }
    }
    let id = node.id.value
    let type = PipelineCompiler(workflow: workflow).nodeType(node) ?? ""
    var params = node.params.map(\.name.value) + (Self.knownParams[type] ?? [])
    let rest = word.dropFirst(id.count + 1)
    if let dot = rest.firstIndex(of: ".") {
      let param = String(rest[..<dot])
      var keys: [String] = []
      if case .map(let entries, _)? = node.param(param)?.value { keys = entries.map(\.name.value) }
      if param == "concepts" { keys += table?.conceptIds ?? [] }
      return keys.map { "\(id).\(param).\($0)" }
    }
    params = Array(Set(params)).sorted()
    return params.map { p in
      let isMap: Bool = { if case .map? = node.param(p)?.value { return true } else { return p == "concepts" } }()
      return "\(id).\(p)" + (isMap ? "." : "")
    }
  }

  /// Parameters the fast path reads, offered even when not written yet.
  static let knownParams: [String: [String]] = [
    "region-thresholder": ["concept_threshold_type", "concepts"],
    "concept-thresholder": ["concept_threshold_type", "concepts"],
    "annotation-writer": ["annotation_status", "annotation_user_id", "task_id"],
  ]

  /// Values offered after `set NAME =`: enum names for the comparator and status parameters.
  func valueCandidates(for name: String) -> [String] {
    if name.hasSuffix(".concept_threshold_type") { return ThresholdComparison.allCases.map(\.name) }
    if name.hasSuffix(".annotation_status") { return AnnotationStatus.allCases.map(\.name) }
    return []
  }

  /// Files and folders whose names start with the typed word; folders end with `/`.
  func fileCandidates(_ word: String) -> [String] {
    let slash = word.lastIndex(of: "/")
    let folder = slash.map { String(word[...$0]) } ?? ""
    let prefix = slash.map { String(word[word.index(after: $0)...]) } ?? word
    let listed = environment.listDirectory(environment.resolve(folder.isEmpty ? "." : folder)) ?? []
    return listed.filter { $0.name.hasPrefix(prefix) && (!$0.name.hasPrefix(".") || prefix.hasPrefix(".")) }
      .map { folder + $0.name + ($0.isDirectory ? "/" : "") }
  }
}
