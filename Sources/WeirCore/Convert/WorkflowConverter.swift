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

  public init(dropBackends: Bool = false) {
    self.dropBackends = dropBackends
  }

  /// Converts `checked`, read from `file`, to `target`. Call it on a workflow without errors.
  public func convert(_ checked: CheckedWorkflow, file: SourceFile, to target: Dialect) -> Conversion {
    let comments = SourceComments(file)
    switch target {
    case .clarifai:
      var emitter = ClarifaiEmitter(checked: checked, comments: comments, dropBackends: dropBackends)
      return emitter.emit()
    case .native:
      var emitter = NativeEmitter(checked: checked, comments: comments)
      return emitter.emit()
    }
  }
}

/// A conversion's text (`nil` when something could not be converted) and what it reported.
public struct Conversion: Sendable {
  public var text: String?
  /// Errors for what the target cannot hold; warnings for what was changed to fit it.
  public var diagnostics: [Diagnostic]

  public init(text: String?, diagnostics: [Diagnostic]) {
    self.text = text
    self.diagnostics = diagnostics
  }
}

extension Workflow {
  /// The node ids' ranges: a model named after a node and declared with it (every Clarifai
  /// model, a native model written inline) has the node's id range as its name range.
  var nodeIdRanges: Set<SourceRange> { Set(nodes.map(\.id.range)) }
}
