import Foundation
import Testing
import WeirTestSupport

@testable import WeirCore

/// What the native dialect produces: the AST others build on.
@Suite struct NativeParserTests {
  /// Parse and graph diagnostics only: the type checker's (`check.*`) are tested in Sema.
  static func parse(_ text: String) -> (Workflow?, [Diagnostic]) {
    let outcome = Frontend.check(SourceFile(path: "t.yaml", text: text))
    return (outcome.workflow, outcome.diagnostics.filter { !$0.id.hasPrefix("check.") })
  }

  @Test func referenceWorkflowExample() throws {
    let url = Repository.root.appendingPathComponent("examples/auto-annotation/workflow.yaml")
    let file = SourceFile(path: "workflow.yaml", bytes: [UInt8](try Data(contentsOf: url)))
    let outcome = Frontend.check(file)
    #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
    let w = try #require(outcome.workflow)
    #expect(w.dialect == .native)
    #expect(w.id?.value == "auto-annotation")
    #expect(w.vars.map(\.name.value) == ["accept", "review"])
    #expect(
      w.nodes.map(\.id.value) == ["detect", "sure", "write-sure", "unsure", "plausible", "write-review"])
    #expect(w.node("detect")?.model?.value == "pets")
    #expect(w.node("detect")?.inputs.isEmpty == true)
    #expect(w.node("plausible")?.inputs.map(\.value) == ["unsure"])
    #expect(w.node("sure")?.type?.value == "region-thresholder")
    let pets = try #require(w.model("pets"))
    #expect(pets.type?.value == "visual-detector")
    #expect(pets.concepts?.map(\.value) == ["cat", "dog"])
    #expect(pets.backend?.kind.value == "replay")
    guard case .map(let concepts, _)? = w.node("sure")?.param("concepts")?.value,
      case .varRef(let ref) = concepts.first?.value
    else { return recordFailure("concepts of 'sure' should be a map of var references") }
    #expect(ref.value == "accept")
    #expect(file.slice(ref.range) == "$accept")
  }

  /// A misspelt 'vars' or 'params' is one error; an unknown var sets its parameter, so that it is
  /// not also reported missing.
  @Test(arguments: [
    ("varz: {cmp: GREATER_THAN}", "params: {concept_threshold_type: $cmp, default_threshold: 0.5}", false),
    ("vars: [GREATER_THAN]", "params: {concept_threshold_type: $cmp, default_threshold: 0.5}", false),
    ("vars: {}", "parms: {concept_threshold_type: GREATER_THAN, default_threshold: 0.5}", true),
    ("vars: {}", "params: GREATER_THAN", true),
    ("vars: {}", "params: {concept_threshold_type: $cmp, default_threshold: 0.5}", false),
  ])
  func aMistakeIsReportedOnce(_ vars: String, _ params: String, _ unread: Bool) throws {
    let text = """
      weir: 1
      \(vars)
      models:
        pets: {type: visual-detector}
      nodes:
        detect: {model: pets}
        sure: {type: region-thresholder, input: detect, \(params)}
      """
    let outcome = Frontend.check(SourceFile(path: "t.yaml", text: text))
    #expect(outcome.workflow?.node("sure")?.paramsUnread == unread)
    #expect(outcome.diagnostics.count == 1, "\(outcome.diagnostics)")
  }

  @Test func inlineModelIsNamedAfterTheNode() throws {
    let (w, d) = Self.parse(
      "weir: 1\nnodes:\n  cats:\n    model: {type: visual-detector, backend: {builtin: cat-face, scale_factor: 1.1}}\n"
    )
    #expect(d.isEmpty)
    let workflow = try #require(w)
    #expect(workflow.node("cats")?.model?.value == "cats")
    #expect(workflow.model("cats")?.backend?.option("scale_factor") != nil)
    #expect(workflow.model("cats")?.backend?.kind.value == "builtin")
  }

  @Test func backendsOfEachKind() throws {
    let (w, d) = Self.parse(
      """
      weir: 1
      vars: {t: 30}
      models:
        remote:
          type: visual-classifier
          backend: {http: "https://api.clarifai.com", model_id: general-image-recognition, key_env: CLARIFAI_PAT, timeout: $t, retries: 3, batch_size: 32, concurrency: 4}
        local:
          type: visual-detector
          backend: {command: [python3, model.py], timeout: 10, restarts: 2}
        shell:
          type: visual-detector
          backend: {command: ./model.sh}
        replayed:
          type: visual-detector
          backend: {replay: runs/coco.json, images: photos, format: coco}
        identified: {type: visual-classifier, model_id: general-image-recognition, user_id: clarifai, app_id: main}
      nodes:
        a: {model: remote}
        b: {model: local}
        c: {model: shell}
        d: {model: replayed}
        e: {model: identified}
      """)
    #expect(d.isEmpty, "\(d)")
    let workflow = try #require(w)
    #expect(workflow.models.map { $0.backend?.kind.value } == ["http", "command", "command", "replay", nil])
    #expect(workflow.model("identified")?.clarifai?.userId?.value == "clarifai")
    guard case .varRef? = workflow.model("remote")?.backend?.option("timeout")?.value else {
      return recordFailure("timeout should stay a var reference")
    }
  }

  @Test func interfaceMakesTheWorkflowANodeType() throws {
    let (w, d) = Self.parse(
      "weir: 1\nworkflow: triage\ninput: [\"regions[...].data.concepts\"]\nparams: {accept: 0.95}\nnodes:\n  sure: {type: region-thresholder, params: {concepts: {cat: $accept}}}\n"
    )
    #expect(d.isEmpty, "\(d)")
    let interface = try #require(w?.interface)
    #expect(interface.input.map(\.value) == ["regions[...].data.concepts"])
    #expect(interface.params.map(\.name.value) == ["accept"])
  }

  @Test func nativeNodesMayNameLaterNodes() {
    let (_, d) = Self.parse("weir: 1\nnodes:\n  b: {type: x, input: a}\n  a: {type: y}\n")
    #expect(d.isEmpty)
  }
}
