extension LintRules {
  /// `weir lint --list-rules`: one line per rule, `id  severity  summary`.
  public static func listing() -> String {
    let width = all.map(\.id.count).max() ?? 0
    func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
    return all.map { rule in "\(pad(rule.id, width))  \(pad("\(rule.defaultSeverity)", 7))  \(rule.summary)\n"
    }.joined()
  }

  /// What `weir lint` prints for a rule's example, as the documentation shows it.
  public static func exampleOutput(_ rule: any LintRule) -> String {
    let file = SourceFile(path: "example.yaml", text: rule.example + "\n")
    return DiagnosticRenderer.text(Linter().lint(file).diagnostics, in: file)
  }

  /// `Documentation/LintRules.md`, generated from the rules themselves (`weir lint --list-rules
  /// --markdown`), with what `weir lint` says about each rule's example.
  public static func markdown() -> String {
    var out = """
      # Lint rules

      <!-- Generated from Sources/WeirCore/Lint/Rules by `weir lint --list-rules --markdown`. \
      A test fails when this file is out of date; regenerate it rather than editing it. -->

      `weir lint FILE…` type-checks each file like `weir check`, then runs the rules below. Type \
      errors say a workflow cannot run; lint findings say it will run and do something its author \
      probably did not mean. Each finding carries the id `lint.<rule>`.


      """
    out += "| Rule | Default | Reports |\n|---|---|---|\n"
    for rule in all {
      out += "| [`\(rule.id)`](#\(rule.id)) | \(rule.defaultSeverity) | \(rule.summary) |\n"
    }
    out +=
      "\n" + bandsSection + "\n" + suppressionSection + "\n" + configurationSection + "\n" + commandSection
    out += "\n## Rules\n"
    for rule in all { out += "\n" + section(rule, output: exampleOutput(rule)) }
    return out
  }

  /// One rule's section.
  static func section(_ rule: any LintRule, output: String) -> String {
    var out = """
      ### `\(rule.id)`

      \(rule.summary.prefix(1).uppercased() + rule.summary.dropFirst()).

      Default severity: **\(rule.defaultSeverity)**.

      **Why it matters.** \(rule.rationale)

      **How to fix it.** \(rule.fix)

      Example:

      ```yaml
      \(rule.example)
      ```

      """
    out += "\n`weir lint example.yaml` says:\n\n```text\n\(output)```\n"
    return out
  }

  /// The descriptors SARIF output lists, one per rule.
  public static var sarifRules: [SARIFRenderer.Rule] {
    all.map { rule in
      SARIFRenderer.Rule(
        id: rule.diagnosticID,
        name: rule.id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(),
        shortDescription: rule.summary, fullDescription: rule.rationale,
        help: "\(rule.rationale)\n\n\(rule.fix)", defaultLevel: rule.defaultSeverity)
    }
  }

  static let bandsSection = """
    ## How confidence bands are computed

    The band rules follow, for each node and each concept, the set of confidences that can reach it \
    (Design.md §3, "Refinement by thresholds"), written as unions of intervals: `(0.5, 0.95]`, \
    `[0, 0.5) ∪ (0.5, 1]`, `{0.95}` for a single value, `∅` for none.

    - A model node gives `[0, 1]` for each concept it predicts. Concepts come from the model's \
    `concepts:` declaration or from the model catalog; a model whose concepts are unknown gives \
    `[0, 1]` for "other concepts", and a threshold that names a concept then tracks it by name.
    - A thresholder (`region-thresholder`, `concept-thresholder`) keeps, for each concept in its \
    `concepts` map, the confidences its `concept_threshold_type` accepts: `GREATER_THAN t` keeps \
    `(t, 1]`, `GREATER_THAN_OR_EQUAL t` keeps `[t, 1]`, `LESS_THAN t` keeps `[0, t)`, \
    `LESS_THAN_OR_EQUAL t` keeps `[0, t]`, `EQUAL t` keeps `{t}`. Thresholds given as `$var` use \
    the var's value.
    - **A thresholder removes every concept it has no threshold for.** A region whose concepts are \
    all removed is dropped. weir's runtime does exactly this, as Clarifai's operators do, so the \
    analysis and a run agree. (To let a concept through untouched, give it \
    `GREATER_THAN_OR_EQUAL 0`.)
    - `random-sample` with `keep_fraction: 0` lets nothing through; every other node (crops, mappers, \
    annotation writers) passes what reaches it on unchanged. A node reading several nodes gets the \
    union of what they give.
    - An annotation writer writes the band that reaches it. `weir bands FILE` prints, per writer and \
    concept, that band, and per concept a chart of [0, 1] showing what is accepted, sent to review \
    and dropped.

    """

