extension LintConfiguration {
  /// Reads a `.weir.yaml`. Only its `lint:` section is weir lint's; other top-level keys belong to
  /// other commands and are left alone. Mistakes are errors (`config.*`), so a CI run notices them.
  public static func parse(_ file: SourceFile) -> (LintConfiguration, [Diagnostic]) {
    let (root, loadDiagnostics) = YAMLLoader().load(file)
    var diagnostics = loadDiagnostics
    var config = LintConfiguration()
    guard let root else { return (config, diagnostics) }
    guard let top = root.mapping else {
      return (
        config,
        diagnostics + [
          .error(
            "config.not-a-mapping", "\(fileName) must be a mapping; found \(root.kindDescription)",
            at: root.range)
        ]
      )
    }
    guard let lint = top["lint"] else { return (config, diagnostics) }
    guard let section = lint.mapping else {
      return (
        config,
        diagnostics + [
          .error(
            "config.not-a-mapping", "'lint' must be a mapping; found \(lint.kindDescription)", at: lint.range)
        ]
      )
    }
    for pair in section.entries {
      guard pair.keyString == "rules" else {
        let key = pair.keyString ?? ""
        let suggestion = DidYouMean.suggestion(for: key, at: pair.key.range, in: ["rules"])
        diagnostics.append(
          .error(
            "config.unknown-key",
            "unknown key '\(key)' in 'lint'; expected 'rules'\(suggestion?.clause ?? "")",
            at: pair.key.range, fixIts: suggestion?.fixIts ?? []))
        continue
      }
      guard let rules = pair.value.mapping else {
        diagnostics.append(
          .error(
            "config.not-a-mapping",
            "'rules' must map rule ids to severities; found \(pair.value.kindDescription)",
            at: pair.value.range))
        continue
      }
      for entry in rules.entries { readRule(entry, into: &config, &diagnostics) }
    }
    return (config, diagnostics)
  }

  private static let settingNames = ["error", "warning", "note", "off"]

  private static func readRule(
    _ entry: YAMLPair, into config: inout LintConfiguration, _ diagnostics: inout [Diagnostic]
  ) {
    let id = entry.keyString ?? ""
    guard let rule = LintRules.rule(id) else {
      let suggestion = LintRules.suggestion(for: id, at: entry.key.range)
      diagnostics.append(
        .error(
          "config.unknown-rule", "unknown lint rule '\(id)'\(suggestion?.clause ?? "")", at: entry.key.range,
          fixIts: suggestion?.fixIts ?? []))
      return
    }
    let value = entry.value.scalar?.value ?? ""
    switch value {
    case "off": config.settings[rule.id] = .off
    case "error": config.settings[rule.id] = .severity(.error)
    case "warning": config.settings[rule.id] = .severity(.warning)
    case "note": config.settings[rule.id] = .severity(.note)
    default:
      // `warn` is a common shorthand: suggest the setting it starts.
      let nearest =
        settingNames.first { value.count >= 3 && $0.hasPrefix(value) }
        ?? DidYouMean.nearest(to: value, in: settingNames)
      let range = entry.value.scalar == nil ? nil : entry.value.range
      let suggestion = nearest.map { DidYouMean.Suggestion(name: $0, shown: $0, range: range) }
      diagnostics.append(
        .error(
          "config.bad-severity",
          "'\(entry.value.scalar?.value ?? entry.value.kindDescription)' is not a rule setting; expected error, warning, note or off\(suggestion?.clause ?? "")",
          at: entry.value.range, fixIts: suggestion?.fixIts ?? []))
    }
  }
}
