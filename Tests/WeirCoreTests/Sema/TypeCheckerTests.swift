import Testing
import WeirTestSupport

@testable import WeirCore

/// The reference workflow of Design.md §1 in the native dialect, as `examples/auto-annotation` has it.
let referenceWorkflow = ReferenceWorkflow.native

/// Checks `text` (parsed by the test stand-in) and renders each diagnostic as
/// `line:column: severity: message [id]`, notes indented below.
func checkForTest(_ text: String, library: NodeTypeLibrary = .standard, overrides: Overrides = Overrides())
  -> (CheckedWorkflow, [String])
{
  let (workflow, file) = TestWorkflow.parse(text)
  let (checked, diagnostics) = TypeChecker(library: library).check(workflow, overrides: overrides)
  return (checked, render(diagnostics, in: file))
}

func render(_ diagnostics: [Diagnostic], in file: SourceFile) -> [String] {
  diagnostics.map { d in
    var line = ""
    if let range = d.range {
      let (l, c) = file.location(of: range.start)
      line = "\(l):\(c): "
    }
    line += "\(d.severity): \(d.message) [\(d.id)]"
    for note in d.notes {
      let at = note.range.map { r in file.location(of: r.start) }.map { "\($0.line):\($0.column): " } ?? ""
      line += "\n  \(at)note: \(note.message)"
    }
    return line
  }
}

/// `overrides.add(assignment:)`, callable inside `#expect`.
func add(_ assignment: String, to overrides: inout Overrides) -> Bool {
  overrides.add(assignment: assignment)
}

@Suite struct ReferenceWorkflowTests {
  @Test func checksCleanAndResolvesEverything() throws {
    let (checked, problems) = checkForTest(referenceWorkflow)
    #expect(problems == [])
    #expect(checked.inputKind == (try Kind(parsing: "image")))
    let detect = try #require(checked.node("detect"))
    #expect(detect.type?.name == "visual-detector")
    #expect(detect.isModel)
    #expect(detect.model?.concepts == ["cat", "dog"])
    #expect(detect.inputs == [.workflowInput])
    #expect(
      detect.outputKind?.description == "regions[...].data.concepts, regions[...].region_info.bounding_box")

    let sure = try #require(checked.node("sure"))
    #expect(sure.role == .operator)
    #expect(sure.enumCase("concept_threshold_type") == EnumCase(name: "GREATER_THAN", number: 1))
    #expect(sure.conceptThresholds() == ["cat": 0.95, "dog": 0.95])
    #expect(sure.varsUsed == ["accept"])
    #expect(sure.param("concepts")?.entries.map(\.source.variable) == ["accept", "accept"])

    // The box survives the thresholders, so the writers know they write boxes.
    let writer = try #require(checked.node("write-review"))
    #expect(writer.inputKind?.has("regions[...].region_info.bounding_box") == true)
    #expect(writer.enumCase("annotation_status")?.number == 24157)
    #expect(writer.string("annotation_user_id") == "bot")

    #expect(checked.variable("accept")?.uses.map(\.node) == ["sure", "sure", "unsure", "unsure"])
    #expect(checked.variable("review")?.value == .number(0.5))
    #expect(checked.orderedNodes.first?.id == "detect")
  }

  @Test func overridesChangeParametersCheaply() throws {
    let (checked, _) = checkForTest(referenceWorkflow)
    var overrides = Overrides()
    #expect(add("accept=0.9", to: &overrides))
    #expect(add("plausible.concepts.cat = 0.6", to: &overrides))
    let (tuned, problems) = checked.with(overrides)
    #expect(problems.isEmpty)
    #expect(tuned.node("sure")?.conceptThresholds() == ["cat": 0.9, "dog": 0.9])
    #expect(tuned.node("plausible")?.conceptThresholds() == ["cat": 0.6, "dog": 0.5])
    #expect(tuned.node("plausible")?.param("concepts")?.entries.first?.source == .override)
    #expect(tuned.variable("accept")?.isOverridden == true)
    #expect(tuned.node("write-sure")?.inputKind == checked.node("write-sure")?.inputKind)

    let (_, bad) = checked.with(Overrides(vars: ["acept": .float(0.9), "review": .float(1.5)]))
    #expect(
      bad.map(\.message).contains(
        "cannot set 'acept': the workflow has no var of that name; did you mean 'accept'?"))
    #expect(
      bad.map(\.message).contains(
        "threshold for 'cat' in parameter 'concepts' of region-thresholder 'plausible' must be in [0, 1], not 1.5 (from '$review')"
      ))
  }

  @Test func overrideSyntax() {
    var overrides = Overrides()
    #expect(add("accept = 0.9", to: &overrides))
    #expect(add("mode=no", to: &overrides))
    #expect(add("sure.concept_threshold_type=GREATER_THAN", to: &overrides))
    #expect(!add("accept", to: &overrides))
    #expect(!add("=1", to: &overrides))
    #expect(!add("a..b=1", to: &overrides))
    #expect(overrides.vars == ["accept": .float(0.9), "mode": .string("no")])
    #expect(
      overrides.params == [
        ParamOverride(node: "sure", param: "concept_threshold_type", value: .string("GREATER_THAN"))
      ])
  }
}
