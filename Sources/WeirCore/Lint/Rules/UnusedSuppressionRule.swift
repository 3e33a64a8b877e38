/// `unused-suppression`: a `# weir-lint-ignore:` comment that suppresses nothing.
///
/// It needs the other rules' findings, so the `Linter` reports it after them; `check` finds nothing.
struct UnusedSuppressionRule: LintRule {
  let id = "unused-suppression"
  let defaultSeverity = Severity.warning
  let summary = "a weir-lint-ignore comment that suppresses nothing, or names no known rule"
  let rationale = """
    A suppression that no longer matches a finding (the mistake was fixed, the node moved, the rule \
    id is misspelt) hides nothing today but will silently hide a real finding tomorrow. Reporting it \
    keeps suppressions honest.
    """
  let fix = """
    Remove the comment, or correct the rule id. A suppression applies to findings that start on its \
    own line (a comment after the code) or on the next line (a comment on a line by itself).
    """
  let example = """
    weir: 1
    workflow: pets
    models:
      pets: {type: visual-detector, concepts: [cat, dog], backend: {replay: pets.json}}
    nodes:
      detect: {model: pets}
      # weir-lint-ignore: dead-branch
      sure:
        type: region-thresholder
        input: detect
        params: {concept_threshold_type: GREATER_THAN, concepts: {cat: 0.5, dog: 0.5}}
      write:
        type: annotation-writer
        input: sure
        params: {annotation_status: ANNOTATION_SUCCESS, annotation_user_id: bot, task_id: pets}
    """

  func check(_ context: LintContext) -> [Diagnostic] { [] }
}