  static let suppressionSection = """
    ## Suppressing a finding

    A comment `# weir-lint-ignore: rule-id` (several ids separated by commas; `lint.rule-id` works \
    too; text after ` -- ` is a free-form reason) suppresses findings of those rules that start on \
    the same line, when the comment follows code, or on the next line of code, when the comment \
    stands on a line of its own. Findings about a node start at the node's id, so the usual place is \
    the line above the node:

    ```yaml
      # weir-lint-ignore: uncovered-band -- low-confidence boxes are dropped on purpose
      detect: {model: pets}
    ```

    A suppression that suppresses nothing, or names an unknown rule, is itself reported as \
    `lint.unused-suppression`. Errors from `weir check` cannot be suppressed.

    """

  static let configurationSection = """
    ## Project configuration: `.weir.yaml`

    `weir lint` reads the nearest `.weir.yaml` in the linted file's folder or a folder above it. \
    Its `lint.rules` map sets a rule's severity, or turns it off:

    ```yaml
    lint:
      rules:
        uncovered-band: off
        redundant-threshold: error
        overlapping-writers: warning
    ```

    Settings are `error`, `warning`, `note` and `off`. An unknown rule id, setting or key under \
    `lint` is an error (`config.unknown-rule`, `config.bad-severity`, `config.unknown-key`), and so \
    is a file, `lint` or `rules` that is not a mapping (`config.not-a-mapping`) or a `.weir.yaml` \
    that cannot be read (`config.unreadable`). Other top-level keys are left to other commands: \
    `workflows:` lists the project's workflow files for `weir check` and `weir lint` with no \
    paths (a glob or a list of globs; anything else is `config.bad-workflows`, \
    Documentation/Language.md).

    """

  static let commandSection = """
    ## Command line

    - `--format text|json|sarif|github`: text for people; JSON for tools; SARIF 2.1.0 for code \
    scanning dashboards; `github` prints workflow commands (`::warning file=…`) that GitHub Actions \
    turns into annotations on the pull request.
    - `--strict`: warnings fail the run too.
    - `--rule ID` (repeatable): run only these rules, even ones `.weir.yaml` turns off. \
    `--disable ID` (repeatable): never run these.
    - `--explain` prints, after the findings, each file's bands as `weir bands` does.
    - `--list-rules` lists the rules; with `--markdown` it prints this document.
    - The rules run on a file only when it checks without errors: findings about a workflow that \
    cannot run would be noise next to its errors.
    - Exit status as `weir check`: 0 when no finding fails the run, 1 when one does (an error, or \
    a warning with `--strict`), 2 for a usage error or an unreadable file.

    `weir bands FILE` prints, per annotation writer and concept, the band it writes, and per \
    concept a chart of the [0, 1] axis (`A` accepted, `R` awaiting review, `C` awaiting consensus \
    review, `P` pending, `·` dropped, `!` written twice with different statuses; a lowercase letter \
    marks a cell where only single values such as `{0.95}` are written). `--set accept=0.9` (or \
    `--set sure.concepts.cat=0.9`) tries other values without editing the file; `--nodes` also \
    lists what reaches every node; `--width` sets the number of cells.

    ```text
    concept  0         0.25      0.5       0.75      1
             |         |         |         |         |
    cat     [····················RRRRRRRRRRRRRRRRRRAA]  A (0.95, 1]  R (0.5, 0.95]  · [0, 0.5]
    ```

    ## Adding a rule

    A rule is one file in `Sources/WeirCore/Lint/Rules/`: a type conforming to `LintRule` with a \
    stable id, a default severity, a summary, why it matters, how to fix it and an example workflow, \
    and a `check(_:)` that reads the `BandGraph` and `BandAnalysis` in its `LintContext`. Register \
    it in `LintRules.all`, add `Tests/Fixtures/lint/<id>.yaml` (its `.err` golden is written on the \
    first run), and regenerate this file with `UPDATE_GOLDEN=1 swift test --filter LintGoldenTests`. \
    The tests check that the example fires the rule and that the reference workflow does not.

    """
}
