import ArgumentParser
import WeirCore

/// `--format` and `--no-color`, shared by every command that prints diagnostics.
struct DiagnosticOptions: ParsableArguments {
  @Option(help: "Output format: \(DiagnosticFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
  var format: DiagnosticFormat = .text

  @Flag(name: .customLong("no-color"), help: "Never colour the output (colour is used only on a terminal).")
  var noColor = false

  /// Whether to colour text written to `stream`.
  func useColor(on stream: Terminal.Stream = .stdout) -> Bool {
    !noColor && format == .text && Terminal.wantsColor(stream)
  }

  /// Renders the reports in the chosen format, coloured when `useColor(on:)` says so.
  func render(_ reports: [FileDiagnostics], on stream: Terminal.Stream = .stdout) -> String {
    format.render(reports, color: useColor(on: stream))
  }
}

/// How diagnostics are printed: text for people, JSON for tools, SARIF 2.1.0 for code-scanning
/// dashboards, GitHub Actions workflow commands for pull-request annotations.
enum DiagnosticFormat: String, CaseIterable, ExpressibleByArgument {
  case text, json, sarif, github

  func render(_ reports: [FileDiagnostics], color: Bool) -> String {
    switch self {
    case .text: return DiagnosticRenderer.text(reports, color: color)
    case .json: return DiagnosticRenderer.json(reports)
    case .sarif:
      return DiagnosticRenderer.sarif(
        reports, rules: LintRules.sarifRules, toolVersion: Weir.configuration.version)
    case .github: return DiagnosticRenderer.github(reports)
    }
  }
}
