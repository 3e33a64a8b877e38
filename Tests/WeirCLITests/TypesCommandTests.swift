import Foundation
import Testing

/// `weir types` and the `--types` / `.weir/types` declarations of `weir check`, run as a user would.
@Suite struct TypesCommandTests {
  @Test func listsNodeTypesByFamily() throws {
    let r = try WeirProcess.run(["types"])
    #expect(r.status == 0)
    #expect(r.stderr == "")
    #expect(r.stdout.hasPrefix("predict: models and predictors: data in, predictions out\n"))
    #expect(r.stdout.contains("\n  region-thresholder "))
    #expect(r.stdout.contains("\nworkflow: weir workflows used as node types\n  triage "))
  }

  @Test func showsOneTypeByNameOrAlias() throws {
    let r = try WeirProcess.run(["types", "concept-threshold"])
    #expect(r.status == 0)
    #expect(
      r.stdout.hasPrefix(
        "concept-thresholder (filter, operator: run by weir)\nalso named: concept-threshold\n"))
    #expect(r.stdout.contains("  concept_threshold_type: enum, required\n"))
  }

  @Test func showsACatalogModel() throws {
    let r = try WeirProcess.run(["types", "margin-110-image-crop"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("margin-110-image-crop (model of type image-crop, clarifai/main)"))
    #expect(r.stdout.contains("parameters: margin: 1.1"))
  }

  @Test func anUnknownNameSuggestsTheNearest() throws {
    let r = try WeirProcess.run(["types", "region-threshold"])
    #expect(r.status == 1)
    #expect(r.stdout == "")
    #expect(
      r.stderr
        == "error: no node type or model named 'region-threshold'; did you mean 'region-thresholder'?\n")
  }

  @Test func markdownIsTheGeneratedPartOfTheDocs() throws {
    let r = try WeirProcess.run(["types", "--markdown"])
    #expect(r.status == 0)
    let doc = try String(
      contentsOf: WeirProcess.repositoryRoot.appendingPathComponent("Documentation/Types.md"), encoding: .utf8
    )
    #expect(doc.hasSuffix("\n" + r.stdout))
  }

  @Test func declarationsBesideAWorkflowAndFromTypesAreUsed() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "weir-types-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent(".weir/types"), withIntermediateDirectories: true)
    let workflow = folder.appendingPathComponent("blur.yaml")
    try """
    weir: 1
    workflow: blur
    models:
      faces: {model_id: my-faces}
    nodes:
      detect: {model: faces}
      blur: {type: blur-faces, input: detect, params: {radius: 12}}

    """.write(to: workflow, atomically: true, encoding: .utf8)
    let types = """
      weir: 1
      types:
        blur-faces:
          family: edit
          runs: operator
          input: [image, "regions[...].region_info.bounding_box"]
          look_back: true
          output: image
          params: {radius: {type: int, range: "[1, 100]"}}
      models:
        my-faces: {type: visual-detector}

      """
    let without = try WeirProcess.run(["check", workflow.path])
    #expect(without.status == 1)
    #expect(without.stdout.contains("unknown node type 'blur-faces'"))

    let declarations = folder.appendingPathComponent("declarations.yaml")
    try types.write(to: declarations, atomically: true, encoding: .utf8)
    // The declaration is used: the node's type is known. weir has no behaviour for it, so the
    // check says so (a workflow that checks must run), and says nothing else.
    let refusal = "node 'blur' has type 'blur-faces', which weir cannot run yet [plan.unsupported-node]"
    let withOption = try WeirProcess.run(["check", "--types", declarations.path, workflow.path])
    #expect(withOption.stdout.contains(refusal))
    #expect(withOption.stdout.components(separatedBy: "error:").count == 2, "\(withOption.stdout)")
    #expect(withOption.status == 1)

    try FileManager.default.moveItem(
      at: declarations, to: folder.appendingPathComponent(".weir/types/mine.yaml"))
    let beside = try WeirProcess.run(["check", workflow.path])
    #expect(beside.stdout == withOption.stdout)
    #expect(beside.status == 1)

    try types.replacingOccurrences(of: "family: edit", with: "family: edits")
      .write(to: folder.appendingPathComponent(".weir/types/mine.yaml"), atomically: true, encoding: .utf8)
    let broken = try WeirProcess.run(["check", workflow.path])
    #expect(broken.status == 1)
    #expect(
      broken.stdout.contains(
        "mine.yaml:4:13: error: 'family' of node type 'blur-faces' has no value 'edits'; did you mean 'edit'? [types.bad-value]"
      ))
  }
}
