import WeirCore

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
    let declared = checked?.node(id)?.type?.params ?? []
    func isMapping(_ name: String) -> Bool {
      if case .map? = node.param(name)?.value { return true }
      return declared.first { $0.name == name }?.type == .conceptThresholds
    }
    let rest = word.dropFirst(id.count + 1)
    if let dot = rest.firstIndex(of: ".") {
      let param = String(rest[..<dot])
      var keys: [String] = []
      if case .map(let entries, _)? = node.param(param)?.value { keys = entries.map(\.name.value) }
      if isMapping(param) { keys += table?.conceptIds ?? [] }
      return keys.map { "\(id).\(param).\($0)" }
    }
    let params = Set(node.params.map(\.name.value) + declared.map(\.name)).sorted()
    return params.map { "\(id).\($0)" + (isMapping($0) ? "." : "") }
  }

  /// Values offered after `set NAME =`: the names of an enum parameter, `true`/`false`, or vars
  /// (as `$name`) for anything else.
  func valueCandidates(for name: String) -> [String] {
    guard let workflow = document?.workflow,
      case .success(let target) = SettingTarget.resolve(name, in: workflow)
    else {
      return []
    }
    let vars = workflow.vars.map { "$" + $0.name.value }
    guard case .parameter(let node, let param, let key) = target, key == nil,
      let decl = checked?.node(node)?.type?.param(param)
    else { return vars }
    switch decl.type {
    case .enumeration(let domain): return domain.cases.map(\.name)
    case .bool: return ["true", "false"]
    default: return vars
    }
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
