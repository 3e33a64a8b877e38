import Foundation
import Testing
import WeirTestSupport

/// `weir schema`: a JSON Schema that a real validator (Python's jsonschema, Draft 7) accepts as a
/// schema, that every example and fixture workflow of both dialects passes, and that catches a
/// misspelt key, an unknown node type, a wrong enum value and a threshold out of range.
@Suite struct SchemaCommandTests {
  static let python = "/usr/bin/python3"
  static var hasValidator: Bool {
    guard FileManager.default.isExecutableFile(atPath: python) else { return false }
    let check = Process()
    check.executableURL = URL(fileURLWithPath: python)
    check.arguments = ["-c", "import jsonschema, yaml"]
    check.standardError = FileHandle.nullDevice
    guard (try? check.run()) != nil else { return false }
    check.waitUntilExit()
    return check.terminationStatus == 0
  }

  static let validate = """
    import json, sys, yaml, jsonschema
    schema = json.load(open(sys.argv[1]))
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)
    for path in sys.argv[2:]:
        doc = yaml.safe_load(open(path))
        errors = list(validator.iter_errors(doc))
        print(path.split("/")[-1] + ": " + ("valid" if not errors else "invalid"))
    """

  @Test(.enabled(if: hasValidator, "needs python3-jsonschema and python3-yaml (scripts/install-deps.sh)"))
  func theSchemaAcceptsEveryWorkflowAndCatchesMistakes() throws {
    let folder = try TemporaryDirectory("weir-schema")
    defer { folder.remove() }
    let schema = folder.path("weir.schema.json")
    let r = try WeirProcess.run(["schema", "--output", schema])
    #expect(r.status == 0)
    #expect(r.stderr == "")
    let broken = [
      "misspelt-key.yaml": "weir: 1\nnodes:\n  a: {type: region-thresholder, inptu: b}\n",
      "unknown-type.yaml": "weir: 1\nnodes:\n  a: {type: region-thresholdr}\n",
      "bad-enum.yaml":
        "weir: 1\nnodes:\n  a: {type: region-thresholder, params: {concept_threshold_type: GREATER}}\n",
      "out-of-range.yaml":
        "weir: 1\nnodes:\n  a: {type: region-thresholder, params: {concepts: {cat: 1.5}}}\n",
      "clarifai-key.yaml":
        "workflow:\n  id: x\n  nodes:\n    - id: a\n      model: {model_id: m}\n      node_input: []\n",
    ]
    for (name, text) in broken { try folder.write(name, text) }
    let workflows =
      [("Tests/Fixtures/clarifai-examples", "yml"), ("Tests/Fixtures/lint", "yaml")]
      .flatMap { folder, ext in
        Repository.files(under: folder, extensions: [ext]).filter { !$0.contains("/") }.map {
          "\(folder)/\($0)"
        }
      } + Repository.files(under: "examples", extensions: ["yaml"]).map { "examples/\($0)" }
    let script = try folder.write("validate.py", Self.validate)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.python)
    process.arguments =
      [script.path, schema] + workflows.map { Repository.url($0).path }
      + broken.keys.sorted().map(folder.path)
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    #expect(lines.count == workflows.count + broken.count)
    #expect(workflows.count > 20)
    let invalid = lines.filter { $0.hasSuffix(": invalid") }.sorted()
    #expect(invalid == broken.keys.sorted().map { "\($0): invalid" })
  }

  @Test func theSchemaIsGeneratedFromTheLibrary() throws {
    let r = try WeirProcess.run(["schema"])
    #expect(r.status == 0)
    let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
    let definitions = try #require(json?["definitions"] as? [String: Any])
    #expect(definitions["native"] != nil && definitions["clarifai"] != nil)
    let thresholder = try #require(definitions["params-region-thresholder"] as? [String: Any])
    let properties = try #require(thresholder["properties"] as? [String: Any])
    #expect(Set(properties.keys) == ["concept_threshold_type", "concepts", "default_threshold"])
    #expect(r.stdout.contains("\"GREATER_THAN_OR_EQUAL\""))
  }
}
