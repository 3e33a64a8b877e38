import ArgumentParser
import Foundation
import WeirDriver

/// `--backend NAME=SPEC` and `--models FILE`: model bindings, shared by `check`, `plan`, `run` and
/// `repl` (Documentation/Backends.md, "Binding models to backends").
struct BindingOptions: ParsableArguments {
  @Option(
    name: .customLong("backend"),
    help: ArgumentHelp(
      "Bind a model (a node id or model id) to a backend: KIND:VALUE such as replay:predictions.json, "
        + "builtin:cat-face, http:https://api.clarifai.com, or a mapping {replay: p.json, format: coco}.",
      valueName: "name=spec"))
  var backends: [String] = []

  @Option(
    name: .customLong("models"),
    help: ArgumentHelp(
      "A models file binding model ids to backends (default: .weir/models.yaml beside the workflow).",
      valueName: "file"))
  var modelsFile: String?

  /// The bindings, with `WEIR_CLARIFAI_API` read from the environment.
  func bindings() throws(DriverError) -> ModelBindings {
    try ModelBindings(
      backends: backends, modelsFile: modelsFile, environment: ProcessInfo.processInfo.environment)
  }
}

extension Driver {
  /// The driver with the command line's bindings; a wrong `WEIR_CLARIFAI_API` ends the command
  /// with `weir: …` and exit status 2.
  func binding(_ options: BindingOptions) throws -> Driver {
    var driver = self
    do {
      driver.bindings = try options.bindings()
    } catch {
      Terminal.fail(error.description)
      throw ExitStatus.usage
    }
    return driver
  }
}
