import Foundation
import Testing

@testable import WeirCore
@testable import WeirREPL

@Suite struct ReplSaveTests {
  @Test func saveRewritesOnlyTheChangedScalarsAndKeepsComments() async throws {
    let (session, dir) = try await ReplFixtures.loaded()
    let file = dir.appendingPathComponent("pets.yaml")
    let original = try String(contentsOf: file, encoding: .utf8)
    for line in [
      "set accept = 0.9", "set review = 0.6", "set sure.concepts.dog = 0.97",
      "set unsure.concepts.cat = 0.925",
      "set sure.concepts.bird = 0.5", "set unsure.concepts.bird = 0.4",
      "set write-review.task_id = pets-review",
      "set plausible.concept_threshold_type = GREATER_THAN_OR_EQUAL",
    ] {
      let r = await session.handle(line)
      #expect(!r.isError, "\(line): \(r.text)")
    }
    let r = await session.handle("save")
    #expect(!r.isError, "\(r.text)")
    let saved = try String(contentsOf: file, encoding: .utf8)
    var expected = original
    for (old, new) in [
      ("accept: 0.95   #", "accept: 0.9   #"),
      ("review: 0.50   #", "review: 0.60   #"),
      ("concepts: {cat: $accept, dog: $accept}}", "concepts: {cat: $accept, dog: 0.97, bird: 0.5}}"),
      (
        "        cat: $accept\n        dog: $accept\n",
        "        cat: 0.925\n        dog: $accept\n        bird: 0.4\n"
      ),
      ("      task_id: pets\n", "      task_id: pets-review\n"),
      (
        "concept_threshold_type: GREATER_THAN   # strictly",
        "concept_threshold_type: GREATER_THAN_OR_EQUAL   # strictly"
      ),
    ] {
      #expect(expected.contains(old), "fixture has \(old)")
      expected = expected.replacingOccurrences(of: old, with: new)
    }
    #expect(saved == expected)
    #expect(session.settings.isEmpty, "saved settings are now the file's")
    guard case .saved(let summary) = r.payload else { return #expect(Bool(false)) }
    #expect(summary.changes.count == 8)
    #expect(r.text.contains("  line 7: accept  0.95 → 0.9"))
    #expect(
      r.text == """
        saved 8 changes to pets.yaml
          line 7: accept  0.95 → 0.9
          line 8: review  0.50 → 0.60
          line 23: sure.concepts.dog  $accept → 0.97
          line 23: sure.concepts.bird  added bird: 0.5
          line 36: unsure.concepts.cat  $accept → 0.925
          line 38: unsure.concepts.bird  added bird: 0.4
          line 42: plausible.concept_threshold_type  GREATER_THAN → GREATER_THAN_OR_EQUAL
          line 50: write-review.task_id  pets → pets-review
        """)
    // The session goes on with the saved file: same counts as before saving.
    let run = await session.handle("run")
    guard case .run(let report) = run.payload else { return #expect(Bool(false)) }
    let p = Reference.predictions()
    let accepted = p.filter { $0.value > ($0.concept == "dog" ? 0.97 : 0.9) }.count
    #expect(report.tally.total(.accepted) == accepted)
  }

  @Test func savingElsewhereKeepsTheFileAndTheSettings() async throws {
    let (session, dir) = try await ReplFixtures.loaded()
    let original = try String(contentsOf: dir.appendingPathComponent("pets.yaml"), encoding: .utf8)
    #expect(await session.handle("save").text == "nothing to save: the file already says what is in force")
    _ = await session.handle("set accept = 0.8")
    let r = await session.handle("save tuned.yaml")
    #expect(
      r.text
        == "saved 1 change to tuned.yaml\n  line 7: accept  0.95 → 0.8\n  the session still edits pets.yaml")
    #expect(try String(contentsOf: dir.appendingPathComponent("pets.yaml"), encoding: .utf8) == original)
    let tuned = try String(contentsOf: dir.appendingPathComponent("tuned.yaml"), encoding: .utf8)
    #expect(tuned == original.replacingOccurrences(of: "accept: 0.95 ", with: "accept: 0.8 "))
    #expect(session.settings.count == 1)
    let bad = await session.handle("save no/such/dir/x.yaml")
    #expect(bad.isError)
    #expect(bad.text.hasPrefix("error: cannot write 'no/such/dir/x.yaml': "))
  }

