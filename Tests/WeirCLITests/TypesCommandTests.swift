import Foundation
import Testing
import WeirTestSupport

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
      contentsOf: Repository.root.appendingPathComponent("Documentation/Types.md"), encoding: .utf8
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

/// `weir types` says what weir runs itself, what it forwards to a backend and what it only checks.
@Suite struct TypesExecutionTests {
  @Test func theListSaysHowEachTypeRuns() throws {
    let r = try WeirProcess.run(["types"])
    #expect(r.status == 0)
    let line = { (name: String) in
      r.stdout.split(separator: "\n").first { $0.hasPrefix("  \(name) ") }.map {
        $0.split(separator: " ").prefix(3).joined(separator: " ")
      }
    }
    #expect(line("region-thresholder") == "region-thresholder operator local")
    #expect(line("visual-detector") == "visual-detector model remote")
    #expect(line("isolation-operator") == "isolation-operator operator check-only")
    #expect(line("triage") == "triage workflow local")
    #expect(r.stdout.contains("\nruns:\n  local       weir runs it itself\n"))
  }

  @Test func oneTypeSaysWhetherWeirRunsIt() throws {
    let local = try WeirProcess.run(["types", "annotation-writer"])
    #expect(
      local.stdout.hasPrefix(
        "annotation-writer (action, operator: run by weir)\nruns: local (weir runs it itself)\n"))
    let checkOnly = try WeirProcess.run(["types", "email"])
    #expect(checkOnly.status == 0)
    #expect(
      checkOnly.stdout.hasPrefix(
        "email (action, operator: checked only, weir cannot run it yet)\n"
          + "runs: check-only (weir checks workflows that use it but cannot run it yet: plan and run refuse it)\n"
      ))
    let remote = try WeirProcess.run(["types", "visual-detector"])
    #expect(remote.stdout.contains("\nruns: remote (weir forwards it to the model's backend"))
  }

  @Test func jsonListsEveryTypeAndModelForTools() throws {
    let r = try WeirProcess.run(["types", "--format", "json"])
    #expect(r.status == 0)
    #expect(r.stderr == "")
    let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    #expect(doc["format"] as? String == "weir-types")
    #expect(doc["version"] as? Int == 1)
    let types = try #require(doc["types"] as? [[String: Any]])
    let runs = Dictionary(
      types.map { ($0["name"] as? String ?? "", $0["runs"] as? String ?? "") },
      uniquingKeysWith: { a, _ in a })
    #expect(runs["region-thresholder"] == "local")
    #expect(runs["visual-detector"] == "remote")
    #expect(runs["results-push"] == "check-only")
    #expect(Set(runs.values) == ["local", "remote", "check-only"])
    let threshold = try #require(types.first { $0["name"] as? String == "concept-thresholder" })
    #expect(threshold["aliases"] as? [String] == ["concept-threshold"])
    #expect(threshold["role"] as? String == "operator")
    let params = try #require(threshold["params"] as? [[String: Any]])
    let comparator = try #require(params.first { $0["name"] as? String == "concept_threshold_type" })
    #expect(comparator["required"] as? Bool == true)
    let values = try #require(comparator["values"] as? [[String: Any]])
    #expect(values.first?["name"] as? String == "GREATER_THAN")
    #expect(values.first?["number"] as? Int == 1)
    let models = try #require(doc["models"] as? [[String: Any]])
    #expect(models.contains { $0["id"] as? String == "face-detection" })
  }

  @Test func jsonOfOneTypeOrModelHasTheSameShape() throws {
    let type = try WeirProcess.run(["types", "concept-threshold", "--format", "json"])
    #expect(type.status == 0)
    let doc = try #require(try JSONSerialization.jsonObject(with: Data(type.stdout.utf8)) as? [String: Any])
    let types = try #require(doc["types"] as? [[String: Any]])
    #expect(types.map { $0["name"] as? String } == ["concept-thresholder"])
    #expect(types.first?["runs"] as? String == "local")
    #expect((doc["models"] as? [Any])?.isEmpty == true)
    let model = try WeirProcess.run(["types", "face-detection", "--format", "json"])
    let modelDoc = try #require(
      try JSONSerialization.jsonObject(with: Data(model.stdout.utf8)) as? [String: Any])
    #expect((modelDoc["models"] as? [[String: Any]])?.first?["id"] as? String == "face-detection")
    #expect((modelDoc["types"] as? [Any])?.isEmpty == true)
  }

  @Test func markdownAndJsonTogetherIsAUsageMistake() throws {
    let r = try WeirProcess.run(["types", "--markdown", "--format", "json"])
    #expect(r.status == 2)
    #expect(r.stdout == "")
    #expect(r.stderr.hasPrefix("Error: --markdown and --format json cannot be combined\n"))
  }

  @Test func aDeclaredOperatorWithNoRuntimeIsCheckOnly() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "weir-types-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let types = folder.appendingPathComponent("types.yaml")
    try """
    weir: 1
    types:
      blur-faces:
        family: edit
        runs: operator
        doc: Blurs faces.
        input: image
        output: image

    """.write(to: types, atomically: true, encoding: .utf8)
    let r = try WeirProcess.run(["types", "--types", types.path, "blur-faces"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.hasPrefix("blur-faces (edit, operator: checked only, weir cannot run it yet)\n"))
  }
}
