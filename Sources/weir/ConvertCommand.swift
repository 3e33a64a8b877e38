import ArgumentParser
import Foundation
import WeirCore
import WeirDriver

/// `weir convert FILE --to native|clarifai`: the workflow written in the other dialect
/// (Documentation/Language.md, "Converting").
struct ConvertCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "convert",
    abstract: "Convert a workflow between weir's dialect and Clarifai's.",
    discussion: """
      Keeps node ids, parameters, model identities and comments. What the target cannot hold \
      (a workflow parameter in Clarifai's dialect) is an error at its place; vars become their \
      values in Clarifai's dialect, with a warning each. Backends: converting to Clarifai's \
      dialect, --models-out FILE moves them (those written in the workflow and those bound by \
      --backend, --models or .weir/models.yaml) into a models file; converting to weir's dialect \
      writes bound backends into the models. The file is checked first: a file with errors \
      prints them instead.
      """)

  @Argument(help: "The workflow file ('-' reads standard input).")
  var file: String

  @Option(help: ArgumentHelp("The dialect to write.", valueName: "dialect"))
  var to: DialectArgument

  @Option(name: .shortAndLong, help: "Write the converted workflow to this file instead of standard output.")
  var output: String?

  @Flag(name: .customLong("drop-backends"), help: "Leave model backends out of a Clarifai conversion.")
  var dropBackends = false

  @Option(
    name: .customLong("models-out"),
    help: ArgumentHelp(
      "Converting to Clarifai's dialect: write the models' backends to this models file "
        + "(e.g. .weir/models.yaml beside the converted workflow).", valueName: "file"))
  var modelsOut: String?

  @OptionGroup var bindingOptions: BindingOptions

  @Option(
    name: .customLong("types"),
    help: "Add node type and model declarations (a file or a folder of .yaml files).")
  var typePaths: [String] = []

  @Flag(name: .customLong("no-color"), help: "Never colour the output (colour is used only on a terminal).")
  var noColor = false

  func validate() throws {
    if modelsOut != nil && to != .clarifai {
      throw ValidationError(
        "--models-out goes with --to clarifai (weir's dialect keeps backends in the workflow)")
    }
    if let modelsOut, let output,
      (modelsOut as NSString).standardizingPath == (output as NSString).standardizingPath
    {
      throw ValidationError("--models-out and --output name the same file")
    }
    if modelsOut != nil && dropBackends {
      throw ValidationError("--models-out and --drop-backends cannot go together")
    }
  }

  func run() async throws {
    let driver = try Driver(typePaths: typePaths).binding(bindingOptions)
    let protected = file == "-" ? [] : [ProtectedFile("workflow", file)]
    let target = try Self.target(output, flag: "--output", protecting: protected)
    let modelsTarget = try Self.target(
      modelsOut, flag: "--models-out",
      protecting: protected + (output.map { [ProtectedFile("--output", $0)] } ?? []))
    let source = try driver.readForCommand(file)
    let libraries = try driver.librariesForCommand([file])
    let (errors, conversion, related) = driver.convert(
      source, library: libraries.library(for: file), to: to.dialect, dropBackends: dropBackends,
      backendsToModelsFile: modelsOut != nil)
    var shown = errors + (conversion?.diagnostics ?? [])
    if let conversion, let modelsOut, conversion.text != nil {
      shown += pathWarnings(conversion, modelsOut: modelsOut)
    }
    let color = !noColor && Terminal.wantsColor(.stderr)
    Terminal.write(
      DiagnosticRenderer.text(
        libraries.problems + related + [FileDiagnostics(file: source, diagnostics: shown.sortedUnique())],
        color: color),
      to: .stderr)
    guard let text = conversion?.text else { throw ExitStatus.failure }
    do {
      if let modelsTarget, let models = conversion?.modelsFile {
        try modelsTarget.write(Array(models.utf8))
      }
      guard let target else { return Terminal.write(text) }
      try target.write(Array(text.utf8))
    } catch {
      Terminal.fail(error.description)
      throw ExitStatus.failure
    }
  }

  /// A file to write, inspected before anything is read, and never one of `protected`.
  private static func target(_ path: String?, flag: String, protecting protected: [ProtectedFile]) throws
    -> OutputTarget?
  {
    guard let path else { return nil }
    do {
      if flag == "--models-out" { createWeirFolder(for: path) }
      let target = try OutputTarget.inspect(path)
      try target.refuseSameFile(as: protected)
      return target
    } catch {
      Terminal.fail("\(flag): \(error.description)")
      throw ExitStatus.usage
    }
  }

  /// `--models-out DIR/.weir/models.yaml` makes the `.weir` folder when DIR exists: that is where a
  /// workflow's own models file lives. Any other missing folder stays an error.
  private static func createWeirFolder(for path: String) {
    let folder = (path as NSString).deletingLastPathComponent
    guard (folder as NSString).lastPathComponent == ".weir", !FileManager.default.fileExists(atPath: folder)
    else { return }
    let parent = (folder as NSString).deletingLastPathComponent
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: parent.isEmpty ? "." : parent, isDirectory: &isDirectory),
      isDirectory.boolValue
    else { return }
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
  }

  /// A warning for each moved backend whose relative paths started from another folder than the
  /// one the models file's paths start from (its workflow's folder for `.weir/models.yaml`, else
  /// its own): weir writes values as they are, so such paths need a look.
  private func pathWarnings(_ conversion: Conversion, modelsOut: String) -> [Diagnostic] {
    let workflowFolder = Self.folder(of: file == "-" ? "./-" : file)
    let modelsFolder = Self.folder(of: modelsOut)
    let readFrom =
      (modelsFolder as NSString).lastPathComponent == ".weir"
      ? (modelsFolder as NSString).deletingLastPathComponent : modelsFolder
    return conversion.movedBackends.compactMap { moved in
      let from = Self.standardized(moved.baseDirectory ?? workflowFolder)
      guard from != Self.standardized(readFrom) else { return nil }
      return .warning(
        "convert.binding-paths",
        "the backend of '\(moved.name)' is written to \(modelsOut) as it is; relative paths in it started "
          + "from '\(from)' and will start from '\(Self.standardized(readFrom))'", at: nil,
        notes: [Note("edit the models file if the backend names a file by a relative path")])
    }
  }

  private static func folder(of path: String) -> String {
    let folder = (path as NSString).deletingLastPathComponent
    return folder.isEmpty ? "." : folder
  }

  private static func standardized(_ folder: String) -> String {
    let absolute =
      folder.hasPrefix("/") ? folder : FileManager.default.currentDirectoryPath + "/" + folder
    return (absolute as NSString).standardizingPath
  }
}

/// `--to`'s value.
enum DialectArgument: String, ExpressibleByArgument, CaseIterable {
  case native, clarifai

  var dialect: Dialect {
    switch self {
    case .native: .native
    case .clarifai: .clarifai
    }
  }
}
