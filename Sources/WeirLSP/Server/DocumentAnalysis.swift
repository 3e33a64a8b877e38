import Foundation
import WeirCore
import WeirDriver

/// What the driver found in one version of a document: the full check, the lint rules under the
/// `.weir.yaml` that applies to the file, and the bands. Every feature of the server reads this,
/// so hover, completion and diagnostics agree with `weir check` and `weir lint`.
public struct DocumentAnalysis: Sendable {
  public var document: TextDocument
  public var lint: LintOutcome
  public var library: NodeTypeLibrary
  /// The `.weir.yaml` that applies, with its problems.
  public var project: Driver.ProjectFile
  /// The last workflow that parsed, when this version does not (completion while typing).
  public var lastParsed: CheckedWorkflow?

  public var check: CheckOutcome { lint.check }
  public var workflow: Workflow? { lint.check.workflow ?? lastParsed?.workflow }
  public var checked: CheckedWorkflow? { lint.check.checked ?? lastParsed }
  public var bands: BandAnalysis? { lint.bands }
  public var diagnostics: [Diagnostic] { lint.diagnostics }

  /// Checks and lints `document` through `driver`.
  public static func analyze(
    _ document: TextDocument, driver: Driver, library: NodeTypeLibrary, previous: DocumentAnalysis?
  ) -> DocumentAnalysis {
    let project = Driver.projectFile(forWorkflowAt: document.path, read: readIfFile)
    let lint = driver.lint(document.file, library: library, configuration: project.configuration)
    let lastParsed = lint.check.checked == nil ? previous?.checked : nil
    return DocumentAnalysis(
      document: document, lint: lint, library: library, project: project, lastParsed: lastParsed)
  }

  /// How weir runs a node type (local, remote, check-only), for hover and `weir types`' text.
  var runs: NodeTypeDocs.Runs {
    let library = library
    return { OperatorRegistry.standard.execution(of: $0, in: library) }
  }

  private static func readIfFile(_ path: String) -> Result<[UInt8], ReadFailure>? {
    var isDirectory: ObjCBool = false
    guard path.hasPrefix("/"), FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
      !isDirectory.boolValue
    else { return nil }
    return SourceReader.read(path).map(\.bytes)
  }
}
