import Foundation
import Testing

@testable import WeirCore
@testable import WeirREPL

@Suite struct ReplSessionTests {
  @Test func helpListsEveryCommandWithOneLine() async throws {
    let session = ReplFixtures.session(in: try ReplFixtures.scratch([]))
    let r = await session.handle("help")
    #expect(!r.isError)
    for info in ReplCommandInfo.all {
      #expect(r.text.contains(info.synopsis), "help shows \(info.name)")
      #expect(r.text.contains(info.summary))
    }
    let one = await session.handle("help sweep")
    #expect(one.text.hasPrefix("usage: sweep NAME FROM..TO"))
    let bad = await session.handle("help swep")
    #expect(bad.isError)
    #expect(bad.text == "error: unknown command 'swep'; did you mean 'sweep'?")
  }

  @Test func badCommandsAnswerWithTheUsage() async throws {
    let session = ReplFixtures.session(in: try ReplFixtures.scratch([]))
    let r = await session.handle("load")
    #expect(r.text == "error: 'load' needs a workflow file\nusage: load FILE")
    #expect(await session.handle("").text == "")
    #expect(await session.handle("# a comment").text == "")
  }

  @Test(arguments: [
    "run", "set accept = 0.9", "unset accept", "vars", "sweep accept 0..1 step 0.5", "show sure",
    "explain img01.jpg", "plan", "check", "lint", "save", "reload", "inputs x",
  ])
  func commandsNeedAWorkflow(line: String) async throws {
    let session = ReplFixtures.session(in: try ReplFixtures.scratch([]))
    let r = await session.handle(line)
    #expect(r.isError)
    #expect(r.text.hasPrefix("error: no workflow loaded"), "\(line): \(r.text)")
  }

  @Test func loadSummarizesAndMissingFilesAreClearErrors() async throws {
    let dir = try ReplFixtures.scratch()
    let session = ReplFixtures.session(in: dir)
    let missing = await session.handle("load nope.yaml")
    #expect(missing.text == "error: cannot read 'nope.yaml': no such file")
    #expect(session.document == nil)
    let r = await session.handle("load pets.yaml")
    #expect(!r.isError)
    let regions = Set(Reference.predictions().map { "\($0.input)/\($0.region)" }).count
    #expect(
      r.text == "loaded pets.yaml (native): 6 nodes, 2 vars, 2 writers · 16 inputs · \(regions) regions")
    guard case .loaded(let s) = r.payload else { return #expect(Bool(false)) }
    #expect(s.inputs == 16)
    #expect(s.regions == regions)
    #expect(s.fetchedModels == ["detect"])
  }

