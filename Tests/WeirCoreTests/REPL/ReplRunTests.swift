import Foundation
import Testing

@testable import WeirCore
@testable import WeirREPL

@Suite struct ReplRunTests {
  @Test func explainFollowsEachRegionNodeByNode() async throws {
    let (session, _) = try await ReplFixtures.loaded()
    // img01-r2 is cat 0.95 exactly (with a dog 0.032 beside it): at the accept threshold, so not
    // above it; it goes to review. The dog has no chance.
    let r = await session.handle("explain img01.jpg")
    guard case .explanation(let e) = r.payload else { return #expect(Bool(false), "\(r.text)") }
    let region = try #require(e.regions.first { $0.region == "img01-r2" })
    let cat = try #require(region.predictions.first { $0.concept == "cat" })
    #expect(cat.confidence == 0.95)
    #expect(cat.branch == .review)
    #expect(
      cat.steps == [
        .init(node: "detect", outcome: .predicted),
        .init(node: "sure", outcome: .removed("cat 0.95 > 0.95 is false")),
        .init(node: "unsure", outcome: .kept("cat 0.95 <= 0.95")),
        .init(node: "plausible", outcome: .kept("cat 0.95 > 0.5")),
        .init(node: "write-review", outcome: .written(.awaitingReview)),
      ])
    let dog = try #require(region.predictions.first { $0.concept == "dog" })
    #expect(dog.branch == .dropped)
    #expect(dog.steps.last == .init(node: "plausible", outcome: .removed("dog 0.032 > 0.5 is false")))
    #expect(
      r.text.contains("region img01-r2 from detect [top 0.0437, left 0.6234, bottom 0.2, right 0.8063]"))
    #expect(r.text.contains("    cat 0.95 → review"))
    #expect(r.text.contains("      sure          removed  cat 0.95 > 0.95 is false"))
    // Every region of the input is there.
    let expected = Set(Reference.predictions().filter { $0.input == "img01.jpg" }.map(\.region))
    #expect(Set(e.regions.map(\.region)) == expected)
  }

  @Test func explainFindsInputsByNameAndSuggests() async throws {
    let (session, _) = try await ReplFixtures.loaded()
    let bad = await session.handle("explain img1.jpg")
    #expect(bad.text == "error: no input is named 'img1.jpg'; did you mean 'img01.jpg'?; 'inputs' lists them")
    let withPath = await session.handle("explain photos/img02.jpg")
    #expect(!withPath.isError, "matched by file name")
  }

  @Test func diffListsPredictionsThatChangedBranch() async throws {
    let (session, _) = try await ReplFixtures.loaded()
    #expect(
      await session.handle("diff").text.hasPrefix(
        "error: 'diff' compares the last two runs; there are none yet"))
    _ = await session.handle("run")
    #expect(
      await session.handle("diff").text.hasPrefix(
        "error: 'diff' compares the last two runs; there is one yet"))
    _ = await session.handle("set accept = 0.8")
    _ = await session.handle("run")
    let r = await session.handle("diff")
    guard case .diff(let d) = r.payload else { return #expect(Bool(false), "\(r.text)") }
    let moved = Reference.predictions().filter { $0.value > 0.8 && $0.value <= 0.95 }
    #expect(d.changes.count == moved.count)
    #expect(d.changes.allSatisfy { $0.from == .review && $0.to == .accepted })
    #expect(d.changes.allSatisfy { $0.fromWriters == ["write-review"] && $0.toWriters == ["write-sure"] })
    #expect(
      Set(d.changes.map { "\($0.input)/\($0.region)" }) == Set(moved.map { "\($0.input)/\($0.region)" }))
    #expect(
      r.text.hasPrefix(
        "\(moved.count) predictions changed branch between run 1 and run 2:\n  review → accepted: \(moved.count)"
      ))
    _ = await session.handle("run")
    #expect(
      await session.handle("diff").text.hasPrefix("no prediction changed branch between run 2 and run 3"))
  }

  @Test func inputsChooseASubsetAndTheModelIsNotAskedAgain() async throws {
    let dir = try ReplFixtures.scratch()
    let source = TestReplaySource()
    let session = ReplFixtures.session(in: dir, source: source)
    _ = await session.handle("load pets.yaml")
    #expect(source.askedCount("pets") == 16)
    let r = await session.handle("inputs img0*.jpg")
    #expect(!r.isError, "\(r.text)")
    #expect(session.inputs.map(\.id) == (1...9).map { String(format: "img%02d.jpg", $0) })
    #expect(source.askedCount("pets") == 16, "cached")
    let run = await session.handle("run")
    guard case .run(let report) = run.payload else { return #expect(Bool(false)) }
    let expected = Reference.predictions().filter { $0.input.hasPrefix("img0") && $0.value > 0.95 }.count
    #expect(report.tally.total(.accepted) == expected)
    #expect(report.inputs == 9)
    let list = await session.handle("inputs")
    #expect(list.text.hasPrefix("9 inputs:\n  img01.jpg\n"))
    let bad = await session.handle("inputs img99.jpg")
    #expect(bad.text == "error: no file or known input matches 'img99.jpg'; did you mean 'img09.jpg'?")
    #expect(session.inputs.count == 9, "a bad pattern changes nothing")
  }

  @Test func reloadKeepsModelOutputsUnlessTheModelChanged() async throws {
    let dir = try ReplFixtures.scratch()
    let source = TestReplaySource()
    let session = ReplFixtures.session(in: dir, source: source)
    _ = await session.handle("load pets.yaml")
    _ = await session.handle("set review = 0.6")
    // A threshold edited in the file: the model config did not change.
    let file = dir.appendingPathComponent("pets.yaml")
    let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(
      of: "accept: 0.95", with: "accept: 0.9")
    try text.write(to: file, atomically: true, encoding: .utf8)
    let r = await session.handle("reload")
    #expect(r.text.contains("model outputs reused for 'detect'"), "\(r.text)")
    #expect(source.askedCount("pets") == 16)
    #expect(session.settings.count == 1, "settings are kept")
    guard case .run(let report) = await session.handle("run").payload else { return #expect(Bool(false)) }
    #expect(report.tally.total(.accepted) == Reference.counts(accept: 0.9, review: 0.6)["accepted"])
    // The recording changed: asked again.
    let recording = dir.appendingPathComponent("pets.jsonl")
    try (try String(contentsOf: recording, encoding: .utf8) + "\n").write(
      to: recording, atomically: true, encoding: .utf8)
    _ = await session.handle("reload")
    #expect(source.askedCount("pets") == 32)
  }

  @Test func truthSummarizesAndBadFilesAreErrors() async throws {
    let (session, _) = try await ReplFixtures.loaded()
    let objects = Reference.objects()
    let r = await session.handle("truth pets-truth.json")
    let cats = objects.filter { $0.concept == "cat" }.count
    #expect(
      r.text
        == "ground truth pets-truth.json: \(objects.count) objects on 16 images (cat \(cats), dog \(objects.count - cats)) · covers 16 of 16 inputs"
    )
    #expect(await session.handle("truth nope.json").text == "error: cannot read 'nope.json': no such file")
    #expect(await session.handle("truth pets.yaml").text == "error: pets.yaml: not valid JSON")
    #expect(session.truth?.path == "pets-truth.json", "a bad file keeps the truth loaded before")
    let run = await session.handle("run")
    guard case .run(let report) = run.payload else { return #expect(Bool(false)) }
    let e = Reference.truth(accept: 0.95, review: 0.5)
    #expect(report.truth?.acceptedCorrect == e.correct)
    #expect(run.text.contains("ground truth: precision"))
  }

  @Test func showDescribesANode() async throws {
    let (session, _) = try await ReplFixtures.loaded()
    _ = await session.handle("set accept = 0.9")
    let r = await session.handle("show plausible")
    #expect(
      r.text == """
        plausible: region-thresholder (filter, runs as operator)
          reads: unsure
          read by: write-review
          kind in: regions[...].data.concepts, regions[...].region_info.bounding_box
          kind out: regions[...].data.concepts, regions[...].region_info.bounding_box
          params:
            concept_threshold_type  GREATER_THAN (1)
            concepts                {cat: 0.5, dog: 0.5}  (via $review)
          bands in: cat [0, 0.9], dog [0, 0.9]
          bands out: cat (0.5, 0.9], dog (0.5, 0.9]
        """)
    #expect(
      await session.handle("show plausable").text
        == "error: no node is named 'plausable'; did you mean 'plausible'?")
  }

  @Test func quitEndsTheSession() async throws {
    let session = ReplFixtures.session(in: try ReplFixtures.scratch([]))
    let r = await session.handle("quit")
    #expect(r.quits)
    #expect(!r.isError)
  }
}

