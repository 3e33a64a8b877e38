import Foundation
import Testing
import WeirTestSupport

@testable import WeirCore

/// The Clarifai dialect: real files accepted, the AST they give.
@Suite struct ClarifaiParserTests {
  static let examples = GoldenFile.names(in: "clarifai-examples", ext: "yml")

  @Test func thereAreExamples() { #expect(Self.examples.count >= 9) }

  @Test(arguments: examples)
  func realClarifaiFilesCheckClean(_ name: String) throws {
    let url = GoldenFile.fixtures("clarifai-examples").appendingPathComponent(name + ".yml")
    let outcome = Frontend.check(SourceFile(path: name + ".yml", bytes: [UInt8](try Data(contentsOf: url))))
    // Notes are fine: an exported model whose type only Clarifai knows (check.unknown-model-type).
    // So are the planner's refusals: weir reads and type-checks these files, but some use operators
    // it has no behaviour for or run models on each region, and a workflow that checks must run
    // (Documentation/Diagnostics.md, "`plan.*`").
    let refusals: Set<String> = ["plan.unsupported-node", "plan.unsupported-scope", "plan.unknown-type"]
    let problems = outcome.diagnostics.filter { $0.severity != .note && !refusals.contains($0.id) }
    #expect(problems.isEmpty, "\(outcome.diagnostics)")
    #expect(outcome.workflow?.dialect == .clarifai)
    #expect(outcome.workflow?.nodes.isEmpty == false)
  }

  /// A misspelt or malformed place for parameters is one error: the parameters it may hold are
  /// not also reported missing by the checker.
  @Test(arguments: [
    "outputinfo: {params: {concept_threshold_type: GREATER_THAN}}", "output_info: [params]",
    "output_info: {param: {concept_threshold_type: GREATER_THAN}}", "output_info: {params: GREATER_THAN}",
  ])
  func unreadParametersAreOneError(_ outputInfo: String) throws {
    let text = """
      workflow:
        id: wf
        nodes:
          - id: detect
            model: {model_id: pets, model_type_id: visual-detector}
          - id: sure
            model:
              model_id: sure
              model_type_id: region-thresholder
              \(outputInfo)
            node_inputs: [{node_id: detect}]
      """
    let outcome = Frontend.check(SourceFile(path: "wf.yaml", text: text))
    #expect(outcome.workflow?.node("sure")?.paramsUnread == true)
    #expect(outcome.diagnostics.map(\.id).count == 1, "\(outcome.diagnostics)")
    #expect(!outcome.diagnostics.contains { $0.id == "check.missing-param" })
  }

  @Test func referenceWorkflowExample() throws {
    let url = Repository.root.appendingPathComponent("examples/auto-annotation/clarifai.yaml")
    let outcome = Frontend.check(SourceFile(path: "clarifai.yaml", bytes: [UInt8](try Data(contentsOf: url))))
    #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
    let w = try #require(outcome.workflow)
    #expect(
      w.nodes.map(\.id.value) == ["detect", "sure", "write-sure", "unsure", "plausible", "write-review"])
    #expect(w.models.map(\.name.value) == w.nodes.map(\.id.value))
    #expect(w.node("sure")?.model?.value == "sure")
    #expect(w.model("sure")?.type?.value == "region-thresholder")
    #expect(w.model("detect")?.clarifai?.modelId.value == "pets-detector")
    #expect(w.node("write-review")?.inputs.map(\.value) == ["plausible"])
    #expect(w.node("sure")?.param("concept_threshold_type") != nil)
    guard case .map(let concepts, _)? = w.node("sure")?.param("concepts")?.value else {
      return recordFailure("concepts should be a map")
    }
    #expect(concepts.map(\.name.value) == ["cat", "dog"])
  }

  @Test func dataConceptsBecomeAConceptsMapWithAWarning() throws {
    let text = """
      workflow:
        id: wf
        nodes:
          - id: sure
            model:
              model_id: t
              output_info:
                params: {concept_threshold_type: 1, note: $notavar}
                data: {concepts: [{id: cat, value: 0.95}, {id: 猫, value: 0.5}]}
      """
    let outcome = Frontend.check(SourceFile(path: "t.yaml", text: text))
    // The parser's own: not the checker's (`check.*`) nor the planner's refusals (`plan.*`: the
    // model's type is left to Clarifai, so weir cannot run it).
    let parse = outcome.diagnostics.filter { !$0.id.hasPrefix("check.") && !$0.id.hasPrefix("plan.") }
    #expect(parse.map(\.id) == ["syntax.sdk-incompatible"])
    #expect(parse.first?.severity == .warning)
    let node = try #require(outcome.workflow?.node("sure"))
    guard case .map(let concepts, _)? = node.param("concepts")?.value else {
      return recordFailure("no concepts map")
    }
    #expect(concepts.map(\.name.value) == ["cat", "猫"])
    guard case .scalar(let v) = concepts[1].value else { return recordFailure("value should be a scalar") }
    #expect(v.resolved == .float(0.5))
    // Clarifai has no vars: `$notavar` is text.
    guard case .scalar(let s)? = node.param("note")?.value else {
      return recordFailure("note should be text")
    }
    #expect(s.value == "$notavar")
  }

  @Test func pinnedVersionMayCarryUserAndApp() {
    let text = """
      workflow:
        id: wf
        nodes:
          - id: a
            model: {model_id: m, model_version_id: AA7F35C01E0642FDA5CF400F543E7C40, user_id: clarifai, app_id: main}
      """
    #expect(
      Frontend.check(SourceFile(path: "t.yaml", text: text)).diagnostics.filter {
        !$0.id.hasPrefix("check.") && !$0.id.hasPrefix("plan.")
      }.isEmpty)
  }

  @Test(arguments: [
    ("weir: 1\nnodes: {a: {type: x}}\n", Dialect.native),
    ("workflow: {id: w, nodes: []}\n", .clarifai),
    ("workflow: w\nnodes: {a: {type: x}}\n", .native),
  ])
  func dialectDetection(_ text: String, _ dialect: Dialect) throws {
    let root = try #require(YAMLLoader().load(SourceFile(path: "t", text: text)).node?.mapping)
    #expect(WorkflowParser.detectDialect(root) == dialect)
  }
}