  @Test func runCountsMatchAStraightforwardLoop() async throws {
    let (session, _) = try await ReplFixtures.loaded()
    let r = await session.handle("run")
    guard case .run(let report) = r.payload else { return #expect(Bool(false), "\(r.text)") }
    let expected = Reference.counts(accept: 0.95, review: 0.5)
    #expect(report.tally.total(.accepted) == expected["accepted"])
    #expect(report.tally.total(.review) == expected["review"])
    #expect(report.tally.total(.dropped) == expected["dropped"])
    #expect(report.written(by: "write-sure") == expected["accepted"])
    #expect(report.written(by: "write-review") == expected["review"])
    let cats = Reference.predictions().filter { $0.concept == "cat" && $0.value > 0.95 }.count
    #expect(report.tally.count(writer: "write-sure", concept: "cat") == cats)
    #expect(report.previous == nil)
    #expect(r.text.hasPrefix("run 1 · 16 inputs ·"))
    #expect(r.text.contains("write-sure    ANNOTATION_SUCCESS"))
  }

  @Test func runAfterSetShowsTheChange() async throws {
    let (session, _) = try await ReplFixtures.loaded()
    _ = await session.handle("run")
    let set = await session.handle("set accept = 0.9")
    #expect(set.text == "accept = 0.9  (in the file: 0.95)")
    let r = await session.handle("run")
    guard case .run(let report) = r.payload else { return #expect(Bool(false)) }
    let before = Reference.counts(accept: 0.95, review: 0.5)
    let after = Reference.counts(accept: 0.9, review: 0.5)
    #expect(report.tally.total(.accepted) == after["accepted"])
    let gained = after["accepted"]! - before["accepted"]!
    #expect(gained > 0)
    #expect(r.text.contains("\(after["accepted"]!) (+\(gained))"), "\(r.text)")
    #expect(r.text.contains("\(after["review"]!) (\u{2212}\(gained))"))
  }

  @Test func setChecksTheValueAndABadOneChangesNothing() async throws {
    let (session, _) = try await ReplFixtures.loaded()
    let cases: [(String, String)] = [
      (
        "set acept = 0.9",
        "error: no var or node is named 'acept'; did you mean 'accept'?\nusage: set NAME|NODE.PARAM = VALUE"
      ),
      (
        "set accept = 1.5",
        "error: 'accept' not changed: the workflow would not check\n  var '$accept' must be in [0, 1], not 1.5 [check.out-of-range]"
      ),
      (
        "set accept = high",
        "error: 'accept' not changed: the workflow would not check\n  var '$accept' is a string ('high'), but its uses take a number [check.var-type]"
      ),
      ("set accept = {cat: 0.9", "error: '{cat: 0.9' is not a value: did not find expected ',' or '}'"),
      (
        "set accept = {cat: 0.9}",
        "error: 'accept' not changed: the workflow would not check\n  var '$accept' is a mapping, but its uses take a number [check.var-type]"
      ),
      ("set accept = $nope", "error: '$nope' names no var"),
      ("set accept = $accept", "error: 'accept' cannot be set to itself"),
      (
        "set sure = 3",
        "error: 'sure' is a node; name one of its parameters: 'sure.PARAM'\nusage: set NAME|NODE.PARAM = VALUE"
      ),
      (
        "set sure.concept_threshold_type = BIGGER",
        "error: 'sure.concept_threshold_type' not changed: the workflow would not check\n  parameter 'concept_threshold_type' of region-thresholder 'sure' has no value 'BIGGER' [check.invalid-enum]"
      ),
      (
        "set write-sure.annotation_status = 3",
        "error: 'write-sure.annotation_status' not changed: the workflow would not check\n  parameter 'annotation_status' of annotation-writer 'write-sure' has no value 3 [check.invalid-enum]"
      ),
      (
        "set sure.concepts.cat = -0.1",
        "error: 'sure.concepts.cat' not changed: the workflow would not check\n  threshold for 'cat' in parameter 'concepts' of region-thresholder 'sure' must be in [0, 1], not -0.1 [check.out-of-range]"
      ),
      ("set sure.tresholds = 1", "error: 'sure.tresholds' not changed: the workflow would not check\n  "),
    ]
    for (line, message) in cases {
      let r = await session.handle(line)
      #expect(r.isError, "\(line)")
      #expect(r.text.hasPrefix(message), "\(line): \(r.text)")
      #expect(session.settings.isEmpty, "\(line) changed nothing")
    }
  }

  @Test func setNodeParametersAndUnset() async throws {
    let (session, _) = try await ReplFixtures.loaded()
    #expect(
      await session.handle("set sure.concepts.cat = 0.8").text == """
        sure.concepts.cat = 0.8  (in the file: $accept)
          warning: cat regions with confidence in (0.8, 0.95] are written twice, as ANNOTATION_SUCCESS by \
        'write-sure' and as ANNOTATION_AWAITING_REVIEW by 'write-review' [lint.overlapping-writers]
        """)
    #expect(
      await session.handle("set sure.concept_threshold_type = GREATER_THAN_OR_EQUAL").text.hasPrefix(
        "sure.concept_threshold_type = GREATER_THAN_OR_EQUAL"))
    let r = await session.handle("run")
    guard case .run(let report) = r.payload else { return #expect(Bool(false)) }
    let p = Reference.predictions()
    let accepted = p.filter { $0.concept == "cat" ? $0.value >= 0.8 : $0.value >= 0.95 }.count
    #expect(report.tally.total(.accepted) == accepted)
    #expect(await session.handle("unset sure.concepts.cat").text == "sure.concepts.cat is back to $accept")
    #expect(
      await session.handle("unset sure.concepts.cat").text
        == "error: 'sure.concepts.cat' is not set; 'vars' lists what is")
    #expect(await session.handle("set accept = 0.95").text == "accept = 0.95  (as in the file)")
    #expect(session.settings.count == 1, "only the comparator is left")
  }

  @Test func varsListsValuesAndWhatChanged() async throws {
    let (session, _) = try await ReplFixtures.loaded()
    _ = await session.handle("set review = 0.6")
    _ = await session.handle("set sure.concepts.dog = 0.97")
    let r = await session.handle("vars")
    #expect(
      r.text == """
          name               value   in the file  used by
          accept             0.95    0.95         sure, unsure
          review             0.6 *   0.50         plausible
          sure.concepts.dog  0.97 *  $accept
          * changed in this session; 'save' writes it to the file
        """)
  }
}
