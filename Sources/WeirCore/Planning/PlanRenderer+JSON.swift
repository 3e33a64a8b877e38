import Foundation

extension PlanRenderer {
  struct JSONPlan: Encodable {
    var workflow: String
    var vars: [JSONVar]
    var models: [JSONModel]
    var steps: [JSONStep]
  }

  struct JSONVar: Encodable {
    var name: String
    var value: JSONValue
    var overridden: Bool
  }

  struct JSONModel: Encodable {
    var name: String
    var type: String
    var concepts: [String]?
    var backend: [String: JSONValue]?
    var nodes: [String]
  }

  struct JSONStep: Encodable {
    var index: Int
    var node: String
    var type: String
    var kind: String
    var model: String?
    var reuses: String?
    var inputs: [String]
    var params: [String: JSONValue]
    var branch: Int
    var live: Bool
    var materialized: Bool
    var summary: String
  }

  static func json(_ plan: ExecutionPlan) -> String {
    let value = JSONPlan(
      workflow: plan.workflowId,
      vars: plan.vars.map { JSONVar(name: $0.name, value: $0.value, overridden: $0.overridden) },
      models: plan.models.map { m in
        var backend: [String: JSONValue]?
        if let b = m.spec.backend {
          backend = b.options.merging([b.kind: b.value]) { a, _ in a }.mapValues(\.redactingURLCredentials)
        }
        return JSONModel(
          name: m.name, type: m.spec.type, concepts: m.spec.concepts, backend: backend, nodes: m.nodes)
      },
      steps: plan.steps.map { step in
        var kind = "operator"
        var model: String?
        var reuses: String?
        switch step.action {
        case .model(let m):
          kind = "model"
          model = plan.models[m].name
        case .reuse(let twin):
          kind = "reuse"
          reuses = plan.steps[twin].nodeId
        case .operator: break
        }
        return JSONStep(
          index: step.index + 1, node: step.nodeId, type: step.type, kind: kind, model: model, reuses: reuses,
          inputs: inputNames(step, plan),
          params: Dictionary(step.params.map { ($0.name, $0.value) }) { _, b in b },
          branch: step.branch, live: step.isLive, materialized: step.isMaterialized,
          summary: plan.summary(of: step))
      })
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(value) else { return "{}\n" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
