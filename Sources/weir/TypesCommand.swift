import ArgumentParser
import Foundation
import WeirCore

/// `weir types [NAME]`: browse the node types, kinds and parameters of the standard library (and
/// of the user's own declarations), and the model catalog.
struct TypesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "types",
    abstract: "Browse node types, their kinds and parameters, and the model catalog.",
    discussion: """
      With no NAME, lists the node types by family. With a NAME (a node type, an alias, or a model \
      of the catalog), prints it in full. Each type says how weir runs it: local (weir runs it \
      itself), remote (a model: weir forwards it to its backend) or check-only (weir checks \
      workflows that use it but cannot run it yet). Declarations in .weir/types/ of the current \
      folder are included.
      """)

  /// How the output is written.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  @Argument(help: "A node type (region-thresholder), an alias, or a catalog model id (face-detection).")
  var name: String?

  @Flag(help: "List the models of the catalog.")
  var models = false

  @Flag(help: "Print the reference of Documentation/Types.md (node types and models) as Markdown.")
  var markdown = false

  @Option(
    help: "text, or json: every type (or NAME) and model as data, for tools (see Documentation/Types.md).")
  var format: Format = .text

  @Option(
    name: .customLong("types"),
    help: "Add node type and model declarations (a file or a folder of .yaml files).")
  var typePaths: [String] = []

  func run() throws {
    // Declarations in .weir/types of the current folder are included, as for a workflow there.
    let local = NodeTypeLibrary.typePaths(forWorkflowAt: "workflow.yaml")
    let (library, problems) = try NodeTypeLibrary.standard.adding(paths: local + typePaths)
    if !problems.isEmpty {
      FileHandle.standardError.write(Data(DiagnosticRenderer.text(problems).utf8))
      if problems.contains(where: { $0.diagnostics.hasErrors }) { throw ExitCode(1) }
    }
    let runs: NodeTypeDocs.Runs = { OperatorRegistry.standard.execution(of: $0, in: library) }
    if markdown {
      print(NodeTypeDocs.markdown(library, runs: runs), terminator: "")
    } else if let name {
      try show(name, in: library, runs: runs)
    } else if format == .json {
      print(NodeTypeDocs.json(library, runs: runs), terminator: "")
    } else if models {
      print(NodeTypeDocs.catalog(library), terminator: "")
    } else {
      print(NodeTypeDocs.list(library, runs: runs), terminator: "")
    }
  }

  func validate() throws {
    if markdown && format == .json {
      throw ValidationError("--markdown and --format json cannot be combined")
    }
  }

  private func show(_ name: String, in library: NodeTypeLibrary, runs: NodeTypeDocs.Runs) throws {
    if let type = library.type(named: name) {
      print(
        format == .json ? NodeTypeDocs.json(type, runs: runs) : NodeTypeDocs.describe(type, runs: runs),
        terminator: "")
    } else if let model = library.catalog.model(id: name) {
      print(format == .json ? NodeTypeDocs.json(model) : NodeTypeDocs.describe(model), terminator: "")
    } else {
      let suggestion = library.suggestion(for: name).map { "; did you mean '\($0)'?" } ?? ""
      FileHandle.standardError.write(Data("error: no node type or model named '\(name)'\(suggestion)\n".utf8))
      throw ExitCode(1)
    }
  }
}
