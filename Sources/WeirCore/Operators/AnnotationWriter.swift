/// `annotation-writer`: writes what reaches it as annotations with a status, on behalf of a user and
/// a task, then passes the data through unchanged (reference §3.3, Push/Action).
///
/// One annotation per region × concept (with the region's id and box), and one per image-level
/// concept (empty region id). Writing is the interpreter's business: the writer only produces the
/// records, so a dry run produces the same summary without touching a store.
public struct AnnotationWriter: Operator, Hashable {
  public var status: AnnotationStatus
  public var userId: String?
  public var taskId: String?

  public init(status: AnnotationStatus, userId: String? = nil, taskId: String? = nil) {
    self.status = status
    self.userId = userId
    self.taskId = taskId
  }

  /// A writer from its descriptor; with no status it writes `ANNOTATION_SUCCESS`.
  public init(_ d: WriteDescriptor) {
    self.init(status: d.status?.value ?? .success, userId: d.userId?.value, taskId: d.taskId?.value)
  }

  /// `annotation_status`, `annotation_user_id` and `task_id`.
  public static func describe(_ p: some OperatorParamReader) throws(OperatorConfigError) -> OperatorDescriptor
  {
    .write(
      WriteDescriptor(
        status: try p.annotationStatus("annotation_status"), userId: try p.string("annotation_user_id"),
        taskId: try p.string("task_id")))
  }

  public var writesAnnotations: Bool { true }

  public func apply(_ data: DataRecord, _ context: OperatorContext, _ annotations: inout [AnnotationRecord])
    -> DataRecord?
  {
    write(data, context, &annotations)
    return data
  }

  /// Appends this writer's annotations for one input's data.
  public func write(_ data: DataRecord, _ context: OperatorContext, _ annotations: inout [AnnotationRecord]) {
    let code = status.rawValue
    for region in data.regions {
      for concept in region.concepts {
        annotations.append(
          AnnotationRecord(
            workflowId: context.workflowId, nodeId: context.nodeId, inputId: context.input.id,
            regionId: region.id, box: region.boundingBox, conceptId: concept.id, conceptName: concept.name,
            confidence: concept.value, status: code, userId: userId, taskId: taskId))
      }
    }
    for concept in data.concepts {
      annotations.append(
        AnnotationRecord(
          workflowId: context.workflowId, nodeId: context.nodeId, inputId: context.input.id, regionId: "",
          box: nil, conceptId: concept.id, conceptName: concept.name, confidence: concept.value, status: code,
          userId: userId, taskId: taskId))
    }
  }
}
