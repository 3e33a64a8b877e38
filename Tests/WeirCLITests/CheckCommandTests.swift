import Foundation
import Testing
import WeirTestSupport

/// `weir check` end to end: the built binary, its output and exit status.
@Suite struct CheckCommandTests {
  @Test func bothExamplesCheckClean() throws {
    let r = try WeirProcess.run([
      "check", "examples/auto-annotation/workflow.yaml", "examples/auto-annotation/clarifai.yaml",
    ])
    #expect(r.status == 0)
    #expect(r.stdout == "")
    #expect(r.stderr == "")
  }

  @Test func everyExampleChecksClean() throws {
    let folder = Repository.root.appendingPathComponent("examples")
    let files = FileManager.default.enumerator(atPath: folder.path)!.compactMap { $0 as? String }
      .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { "examples/" + $0 }
    #expect(files.count >= 2)
    let r = try WeirProcess.run(["check"] + files)
    #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    #expect(r.stdout == "")
  }

  @Test func errorsAreReportedWithExitStatusOne() throws {
    let r = try WeirProcess.run(["check", "Tests/Fixtures/syntax/clarifai-unknown-input.yaml"])
    #expect(r.status == 1)
    #expect(r.stderr == "")
    #expect(
      r.stdout == """
        Tests/Fixtures/syntax/clarifai-unknown-input.yaml:9:20: error: node 'crop' reads 'detector', which is not a node in this workflow; did you mean 'detect'? [graph.unknown-input]
        9 |         - node_id: detector
          |                    ^~~~~~~~
          = note: nodes: detect, crop
          = fix-it: replace 'detector' with 'detect'

        """)
  }

  @Test func warningsAloneExitZero() throws {
    let r = try WeirProcess.run(["check", "Tests/Fixtures/syntax/clarifai-forward-reference.yaml"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("warning: node 'crop' reads 'detect', which is defined after it"))
  }

  @Test func standardInput() throws {
    let r = try WeirProcess.run(
      ["check", "-"],
      stdin: "weir: 1\nnodes:\n  a: {type: random-sample, input: b, params: {keep_fraction: 0.5}}\n")
    #expect(r.status == 1)
    #expect(
      r.stdout.hasPrefix(
        "<stdin>:3:35: error: node 'a' reads 'b', which is not a node in this workflow [graph.unknown-input]\n"
      ))
    let clean = try WeirProcess.run(
      ["check", "-"], stdin: "weir: 1\nnodes:\n  a: {type: random-sample, params: {keep_fraction: 0.5}}\n")
    #expect(clean.status == 0)
    #expect(clean.stdout == "")
  }

  @Test func unreadableFilesExitTwoAndTheOthersAreStillChecked() throws {
    // A folder is searched for workflows (examples/ checks clean); a missing file is unreadable.
    let r = try WeirProcess.run([
      "check", "missing.yaml", "Tests/Fixtures/syntax/native-cycle.yaml", "examples",
    ])
    #expect(r.status == 2)
    #expect(
      r.stderr == """
        weir: cannot read 'missing.yaml': No such file or directory

        """)
    #expect(!r.stdout.contains("examples/"))
    #expect(r.stdout.contains("Tests/Fixtures/syntax/native-cycle.yaml:3:42: error: the graph has a cycle"))
  }

  /// http and command options are checked by WeirModels (RemoteBackends.diagnose), once.
  @Test func backendOptionsAreCheckedOnce() throws {
    let r = try WeirProcess.run(["check", "Tests/Fixtures/syntax/native-backend-options.yaml"])
    #expect(r.status == 1)
    let headers = r.stdout.split(separator: "\n").filter { $0.hasPrefix("Tests/") }
    #expect(
      headers.contains {
        $0.contains(":11:7: error: unknown option 'timout'") && $0.hasSuffix("[backend.unknown-option]")
      })
    #expect(headers.contains { $0.contains(":12:16: error:") && $0.hasSuffix("[backend.bad-option]") })
    #expect(headers.contains { $0.contains(":24:91: error: unknown option 'images' [syntax.unknown-key]") })
    #expect(Set(headers).count == headers.count)
    #expect(headers.count == 13)
  }

  @Test func endlessInputIsCutOff() throws {
    let r = try WeirProcess.run(["check", "/dev/zero"])
    #expect(r.status == 2)
    #expect(
      r.stderr
        == "weir: cannot read '/dev/zero': larger than 16 MiB, the most weir reads from a workflow file\n")
  }

  @Test func usageMistakesExitTwo() throws {
    // With no paths, the project's workflows; a folder without any is a usage mistake.
    let empty = try TemporaryDirectory("weir-check-none")
    defer { empty.remove() }
    let none = try WeirProcess.run(["check"], in: empty.url)
    #expect(none.status == 2)
    #expect(none.stderr.contains("no workflow files to check in the current folder"))
    let badFormat = try WeirProcess.run([
      "check", "--format", "xml", "examples/auto-annotation/workflow.yaml",
    ])
    #expect(badFormat.status == 2)
    #expect(badFormat.stderr.contains("xml"))
  }

  /// `weir check PATH…` without options skips ArgumentParser (a faster start); it answers exactly
  /// as with an option that changes nothing, and leaves help and usage mistakes to ArgumentParser.
  @Test func pathsAloneAnswerAsWithOptions() throws {
    let files = [
      "Tests/Fixtures/syntax/native-cycle.yaml", "examples/auto-annotation/workflow.yaml", "missing.yaml",
    ]
    let plain = try WeirProcess.run(["check"] + files)
    let optioned = try WeirProcess.run(["check", "--format", "text"] + files)
    #expect(plain.status == 2)
    #expect(plain.stdout.contains("error: the graph has a cycle"))
    #expect(plain.stderr == "weir: cannot read 'missing.yaml': No such file or directory\n")
    #expect(plain.status == optioned.status)
    #expect(plain.stdout == optioned.stdout)
    #expect(plain.stderr == optioned.stderr)
    let twice = try WeirProcess.run(["check", "-", "-"], stdin: "")
    #expect(twice.status == 2)
    #expect(twice.stderr.hasPrefix("Error: '-' (standard input) can be given only once\n"))
    let help = try WeirProcess.run(["check", "-h"])
    #expect(help.status == 0)
    #expect(help.stdout.hasPrefix("OVERVIEW: Parse and check workflow files."))
    #expect(help.stdout.contains("USAGE: weir check [<paths> ...]"))
  }

  @Test func manyFilesAreReportedInArgumentOrder() throws {
    let names = [
      "native-unknown-var", "clarifai-two-cycle", "yaml-duplicate-key", "empty-file", "native-cycle",
      "clarifai-bad-version-id", "top-level-list", "native-unknown-model",
    ]
    let files = (names + names.reversed().dropFirst()).map { "Tests/Fixtures/syntax/\($0).yaml" }
    let r = try WeirProcess.run(["check"] + files)
    #expect(r.status == 1)
    let headers = r.stdout.split(separator: "\n").filter { $0.hasPrefix("Tests/") && $0.contains(": error:") }
    var order: [String] = []
    for h in headers {
      let file = String(h.prefix { $0 != ":" })
      if order.last != file { order.append(file) }
    }
    #expect(order == files)
  }

  @Test func jsonFormat() throws {
    let r = try WeirProcess.run([
      "check", "--format", "json", "Tests/Fixtures/syntax/native-multibyte.yaml",
      "examples/auto-annotation/workflow.yaml",
    ])
    #expect(r.status == 1)
    let all = try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
    // The file's parse and graph diagnostics; the type checker's (check.*) are tested in Sema.
    let objects = all.filter { ($0["id"] as? String)?.hasPrefix("check.") == false }
    #expect(objects.count == 3)
    #expect(objects.allSatisfy { $0["file"] as? String == "Tests/Fixtures/syntax/native-multibyte.yaml" })
    #expect(objects[1]["id"] as? String == "graph.unknown-input")
    #expect(objects[1]["line"] as? Int == 7)
    #expect(objects[1]["column"] as? Int == 44)
    #expect(objects[1]["endColumn"] as? Int == 53)
    let clean = try WeirProcess.run(["check", "--format", "json", "examples/auto-annotation/clarifai.yaml"])
    #expect(clean.stdout == "[]\n")
  }

  @Test func noColourWhenNotATerminal() throws {
    let r = try WeirProcess.run(["check", "Tests/Fixtures/syntax/native-cycle.yaml"])
    #expect(!r.stdout.contains("\u{1B}["))
    let flagged = try WeirProcess.run(["check", "--no-color", "Tests/Fixtures/syntax/native-cycle.yaml"])
    #expect(flagged.stdout == r.stdout)
  }

  /// The debug dumps (Documentation/Development.md): the tree and the checked workflow on standard
  /// output, exactly as the golden files hold them; diagnostics on standard error; `check`'s status.
  @Test func dumpsGoToStandardOutputAndDiagnosticsToStandardError() throws {
    let folder = Repository.root.appendingPathComponent("Tests/Fixtures/dump")
    func golden(_ name: String) throws -> String {
      try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }
    let file = "Tests/Fixtures/dump/unknown-type.yaml"
    let r = try WeirProcess.run(["check", "--dump-ast", "--dump-types", file])
    #expect(r.status == 1)
    #expect(r.stdout == (try golden("unknown-type.ast.out")) + "\n" + (try golden("unknown-type.types.out")))
    #expect(
      r.stderr.hasPrefix(
        "\(file):6:18: error: unknown node type 'visual-detectr'; did you mean 'visual-detector'? [check.unknown-type]\n"
      ))
    let clean = try WeirProcess.run(["check", "--dump-types", "Tests/Fixtures/dump/reference.yaml"])
    #expect(clean.status == 0)
    #expect(clean.stdout == (try golden("reference.types.out")))
    #expect(clean.stderr == "")
  }
}
