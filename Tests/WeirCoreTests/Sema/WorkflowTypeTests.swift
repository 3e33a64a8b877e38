import Testing

@testable import WeirCore

/// The standard library, which has `triage` (stdlib/workflows/triage.yaml).
func libraryWithTriage() throws -> NodeTypeLibrary {
  try #require(NodeTypeLibrary.standard.type(named: "triage") != nil)
  return NodeTypeLibrary.standard
}

@Suite struct WorkflowTypeTests {
  @Test func triageIsANodeType() throws {
    let library = try libraryWithTriage()
    let triage = try #require(library.type(named: "triage"))
    #expect(triage.role == .workflow)
    #expect(triage.family == .workflow)
    #expect(triage.inputDescription == "regions[...].data.concepts")
    #expect(triage.params.map(\.name) == ["accept", "review", "user", "task"])
    #expect(triage.param("accept")?.defaultValue == .number(0.95))
    #expect(triage.param("accept")?.range == NumberRange(lower: 0, upper: 1))
  }

  @Test func aTriageNodeExpandsWithItsParametersAsVars() throws {
    let (checked, problems) = checkForTest(
      """
      weir: 1
      workflow: pets
      vars:
        accept: 0.9
      models:
        pets: {type: visual-detector, concepts: [cat, dog]}
      nodes:
        detect: {model: pets}
        label: {type: triage, input: detect, params: {accept: $accept, user: bot}}
      """, library: try libraryWithTriage())
    #expect(problems == [])
    let label = try #require(checked.node("label"))
    #expect(label.number("accept") == 0.9)
    #expect(label.number("review") == 0.5)
    let expansion = try #require(label.expansion)
    #expect(expansion.inputKind == checked.node("detect")?.outputKind)
    #expect(expansion.node("sure")?.number("default_threshold") == 0.9)
    #expect(expansion.node("plausible")?.number("default_threshold") == 0.5)
    #expect(expansion.node("write-review")?.string("annotation_user_id") == "bot")
    // `task` was not set, so task_id is left unset rather than wrong.
    #expect(expansion.node("write-review")?.param("task_id") == nil)
    #expect(expansion.node("write-review")?.inputKind?.has("regions[...].region_info.bounding_box") == true)
    #expect(label.outputKind == checked.node("detect")?.outputKind)

    let (tuned, tunedProblems) = checked.with(Overrides(vars: ["accept": .float(0.8)]))
    #expect(tunedProblems.isEmpty)
    #expect(tuned.node("label")?.expansion?.node("unsure")?.number("default_threshold") == 0.8)
  }

  @Test func triageParametersAndInputAreChecked() throws {
    let (_, problems) = checkForTest(
      """
      weir: 1
      workflow: pets
      models:
        labels: {type: visual-classifier}
      nodes:
        classify: {model: labels}
        label: {type: triage, input: classify, params: {accept: 1.2, reveiw: 0.5}}
      """, library: try libraryWithTriage())
    #expect(problems.count == 3)
    #expect(
      problems[0].contains("triage 'label' needs regions[...].data.concepts, but its input gives concepts"))
    #expect(problems[1].contains("parameter 'accept' of triage 'label' must be in [0, 1], not 1.2"))
    #expect(problems[2].contains("unknown parameter 'reveiw' for triage 'label'; did you mean 'review'?"))
  }

  @Test func aWorkflowTypeThatUsesItselfIsReported() throws {
    var library = NodeTypeLibrary.standard
    let (loop, _) = TestWorkflow.parse(
      """
      weir: 1
      workflow: loop
      input: Any
      params: {depth: 1}
      nodes:
        again: {type: loop}
      """)
    let problems = library.addWorkflowTypes([(loop, "loop.yaml")])
    #expect(
      problems.first?.map(\.message) == [
        "in loop 'again': workflow type 'loop' uses itself: 'loop' -> 'loop'"
      ])
  }
}

