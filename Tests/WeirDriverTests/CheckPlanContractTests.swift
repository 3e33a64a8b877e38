import Foundation
import Testing
import WeirCore
import WeirDriver

/// The contract between the check and the planner: a workflow that checks without errors plans,
/// and one the planner refuses has a check error. Every node type of the standard library and of
/// a `--types` library, in every position.
@Suite struct CheckPlanContractTests {
  /// A `--types` library: a project's operator, declared, with no behaviour in weir.
  static let declarations = """
    weir: 1
    types:
      blur-faces:
        family: edit
        runs: operator
        doc: Blurs every face; declared by a project, with no behaviour in weir.
        input: image
        output: image
        pass_through: true
    """

  /// What one generated workflow gave.
  struct Case: CustomStringConvertible {
    var type: String
    var position: WorkflowGenerator.Position
    var checkErrors: [String]
    var planned: Bool
    var description: String { "\(type) as \(position.rawValue): check \(checkErrors), planned \(planned)" }
  }

  /// Checks and plans every type of `types` at `position`.
  static func run(_ library: NodeTypeLibrary, types: [NodeType], at position: WorkflowGenerator.Position)
    -> [Case]
  {
    let driver = Driver()
    return types.map { type in
      let file = SourceFile(
        path: "/contract/\(type.name).yaml", text: WorkflowGenerator.workflow(type, at: position))
      let check = driver.check(file, library: library)
      let plan = driver.plan(file, library: library)
      return Case(
        type: type.name, position: position,
        checkErrors: check.diagnostics.filter { $0.severity == .error }.map(\.id), planned: plan.plan != nil)
    }
  }

  @Test(arguments: WorkflowGenerator.Position.allCases)
  func standardLibraryTypesCheckIffTheyPlan(position: WorkflowGenerator.Position) {
    let library = NodeTypeLibrary.standard
    let cases = Self.run(library, types: library.types, at: position)
    let broken = cases.filter { $0.checkErrors.isEmpty != $0.planned }
    #expect(broken.map(\.description) == [])
    // The generator must produce workflows that plan, or the property says nothing.
    #expect(cases.filter(\.planned).count >= 8, "\(cases.filter(\.planned).map(\.type))")
    // And some that weir cannot run: the check must say so, with the planner's id.
    let refused = cases.filter { $0.checkErrors.contains("plan.unsupported-node") }.map(\.type)
    #expect(refused.contains("isolation-operator"))
    #expect(refused.contains("email"))
  }

  @Test(arguments: WorkflowGenerator.Position.allCases)
  func typesLibraryTypesCheckIffTheyPlan(position: WorkflowGenerator.Position) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "weir-contract-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("types.yaml").path
    try Data(Self.declarations.utf8).write(to: URL(fileURLWithPath: path))
    let (library, problems) = try NodeTypeLibrary.standard.adding(paths: [path])
    #expect(problems.flatMap(\.diagnostics).isEmpty)
    let added = library.types.filter { $0.origin.contains(folder.lastPathComponent) }
    #expect(added.map(\.name) == ["blur-faces"])
    let cases = Self.run(library, types: added, at: position)
    #expect(cases.filter { $0.checkErrors.isEmpty != $0.planned }.map(\.description) == [])
    #expect(cases.allSatisfy { $0.checkErrors.contains("plan.unsupported-node") })
  }
}
