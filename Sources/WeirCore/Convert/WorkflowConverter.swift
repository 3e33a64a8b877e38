/// Converts a checked workflow to the text of the other dialect (or the same one, written out
/// afresh): `weir convert` (Documentation/Language.md, "Converting").
///
/// Both dialects parse to one `Workflow`, so a conversion writes that tree out again with the
/// target's emitter: `ClarifaiEmitter` or `NativeEmitter`. What the target cannot hold is an error
/// at the place in the input that holds it, and no text is written; vars written into Clarifai's
/// dialect are replaced by their values, with a warning per var and a comment in the output.
public struct WorkflowConverter: Sendable {
  /// Leave backends out of a Clarifai conversion (a warning each) instead of refusing them.
  public var dropBackends: Bool
  /// In a Clarifai conversion, move every backend (written in the workflow or bound from outside)
  /// into a models file (`Conversion.modelsFile`) instead of refusing them.
  public var backendsToModelsFile: Bool
  /// In a conversion to weir's dialect, write backends bound from outside the workflow into its
  /// models (so the converted file runs on its own); off when a file is only written out afresh.
  public var writesBoundBackends: Bool

  public init(
    dropBackends: Bool = false, backendsToModelsFile: Bool = false, writesBoundBackends: Bool = true
  ) {
    self.dropBackends = dropBackends
    self.backendsToModelsFile = backendsToModelsFile
    self.writesBoundBackends = writesBoundBackends
  }

  /// Converts `checked`, read from `file`, to `target`. Call it on a workflow without errors.
  public func convert(_ checked: CheckedWorkflow, file: SourceFile, to target: Dialect) -> Conversion {
    let comments = SourceComments(file)
    switch target {
    case .clarifai:
      var emitter = ClarifaiEmitter(
        checked: checked, comments: comments, dropBackends: dropBackends,
        backendsToModelsFile: backendsToModelsFile)
      return emitter.emit()
    case .native:
      var emitter = NativeEmitter(checked: checked, comments: comments)
      emitter.writesBoundBackends = writesBoundBackends
      return emitter.emit()
    }
  }
}

/// A conversion's text (`nil` when something could not be converted) and what it reported.
public struct Conversion: Sendable {
  public var text: String?
  /// Errors for what the target cannot hold; warnings for what was changed to fit it.
  public var diagnostics: [Diagnostic]
  /// With `backendsToModelsFile`: the models file binding the converted file's models to the
  /// backends they had (`models: {MODEL_ID: {KIND: VALUE, …}}`); `nil` when there were none.
  public var modelsFile: String?
  /// The backends moved into `modelsFile`, by the name they are bound under, with where each came
  /// from (`nil`: written in the workflow; else the folder its relative paths started from).
  public var movedBackends: [(name: String, baseDirectory: String?)]

  public init(
    text: String?, diagnostics: [Diagnostic], modelsFile: String? = nil,
    movedBackends: [(name: String, baseDirectory: String?)] = []
  ) {
    self.text = text
    self.diagnostics = diagnostics
    self.modelsFile = modelsFile
    self.movedBackends = movedBackends
  }
}

extension Workflow {
  /// The node ids' ranges: a model named after a node and declared with it (every Clarifai
  /// model, a native model written inline) has the node's id range as its name range.
  var nodeIdRanges: Set<SourceRange> { Set(nodes.map(\.id.range)) }
}