@Suite struct UserDeclarationTests {
  @Test func usersDeclareTheirOwnTypesAndModels() throws {
    var library = NodeTypeLibrary.standard
    let file = SourceFile(
      path: "types.yaml",
      text: """
        weir: 1
        types:
          blur-faces:
            family: edit
            runs: operator
            doc: Blurs every face region of the image.
            input:
              - image
              - regions[...].region_info.bounding_box
            look_back: true
            output: image
            params:
              radius: {type: int, range: "[1, 100]", default: 8}
        models:
          my-pets:
            type: visual-detector
            concepts: [cat, dog]
            params: {min_value: 0.2}
        """)
    #expect(library.load([file]).isEmpty)
    #expect(library.type(named: "blur-faces")?.param("radius")?.defaultValue == .int(8))
    #expect(library.catalog.model(id: "my-pets")?.concepts?.map(\.id) == ["cat", "dog"])

    let (checked, problems) = checkForTest(
      """
      weir: 1
      workflow: private
      models:
        mine: {model_id: my-pets}
      nodes:
        detect: {model: mine}
        blur: {type: blur-faces, input: detect}
      """, library: library)
    #expect(problems == [])
    #expect(checked.node("detect")?.model?.concepts == ["cat", "dog"])
    #expect(checked.node("detect")?.number("min_value") == 0.2)
    #expect(checked.node("blur")?.int("radius") == 8)
    #expect(checked.node("blur")?.param("radius")?.source == .defaultValue)
  }

  @Test(arguments: [
    (
      "types: {x: {family: edit, runs: operator, input: imag, output: image}}",
      ["1:50: unknown data field 'imag' in 'imag'; did you mean 'image'? [types.invalid-kind]"]
    ),
    (
      "types: {x: {family: edits, runs: operator, input: image, output: image}}",
      ["1:21: 'family' of node type 'x' has no value 'edits'; did you mean 'edit'? [types.bad-value]"]
    ),
    (
      "types: {x: {family: edit, runs: operator, input: image, ouput: image}}",
      [
        "1:9: node type 'x' needs 'output', or 'pass_through: true' [types.missing-key]",
        "1:57: unknown key 'ouput' in node type 'x'; did you mean 'output'? [types.unknown-key]",
      ]
    ),
    (
      "types: {x: {family: edit, runs: operator, input: image, output: image, params: {p: {type: number, range: \"[0, 1]\", default: 2}}}}",
      ["1:125: the default of parameter 'p' of node type 'x' must be in [0, 1], not 2 [types.bad-default]"]
    ),
    (
      "types: {x: {family: edit, runs: operator, input: image, output: image, params: {p: {type: enum}}}}",
      ["1:81: parameter 'p' of node type 'x' is an enum, so it needs 'values' [types.missing-key]"]
    ),
    (
      "types: {region-thresholder: {family: filter, runs: operator, input: Any, pass_through: true}}",
      [
        "1:9: node type 'region-thresholder' is already declared (as 'region-thresholder' in stdlib/types/filter.yaml) [types.duplicate]"
      ]
    ),
    (
      "models: {m: {type: visual-detektor}}",
      [
        "1:20: model 'm' has unknown type 'visual-detektor'; did you mean 'visual-detector'? [types.unknown-type]"
      ]
    ),
    (
      "models: {m: {type: image-crop, params: {margin: -1}}}",
      ["1:49: parameter 'margin' of model 'm' must be in (0, 10], not -1 [check.out-of-range]"]
    ),
  ])
  func mistakesInDeclarationsAreReported(text: String, expected: [String]) {
    var library = NodeTypeLibrary.standard
    let file = SourceFile(path: "types.yaml", text: "weir: 1\n" + text)
    let problems = library.load([file]).flatMap(\.diagnostics)
    let rendered = problems.map { d in
      let (line, column) = file.location(of: d.range?.start ?? 0)
      return "\(line - 1):\(column): \(d.message) [\(d.id)]"
    }
    #expect(rendered == expected)
  }
}