  @Test(arguments: [
    ("0.95", "0.9", "0.9"), ("0.50", "0.6", "0.60"), ("0.50", "0.625", "0.625"), (".95", "0.9", ".9"),
    ("1", "2", "2"), ("1", "0.5", "0.5"), ("0.95", "1", "1.0"), ("\"0.95\"", "0.9", "\"0.9\""),
    ("'0.5'", "0.75", "'0.75'"),
    ("GREATER_THAN", "LESS_THAN", "LESS_THAN"), ("1", "GREATER_THAN", "GREATER_THAN"),
    ("$accept", "0.9", "0.9"),
    ("'pets'", "cats", "'cats'"), ("pets", "\"my pets\"", "\"my pets\""), ("0.5", "1e-7", "1e-07"),
  ])
  func numbersKeepTheirStyle(old: String, typed: String, written: String) throws {
    let file = SourceFile(path: "t", text: "a: \(old)\n")
    let oldNode = try #require(YAMLLoader().load(file).node?.mapping?["a"])
    let newNode = try #require(YAMLLoader().load(SourceFile(path: "v", text: typed)).node)
    let text = ScalarFormatter.format(
      ParamValue(newNode), replacing: ParamValue(oldNode), originalText: file.slice(oldNode.range))
    #expect(text == written)
  }

  @Test func editsApplyFromTheEnd() {
    let bytes = Array("a: 1, b: 2".utf8)
    let out = TextEdit.apply(
      [
        TextEdit(range: .init(start: 3, end: 4), replacement: "10"),
        TextEdit(range: .init(start: 9, end: 10), replacement: "20"),
      ], to: bytes)
    #expect(String(decoding: out, as: UTF8.self) == "a: 10, b: 20")
  }
}

@Suite struct ReplClarifaiSaveTests {
  @Test func saveWorksInTheClarifaiDialectToo() async throws {
    let dir = try ReplFixtures.scratch()
    let session = ReplFixtures.session(in: dir)
    let loaded = await session.handle("load pets-clarifai.yaml")
    #expect(!loaded.isError, "\(loaded.text)")
    #expect(loaded.text.hasPrefix("loaded pets-clarifai.yaml (clarifai): 6 nodes, 0 vars, 2 writers"))
    for line in [
      "set sure.concepts.cat = 0.9", "set unsure.concepts.dog = 0.9", "set unsure.concept_threshold_type = 3",
      "set plausible.concepts.cat = 0.6", "set write-review.task_id = pets-review",
    ] {
      let r = await session.handle(line)
      #expect(!r.isError, "\(line): \(r.text)")
    }
    let r = await session.handle("save")
    #expect(!r.isError, "\(r.text)")
    let file = dir.appendingPathComponent("pets-clarifai.yaml")
    let saved = try String(contentsOf: file, encoding: .utf8)
    var expected = try String(
      contentsOf: URL(fileURLWithPath: ReplFixtures.path("pets-clarifai.yaml")), encoding: .utf8)
    for (old, new) in [
      ("concepts: {cat: 0.95, dog: 0.95}   # accepted", "concepts: {cat: 0.9, dog: 0.95}   # accepted"),
      (
        "              cat: 0.95\n              dog: 0.95\n",
        "              cat: 0.95\n              dog: 0.9\n"
      ),
      (
        "concept_threshold_type: 4   # LESS_THAN_OR_EQUAL", "concept_threshold_type: 3   # LESS_THAN_OR_EQUAL"
      ),
      ("concepts: {cat: 0.50, dog: 0.50}", "concepts: {cat: 0.60, dog: 0.50}"),
      (
        "            task_id: pets\n      node_inputs:\n        - node_id: plausible",
        "            task_id: pets-review\n      node_inputs:\n        - node_id: plausible"
      ),
    ] {
      #expect(expected.contains(old), "fixture has \(old)")
      expected = expected.replacingOccurrences(of: old, with: new)
    }
    #expect(saved == expected)
  }

  @Test func aFileWithErrorsIsNotLoaded() async throws {
    let dir = try ReplFixtures.scratch()
    try "weir: 1\nnodes:\n  a: {type: region-thresholder, input: nope}\n".write(
      to: dir.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
    let session = ReplFixtures.session(in: dir)
    _ = await session.handle("load pets.yaml")
    let r = await session.handle("load bad.yaml")
    #expect(r.isError)
    #expect(
      r.text.hasPrefix("error: 'bad.yaml' was not loaded: 3 errors\nbad.yaml:3:3: error: "), "\(r.text)")
    #expect(!r.diagnostics.isEmpty)
    #expect(session.document?.source.path == "pets.yaml", "the session keeps the workflow it had")
  }
}
