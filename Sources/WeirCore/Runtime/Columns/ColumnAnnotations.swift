/// One input's annotations as rows of the model columns they were written from. The records
/// (`AnnotationRecord`, with their strings) are built only when something asks for them: a store,
/// `--output`, a test. The run tally counts the rows as they are.
public struct ColumnAnnotations: Sendable {
  /// One written prediction: which writer wrote which row of which columns.
  struct Row: Sendable {
    /// An index into `Sources.writers`.
    var writer: Int32
    /// An index into `Sources.columns`.
    var source: Int32
    /// The row in those columns.
    var row: Int32
    /// The row's concept key (kept here so counting needs no look-up into the columns).
    var key: Int32
  }

  /// A writer as the rows name it.
  struct Writer: Sendable {
    var node: String
    var writer: AnnotationWriter
  }

  /// What the rows of one batch point into, shared by the batch's inputs.
  final class Sources: Sendable {
    let workflowId: String
    let writers: [Writer]
    let columns: [PredictionColumns]

    init(workflowId: String, writers: [Writer], columns: [PredictionColumns]) {
      self.workflowId = workflowId
      self.writers = writers
      self.columns = columns
    }
  }

  let sources: Sources
  let rows: [Row]

  /// The number of annotations.
  public var count: Int { rows.count }

  /// The annotations as records, in the order they were written.
  public func records(inputId: String) -> [AnnotationRecord] {
    var out: [AnnotationRecord] = []
    out.reserveCapacity(rows.count)
    forEachRow { r in
      out.append(
        AnnotationRecord(
          workflowId: sources.workflowId, nodeId: r.nodeId, inputId: inputId, regionId: r.regionId,
          box: r.box, conceptId: r.conceptId, conceptName: r.conceptName, confidence: r.confidence,
          status: r.status, userId: r.userId, taskId: r.taskId))
    }
    return out
  }
}
