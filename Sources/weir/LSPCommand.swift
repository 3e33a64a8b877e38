import ArgumentParser
import Foundation
import WeirCore
import WeirDriver
import WeirLSP

/// `weir lsp`: the Language Server Protocol over standard input and output, for editors
/// (Documentation/Editors.md).
struct LSPCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lsp",
    abstract: "Serve the Language Server Protocol on standard input and output, for editors.",
    discussion: """
      Diagnostics (weir check and weir lint, with the .weir.yaml that applies to the file) as you \
      type, hover, completion, go to definition, references, rename, fix-its as code actions and \
      formatting. Editors start it themselves; see Documentation/Editors.md.
      """)

  @Option(
    name: .customLong("types"),
    help: "Add node type and model declarations (a file or a folder of .yaml files).")
  var typePaths: [String] = []

  @Option(help: "Milliseconds without a new change before a changed file's diagnostics are published.")
  var debounce: Int = 15

  func validate() throws {
    if !(0...5000).contains(debounce) {
      throw ValidationError("--debounce must be between 0 and 5000; got \(debounce)")
    }
  }

  func run() throws {
    // Bindings as `weir check` has them with no --backend: .weir/models.yaml beside each workflow,
    // and WEIR_CLARIFAI_API.
    var driver = Driver(typePaths: typePaths)
    do {
      driver.bindings = try ModelBindings(
        backends: [], modelsFile: nil, environment: ProcessInfo.processInfo.environment)
    } catch {
      throw ValidationError(error.description)
    }
    var server = StdioServer(
      server: LanguageServer(driver: driver, version: Weir.configuration.version), debounce: debounce)
    let status = server.run()
    if status != 0 { throw ExitCode(status) }
  }
}

/// `weir schema`: the JSON Schema of both dialects, for yaml-language-server.
struct SchemaCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "schema",
    abstract: "Print a JSON Schema of both workflow dialects, for editors that use yaml-language-server.",
    discussion: """
      Generated from the node types and the model catalog (and --types declarations). Save it and \
      name it in a workflow's first line: # yaml-language-server: $schema=weir.schema.json
      """)

  @Option(
    name: .customLong("types"),
    help: "Add node type and model declarations (a file or a folder of .yaml files).")
  var typePaths: [String] = []

  @Option(name: .shortAndLong, help: "Write the schema to this file instead of standard output.")
  var output: String?

  func run() throws {
    let driver = Driver(typePaths: typePaths)
    let libraries: TypeLibraries
    do { libraries = try driver.libraries(for: []) } catch { throw ValidationError(error.description) }
    let text = JSONText.pretty(WorkflowSchema.schema(libraries.base))
    guard let output else {
      print(text, terminator: "")
      return
    }
    do {
      try OutputTarget.inspect(output).write(Array(text.utf8))
    } catch {
      FileHandle.standardError.write(Data("weir: cannot write '\(output)': \(error)\n".utf8))
      throw ExitCode(1)
    }
  }
}
