import Foundation

/// Writes one input's result as a line of `--output`: Clarifai's `WorkflowResult` shape, with each
/// node's output in `outputs[]` in the order the file declares the nodes (Clarifai's order), and
/// weir's `node_id` beside Clarifai's `model`, since two nodes may call the same model.
///
/// ```json
/// {"input": {"id": "cat1.jpg", "data": {"image": {"path": "photos/cat1.jpg"}}},
///  "status": {"code": 10000, "description": "Ok"},
///  "outputs": [{"node_id": "detect", "model": {"id": "pets", "model_type_id": "visual-detector"},
///               "status": {"code": 10000, "description": "Ok"}, "data": {"regions": [...]}}, ...]}
/// ```
///
/// A node that did not run for the input (a step upstream removed the data point, or nothing it
/// feeds writes annotations) has empty `data`. A failed input has status 10020 with the node and
/// error in `details`, and no outputs.
public struct ResultEncoder: Sendable {
  public let plan: ExecutionPlan
  private let order: [PlanStep]

  public init(plan: ExecutionPlan) {
    self.plan = plan
    self.order = plan.steps.sorted { $0.sourceIndex < $1.sourceIndex }
  }

  struct Line: Encodable {
    var input: InputJSON
    var status: Status
    var outputs: [Output]
  }

  struct InputJSON: Encodable {
    var id: String
    var data: DataRecord
  }

  struct Status: Encodable {
    var code: Int
    var description: String
    var details: String?

    static let ok = Status(code: 10000, description: "Ok")
  }

  struct Output: Encodable {
    var nodeId: String
    var model: Model
    var status: Status
    var data: DataRecord

    enum CodingKeys: String, CodingKey {
      case nodeId = "node_id"
      case model, status, data
    }
  }

  struct Model: Encodable {
    var id: String
    var modelTypeId: String

    enum CodingKeys: String, CodingKey {
      case id
      case modelTypeId = "model_type_id"
    }
  }

  /// The JSON line (without the trailing newline) for one result.
  public func encode(_ result: InputResult) throws -> Data {
    let image =
      result.input.path == nil && result.input.url == nil
      ? nil
      : ImageRef(url: result.input.url, path: result.input.path, width: result.width, height: result.height)
    var line = Line(
      input: InputJSON(id: result.input.id, data: DataRecord(image: image)), status: .ok, outputs: [])
    if let e = result.error {
      let details = (e.node.map { "\($0): " } ?? "") + e.message
      line.status = Status(code: 10020, description: "Failure", details: details)
    } else {
      line.outputs = order.map { step in
        let modelId: String
        switch step.action {
        case .model(let m): modelId = plan.models[m].name
        case .reuse(let twin):
          modelId = plan.steps[twin].modelIndex.map { plan.models[$0].name } ?? step.nodeId
        case .operator: modelId = step.nodeId
        }
        let data = step.index < result.outputs.count ? result.outputs[step.index] : nil
        return Output(
          nodeId: step.nodeId, model: Model(id: modelId, modelTypeId: step.type), status: .ok,
          data: data ?? DataRecord())
      }
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(line)
  }
}
