extension ColumnAnnotations: AnnotationRows {
  public var workflowId: String { sources.workflowId }

  /// Each row's fields, read from the columns: what `records(inputId:)` would give, without a record.
  public func forEachRow(_ body: (AnnotationRow) throws -> Void) rethrows {
    guard let first = rows.first else { return }
    var source = first.source
    var c = sources.columns[Int(source)]
    for a in rows {
      if a.source != source {
        source = a.source
        c = sources.columns[Int(source)]
      }
      let w = sources.writers[Int(a.writer)]
      let row = Int(a.row)
      let region = Int(c.rowRegion[row])
      let k = c.keys[Int(a.key)]
      try body(
        AnnotationRow(
          writer: Int(a.writer), nodeId: w.node, status: w.writer.status.rawValue, userId: w.writer.userId,
          taskId: w.writer.taskId, concept: Int(a.source) << 32 | Int(a.key), conceptId: k.id,
          conceptName: k.name, regionId: region >= 0 ? c.regionId[region] : "",
          box: region >= 0 ? c.regionBox[region] : nil, confidence: c.value[row]))
    }
  }
}
