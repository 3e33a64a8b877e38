import Testing

@testable import WeirCore
@testable import WeirREPL

@Suite struct ReplCommandParserTests {
  func parsed(_ line: String) -> ReplRequest? {
    guard case .success(let r) = ReplCommandParser.parse(line) else { return nil }
    return r
  }

  func error(_ line: String) -> ReplCommandError? {
    guard case .failure(let e) = ReplCommandParser.parse(line) else { return nil }
    return e
  }

  @Test(arguments: [
    ("help", ReplRequest.help(command: nil)),
    ("help sweep", .help(command: "sweep")),
    ("load pets.yaml", .load(path: "pets.yaml")),
    ("load \"my pets.yaml\"", .load(path: "my pets.yaml")),
    ("reload", .reload),
    ("inputs", .inputs(patterns: [])),
    ("inputs photos/*.jpg extra.png", .inputs(patterns: ["photos/*.jpg", "extra.png"])),
    ("truth gt.json", .truth(path: "gt.json")),
    ("  run  ", .run),
    ("set accept = 0.9", .set(name: "accept", value: "0.9")),
    ("set accept=0.9", .set(name: "accept", value: "0.9")),
    ("set sure.concepts = {cat: 0.9, dog: 0.8}", .set(name: "sure.concepts", value: "{cat: 0.9, dog: 0.8}")),
    ("unset accept", .unset(name: "accept")),
    ("vars", .vars),
    ("show sure", .show(node: "sure")),
    ("explain img01.jpg", .explain(input: "img01.jpg")),
    ("diff", .diff), ("plan", .plan), ("check", .check), ("lint", .lint),
    ("save", .save(path: nil)), ("save out.yaml", .save(path: "out.yaml")),
    ("quit", .quit), ("exit", .quit),
  ])
  func parsesEveryCommand(line: String, expected: ReplRequest) {
    #expect(parsed(line) == expected)
  }

  @Test func commentsAndBlankLinesAreNoCommand() {
    #expect(parsed("") == nil)
    #expect(parsed("   ") == nil)
    #expect(parsed("# set accept = 0.9") == nil)
  }

  @Test func sweepWithStepAndOptions() {
    let r = parsed("sweep accept 0.5..0.95 step 0.05 --iou 0.6 --plot out.svg")
    #expect(
      r
        == .sweep(
          SweepRequest(
            name: "accept", from: 0.5, to: 0.95, spacing: .step(0.05), iou: 0.6, plotPath: "out.svg")))
    if case .sweep(let s)? = r {
      #expect(s.values.count == 10)
      #expect(s.values.first == 0.5)
      #expect(s.values.last == 0.95)
      #expect(s.values[1] == 0.55)
    }
  }

  @Test func sweepWithPointsAndSpacedRange() {
    #expect(
      parsed("sweep sure.concepts.cat 0 .. 1 5 points")
        == .sweep(SweepRequest(name: "sure.concepts.cat", from: 0, to: 1, spacing: .points(5))))
    #expect(
      parsed("sweep accept 0.5..0.9 3 points --plot=a.png")
        == .sweep(SweepRequest(name: "accept", from: 0.5, to: 0.9, spacing: .points(3), plotPath: "a.png")))
    if case .sweep(let s)? = parsed("sweep accept 0..1 5 points") {
      #expect(s.values == [0, 0.25, 0.5, 0.75, 1])
    }
  }

  @Test func unknownCommandSuggestsTheNearest() {
    #expect(
      error("swep accept 0..1 step 0.1")?.message
        == "unknown command 'swep'; did you mean 'sweep'?")
    #expect(error("frobnicate")?.message == "unknown command 'frobnicate'; type 'help' for the list")
  }

  @Test(arguments: [
    ("load", "'load' needs a workflow file"),
    ("load a b", "'load' takes one argument, a workflow file"),
    ("run now", "'run' takes no arguments"),
    ("set accept", "'set' needs '=' between the name and the value"),
    ("set", "'set' needs a name and a value"),
    ("set = 3", "'set' needs a name before '='"),
    ("set accept =", "'set accept' needs a value after '='"),
    ("set a b = 1", "'a b' is not a name: names have no blanks"),
    ("sweep", "'sweep' needs a var or NODE.PARAM"),
    ("sweep accept", "'sweep' needs a spacing: write 'step S' or 'N points' after the range"),
    ("sweep accept 0.5..0.9", "'sweep' needs a spacing: write 'step S' or 'N points' after the range"),
    ("sweep accept 0.5-0.9 step 0.1", "'0.5-0.9' is not a range; write FROM..TO, e.g. 0.5..0.95"),
    ("sweep accept x..0.9 step 0.1", "'x' is not a number (the start of the range)"),
    ("sweep accept 0.9..0.5 step 0.1", "the range 0.9..0.5 is backwards; write the smaller value first"),
    ("sweep accept 0..1 step 0", "the step must be a positive number, not '0'"),
    ("sweep accept 0..1 step 0.00001", "that is 100001 points; a sweep has at most 1000"),
    ("sweep accept 0..1 zero points", "the number of points must be a positive whole number, not 'zero'"),
    ("sweep accept 0..1 step 0.1 --iou 2", "'--iou' needs a number in (0, 1], not '2'"),
    ("sweep accept 0..1 step 0.1 --plot out.pdf", "'--plot' writes .svg or .png files, not 'out.pdf'"),
    ("sweep accept 0..1 step 0.1 --plto out.svg", "unknown option '--plto'; did you mean '--plot'?"),
    ("sweep accept 0..1 step 0.1 --plot", "'--plot' needs a value"),
    ("load \"unclosed", "unclosed quote \""),
    ("help a b", "'help' takes at most one command name"),
    ("save a b", "'save' takes at most one file name"),
  ])
  func badArgumentsSayWhatIsWrong(line: String, message: String) {
    let e = error(line)
    #expect(e?.message == message)
    #expect(e?.usage != nil)
  }
}