@Suite struct ReplWorkflowTypeTests {
  /// A node whose type is a workflow (`triage`) runs its inner nodes in its place.
  @Test func triageRunsAndSweepsLikeTheGraphItStandsFor() async throws {
    let dir = try ReplFixtures.scratch(["triage.yaml", "pets.jsonl"])
    let session = ReplFixtures.session(in: dir)
    let loaded = await session.handle("load triage.yaml")
    #expect(
      loaded.text.hasPrefix("loaded triage.yaml (native): 2 nodes, 0 vars, 2 writers"), "\(loaded.text)")
    let r = await session.handle("run")
    guard case .run(let report) = r.payload else { return #expect(Bool(false), "\(r.text)") }
    #expect(report.writers.map(\.node) == ["label/write-sure", "label/write-review"])
    let expected = Reference.counts(accept: 0.95, review: 0.5)
    #expect(report.tally.total(.accepted) == expected["accepted"])
    #expect(report.tally.total(.review) == expected["review"])
    let sweep = await session.handle("sweep label.review 0.3..0.7 step 0.2")
    guard case .sweep(let s) = sweep.payload else { return #expect(Bool(false), "\(sweep.text)") }
    for point in s.points {
      #expect(point.review == Reference.counts(accept: 0.95, review: point.value)["review"])
    }
    #expect(s.currentValue == 0.5)
    _ = await session.handle("set label.accept = 0.8")
    guard case .run(let again) = await session.handle("run").payload else { return #expect(Bool(false)) }
    #expect(again.tally.total(.accepted) == Reference.counts(accept: 0.8, review: 0.5)["accepted"])
  }
}

@Suite struct ReplToolTests {
  @Test func showGivesKindsAndTheBandsReachingANode() async throws {
    let (session, _) = try await ReplFixtures.loaded()
    let r = await session.handle("show plausible")
    guard case .node(let node) = r.payload else { return #expect(Bool(false), "\(r.text)") }
    #expect(node.bands.map(\.concept) == ["cat", "dog"])
    #expect(node.bands.map(\.band) == ["[0, 0.95]", "[0, 0.95]"])
    #expect(
      r.text.hasSuffix(
        "  bands in: cat [0, 0.95], dog [0, 0.95]\n  bands out: cat (0.5, 0.95], dog (0.5, 0.95]"))
    _ = await session.handle("set accept = 0.9")
    #expect(
      (await session.handle("show write-sure")).text.hasSuffix("  bands in: cat (0.9, 1], dog (0.9, 1]"))
    #expect((await session.handle("show detect")).text.contains("  kind in: image\n"))
  }

  @Test func planCheckAndLintUseTheCurrentSettings() async throws {
    let (session, _) = try await ReplFixtures.loaded()
    let plan = await session.handle("plan")
    #expect(
      plan.text.hasPrefix(
        "plan for workflow 'pets': 6 nodes, 1 model, 2 annotation writers\nvars: accept = 0.95, review = 0.5")
    )
    #expect(await session.handle("check").text == "no problems")
    let lint = await session.handle("lint")
    #expect(
      lint.text.hasPrefix(
        "pets.yaml:17:3: note: cat and dog regions with confidence in [0, 0.5] are dropped [lint.uncovered-band]"
      ))
    #expect(lint.text.hasSuffix("\n1 note"))
    // A setting that kills the review branch: accepted (it is valid), with the warning said at once.
    let set = await session.handle("set review = 0.97")
    #expect(!set.isError)
    #expect(
      set.text.contains(
        "\n  warning: no confidence can pass 'plausible': it keeps cat and dog in (0.97, 1] but only [0, 0.95] reaches it [lint.dead-branch]"
      ), "\(set.text)")
    #expect((await session.handle("plan")).text.contains("vars: accept = 0.95, review = 0.97"))
    let again = await session.handle("lint")
    #expect(again.text.contains("warning: no confidence can pass 'plausible'"))
    #expect(again.text.hasSuffix("\n1 warning, 1 note"))
  }
}
