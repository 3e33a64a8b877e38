import Foundation
import Testing
import WeirCore
import WeirTestSupport

@testable import WeirModels

/// The command backend running real Python programs from Tests/Fixtures/backends (issue 8).
@Suite struct CommandBackendTests {
  static let environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]

  func backend(_ command: String, options: String = "") throws -> CommandBackend {
    let parsed = ParsedBackend("{command: \(command)\(options)}", model: "pets")
    return try #require(try parsed.make(environment: Self.environment, allowExec: true) as? CommandBackend)
  }

  func isAlive(_ pid: Int32) -> Bool { kill(pid, 0) == 0 }

  /// Waits up to a second for a process to be gone.
  func waitUntilGone(_ pid: Int32) async -> Bool {
    for _ in 0..<100 {
      if !isAlive(pid) { return true }
      try? await Task.sleep(for: .milliseconds(10))
    }
    return false
  }

  @Test func aWellBehavedModelAnswersEveryInputFromOneProcess() async throws {
    let backend = try backend("[python3, good_model.py]")
    let folder = try TemporaryDirectory()
    let image = try folder.write("cat1.jpg", [1, 2, 3])
    let incoming = DataRecord(concepts: [Concept(id: "pet", value: 1)])
    let first = await backend.predict([
      ModelRequest(input: InputItem(id: "cat1", path: image.path), data: incoming),
      ModelRequest(input: InputItem(id: "dog2", url: "https://example.com/dog2.jpg"), data: DataRecord()),
    ])
    let second = await backend.predict(requests(["cat3", "bad4", "dog5"]))

    let cat = try #require(first[0].successValue)
    #expect(cat.regions.first?.concepts == [Concept(id: "cat", value: 0.97)])
    #expect(
      cat.regions.first?.boundingBox == BoundingBox(topRow: 0.1, leftCol: 0.2, bottomRow: 0.5, rightCol: 0.6))
    #expect(cat.metadata["path"] == .string(image.standardizedFileURL.path))
    #expect(cat.metadata["incoming_concepts"] == .number(1))
    #expect(first[1].successValue?.metadata["url"] == .string("https://example.com/dog2.jpg"))
    #expect(second[1].failureMessage == "the model failed on this input: cannot decode image bad4")
    #expect(second[2].successValue?.regions.first?.concepts.first?.id == "dog")

    // Started once and kept running.
    let pids = Set((first + second).compactMap { $0.successValue?.metadata["pid"] })
    #expect(pids.count == 1)
    #expect(backend.runningProcessID.map { JSONValue.number(Double($0)) } == pids.first)
    await backend.close()
  }

  @Test func concurrentCallsAreAnsweredOneAtATimeAndMatched() async throws {
    let backend = try backend("python3 good_model.py")
    async let a = backend.predict(requests((0..<20).map { "cat\($0)" }))
    async let b = backend.predict(requests((0..<20).map { "dog\($0)" }))
    let (catResults, dogResults) = await (a, b)
    #expect(catResults.map { $0.successValue?.regions.first?.id } == (0..<20).map { "r-cat\($0)" })
    #expect(dogResults.map { $0.successValue?.regions.first?.id } == (0..<20).map { "r-dog\($0)" })
    await backend.close()
  }

  @Test func aCrashingModelIsRestartedABoundedNumberOfTimes() async throws {
    let backend = try backend("[python3, crash_after.py, '3']", options: ", restarts: 2")
    let ids = (1...14).map { "img\($0)" }
    let results = await backend.predict(requests(ids))
    let failed = zip(ids, results).filter { $0.1.failureMessage != nil }.map(\.0)
    // Three answers per life; the fourth request kills it; three lives in all.
    #expect(failed == ["img4", "img8", "img12", "img13", "img14"])
    #expect(
      results[3].failureMessage
        == "the model program (python3 crash_after.py 3) exited with status 1 while predicting this input; it will be "
        + "restarted (restart 1 of 2); its stderr ends with: 'Traceback (most recent call last): | File "
        + "\"crash_after.py\", line 12, in <module> | RuntimeError: out of GPU memory on img4'")
    #expect(results[11].failureMessage?.contains("it will not be restarted ('restarts: 2' used up)") == true)
    #expect(
      results[12].failureMessage
        == "the model program (python3 crash_after.py 3) is not running: it stopped 3 times and 'restarts: 2' allows "
        + "no more; the last time exited with status 1 while predicting this input; its stderr ends with: "
        + "'Traceback (most recent call last): | File \"crash_after.py\", line 12, in <module> | RuntimeError: out of "
        + "GPU memory on img12'")
    let pids = Set(results.compactMap { $0.successValue?.metadata["pid"] })
    #expect(pids.count == 3)
  }

  @Test func aHungModelTimesOutIsStoppedAndRestarted() async throws {
    let backend = try backend("[python3, hang_model.py]", options: ", timeout: 0.4, startup_timeout: 5")
    let clock = ContinuousClock()
    let start = clock.now
    let results = await backend.predict(requests(["a", "hang1", "b"]))
    let elapsed = clock.now - start
    #expect(results[0].successValue != nil)
    #expect(
      results[1].failureMessage
        == "the model program (python3 hang_model.py) did not answer within 0.4 s; it was stopped; it will be "
        + "restarted (restart 1 of 2); its stderr ends with: 'hang_model: stuck on hang1'")
    #expect(results[2].successValue != nil)
    let firstPid = try #require(results[0].successValue?.metadata["pid"]?.number)
    let secondPid = try #require(results[2].successValue?.metadata["pid"]?.number)
    #expect(firstPid != secondPid)
    #expect(await waitUntilGone(Int32(firstPid)))
    #expect(elapsed < .seconds(8))
    await backend.close()
  }

  @Test func aBannerOnStdoutFailsOneInputAndTheRestRecover() async throws {
    let backend = try backend("[python3, garbage_model.py, banner]")
    let results = await backend.predict(requests(["a", "b", "c"]))
    #expect(
      results[0].failureMessage
        == "the model program (python3 garbage_model.py banner) printed a line that is not a JSON answer: "
        + "'Loading model weights... done'; it must print only answers on stdout (diagnostics go to stderr)")
    #expect(results[1].successValue?.concepts.first?.id == "cat")
    #expect(results[2].successValue?.concepts.first?.id == "cat")
    await backend.close()
  }

  @Test func aModelPrintingOnlyGarbageFailsEveryInputQuickly() async throws {
    let backend = try backend("[python3, garbage_model.py, always]")
    let results = await backend.predict(requests(["a", "b"]))
    #expect(
      results.allSatisfy { $0.failureMessage?.contains("is not a JSON answer: 'result: cat 0.9'") == true })
    await backend.close()
  }

  @Test func aModelThatExitsAtOnceFailsBoundedly() async throws {
    let backend = try backend("[python3, exit_immediately.py]", options: ", restarts: 1")
    let clock = ContinuousClock()
    let start = clock.now
    let results = await backend.predict(requests(["a", "b", "c", "d"]))
    // Far below the 60 s start-up timeout: an exit is noticed at once, not waited out.
    #expect(clock.now - start < .seconds(10))
    #expect(
      results[0].failureMessage
        == "the model program (python3 exit_immediately.py) exited with status 3 while predicting this input; it "
        + "will be restarted (restart 1 of 1); its stderr ends with: 'error: cannot load weights from 'missing.pt''"
    )
    #expect(results[1].failureMessage?.contains("it will not be restarted ('restarts: 1' used up)") == true)
    #expect(
      results[2].failureMessage?.hasPrefix(
        "the model program (python3 exit_immediately.py) is not running: it stopped 2 times") == true)
    #expect(results[3].failureMessage == results[2].failureMessage)
  }

  @Test func aModelThatStopsReadingIsStoppedAtTheDeadline() async throws {
    let backend = try backend("[python3, deaf_model.py]", options: ", timeout: 0.5, startup_timeout: 0.5")
    // Far more than a pipe holds (64 KiB on Linux), so the write itself must give up at the deadline.
    let big = DataRecord(concepts: (0..<6000).map { Concept(id: "concept-number-\($0)", value: 0.5) })
    let results = await backend.predict([ModelRequest(input: InputItem(id: "a"), data: big)])
    #expect(
      results[0].failureMessage
        == "the model program (python3 deaf_model.py) stopped reading its input for 0.5 s; it was stopped; it will "
        + "be restarted (restart 1 of 2)")
    await backend.close()
  }

  @Test func theProgramStartsWithNoBlockedSignalsAndSIGTERMStopsIt() async throws {
    let folder = try TemporaryDirectory()
    let marker = folder.url.appendingPathComponent("terminated")
    let backend = try backend("[python3, linger_model.py, '\(marker.path)']")
    let results = await backend.predict(requests(["a"]))
    #expect(results[0].successValue?.metadata["blocked_signals"] == .string("0000000000000000"))
    await backend.close(grace: .milliseconds(100))
    let recorded = try String(contentsOf: marker, encoding: .utf8)
    #expect(recorded == "SIGTERM\n")
  }

  @Test func closeStopsEvenAStubbornProgram() async throws {
    let backend = try backend("[python3, stubborn_model.py]")
    let results = await backend.predict(requests(["a"]))
    #expect(results[0].successValue != nil)
    let pid = try #require(backend.runningProcessID)
    let clock = ContinuousClock()
    let start = clock.now
    await backend.close(grace: .milliseconds(200))
    #expect(clock.now - start < .seconds(5))
    #expect(await waitUntilGone(pid))
    let after = await backend.predict(requests(["b"]))
    #expect(after[0].failureMessage == "the model program (python3 stubborn_model.py) was shut down")
  }

  @Test func releasingTheBackendStopsItsProgram() async throws {
    var backend: CommandBackend? = try backend("[python3, good_model.py]")
    _ = await backend?.predict(requests(["a"]))
    let pid = try #require(backend?.runningProcessID)
    #expect(isAlive(pid))
    backend = nil
    #expect(await waitUntilGone(pid))
  }

  @Test func theExampleModelSpeaksTheProtocol() async throws {
    let parsed = ParsedBackend("{command: [python3, model.py], timeout: 10}")
    let example = Repository.root.appendingPathComponent("examples/command-model")
    let made = try parsed.make(environment: Self.environment, allowExec: true, in: example)
    let backend = try #require(made as? CommandBackend)
    let results = await backend.predict(
      requests(
        ["one", "two"], path: { $0 == "one" ? "/photos/Cat-1.jpg" : nil },
        url: { _ in "https://x.test/dog.jpg" }))
    let cat = try #require(results[0].successValue?.regions.first)
    #expect(cat.id == "region-0")
    #expect(cat.concepts == [Concept(id: "cat", value: 0.97)])
    #expect(cat.boundingBox == BoundingBox(topRow: 0.1, leftCol: 0.1, bottomRow: 0.9, rightCol: 0.9))
    #expect(results[1].successValue?.regions.first?.concepts == [Concept(id: "dog", value: 0.7)])
    await backend.close()
  }

  @Test func nothingStartsUntilTheFirstPrediction() throws {
    let backend = try backend("[python3, good_model.py]")
    #expect(backend.runningProcessID == nil)
  }
}

