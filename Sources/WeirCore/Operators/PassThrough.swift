/// Gives its input on unchanged: the step of a workflow-typed node (`triage`) whose own nodes run
/// in its place, so nodes reading it still get what flowed into it.
public struct PassThrough: Operator, Hashable {
  public init() {}

  public func apply(_ data: DataRecord, _ context: OperatorContext, _ annotations: inout [AnnotationRecord])
    -> DataRecord?
  {
    data
  }
}
