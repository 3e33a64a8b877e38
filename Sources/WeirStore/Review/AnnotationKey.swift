import WeirCore

/// The identity of an annotation in the store: workflow, input, node, region and the concept the
/// model predicted. A relabel changes the concept shown, never the key.
public struct AnnotationKey: Sendable, Hashable, Codable {
  public var workflowId: String
  public var inputId: String
  public var nodeId: String
  public var regionId: String
  public var conceptId: String

  public init(workflowId: String, inputId: String, nodeId: String, regionId: String, conceptId: String) {
    self.workflowId = workflowId
    self.inputId = inputId
    self.nodeId = nodeId
    self.regionId = regionId
    self.conceptId = conceptId
  }

  /// The key's columns, in the order of the annotations table's primary key.
  var arguments: [String] { [workflowId, inputId, nodeId, regionId, conceptId] }
}