/// Issue 12: a hung model's helpers die with it; answer lines are read in linear time with a cap.
@Suite struct CommandBackendHardeningTests {
  func backend(_ command: String, options: String = "") throws -> CommandBackend {
    try CommandBackendTests().backend(command, options: options)
  }

  /// Whether a process is gone: no such process, or a zombie nobody reaps yet (in a container whose
  /// first process does not reap orphans).
  static func isGone(_ pid: Int32) -> Bool {
    if kill(pid, 0) != 0 { return true }
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return false }
    return stat[stat.index(close, offsetBy: 2)...].hasPrefix("Z")
  }

  @Test func aTimedOutModelIsKilledWithTheProcessesItStarted() async throws {
    let backend = try backend("[python3, spawning_model.py]", options: ", timeout: 0.5, startup_timeout: 5")
    let first = await backend.predict(requests(["a"]))
    let helper = Int32(try #require(first[0].successValue?.metadata["helper"]?.number))
    defer { kill(helper, SIGKILL) }
    #expect(!Self.isGone(helper))

    let hung = await backend.predict(requests(["hang1"]))
    #expect(hung[0].failureMessage?.contains("did not answer within 0.5 s; it was stopped") == true)
    var gone = false
    for _ in 0..<200 where !gone {
      gone = Self.isGone(helper)
      if !gone { try? await Task.sleep(for: .milliseconds(10)) }
    }
    #expect(gone, "the model's helper process \(helper) outlived the killed model")
    await backend.close()
  }

  @Test func anAnswerLineOverTheCapFailsItsInputOnlyAndTheNextAnswerIsRead() async throws {
    var config = try backend("[python3, long_line_model.py, '300000']").config
    config.maxLineBytes = 100_000
    let backend = try CommandBackend(
      config: config, modelName: "pets", environment: CommandBackendTests.environment)
    let results = await backend.predict(requests(["a", "big1", "b"]))
    #expect(results[0].successValue?.concepts.first?.id == "cat")
    #expect(
      results[1].failureMessage
        == "the model program (python3 long_line_model.py 300000) printed an answer line longer than "
        + "100000 bytes, the most weir reads; this input fails and the rest of that line is skipped")
    #expect(results[2].successValue?.concepts.first?.id == "cat")
    // The program was not restarted: the cap fails one input, not the program.
    #expect(backend.runningProcessID != nil)
    await backend.close()
  }

  @Test func aLongAnswerUnderTheCapIsReadWhole() async throws {
    let backend = try backend("[python3, long_line_model.py, '3000000']")
    let results = await backend.predict(requests(["big1", "a"]))
    let pad = try #require(results[0].successValue?.metadata["pad"]?.string)
    #expect(pad.count >= 3_000_000 && pad.allSatisfy { $0 == "x" })
    #expect(results[1].successValue?.concepts.first?.id == "cat")
    await backend.close()
  }
}

