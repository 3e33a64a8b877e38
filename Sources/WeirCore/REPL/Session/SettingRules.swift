/// The checks a setting must pass before the session takes it, beyond the type checker's: the
/// values the fast path reads must make sense.
enum SettingRules {
  /// A message when the setting is out of bounds in `workflow`, else `nil`.
  static func problem(_ target: SettingTarget, in workflow: Workflow) -> String? {
    let resolver = ValueResolver(workflow: workflow)
    let compiler = PipelineCompiler(workflow: workflow)
    for node in workflow.nodes {
      guard let type = compiler.nodeType(node),
        PipelineCompiler.regionThresholders.contains(type) || PipelineCompiler.conceptThresholders.contains(type),
        case .map(let entries, _)? = node.param("concepts").map({ resolver.resolved($0.value) })
      else { continue }
      for entry in entries {
        guard let x = resolver.scalar(entry.value)?.number else {
          return "the threshold of '\(entry.name.value)' in '\(node.id.value)' would not be a number"
        }
        if x < 0 || x > 1 || x.isNaN {
          return "the threshold of '\(entry.name.value)' in '\(node.id.value)' would be \(ReplFormat.value(x)); thresholds are confidences in [0, 1]"
        }
      }
    }
    return nil
  }
}