/// The line reader on its own: lines split across chunks, several in one chunk, the cap.
@Suite struct LineChannelTests {
  func drain(_ channel: LineChannel) async -> [LineChannel.Event] {
    var events: [LineChannel.Event] = []
    while true {
      let event = await channel.next(timeout: .seconds(5))
      events.append(event)
      if event == .endOfFile || event == .timedOut { return events }
    }
  }

  @Test func linesSplitAcrossChunksAndManyInOneChunkComeOutWhole() async {
    let channel = LineChannel(maxLineBytes: 100)
    for chunk in ["ab", "c\nde", "f\ng\n\nh", "é", "\n", "tail"] { channel.append(Data(chunk.utf8)) }
    channel.finish()
    #expect(
      await drain(channel) == [
        .line("abc"), .line("def"), .line("g"), .line(""), .line("hé"), .line("tail"), .endOfFile,
      ])
  }

  @Test func aLineOverTheCapIsReportedAtOnceAndSkippedToItsEnd() async {
    let channel = LineChannel(maxLineBytes: 10)
    channel.append(Data("short\n0123456".utf8))
    channel.append(Data("789abc".utf8))
    // Reported before its line break arrives: the reader need not wait for a line that may never end.
    #expect(await channel.next(timeout: .seconds(5)) == .line("short"))
    #expect(await channel.next(timeout: .seconds(5)) == .tooLong(limit: 10))
    channel.append(Data(String(repeating: "x", count: 1000).utf8))
    channel.append(Data("yz\nnext\n0123456789\n".utf8))
    channel.finish()
    #expect(await drain(channel) == [.line("next"), .line("0123456789"), .endOfFile])
  }
}
