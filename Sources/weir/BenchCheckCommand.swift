import ArgumentParser
import Foundation
import WeirCore

/// `weir bench check`: how long checking takes on generated workflows, beside libyaml's bare event
/// parse of the same bytes (the floor: no nodes built), in-process (`Frontend.check` on bytes in
/// memory) and as a whole `weir check` process; then what a process costs before it does anything
/// (`weir --version`). Every figure is CPU time (the thread's in-process, the child's user and
/// system time for a process), which a loaded machine inflates far less than the wall clock. A
/// benchmark, not a test; `scripts/bench-check.sh` runs it on a release build.
struct BenchCheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check", abstract: "Time weir check on generated workflows, beside a bare libyaml parse.")

  @Option(help: "Node counts to generate, comma-separated.")
  var nodes: String = "1,1000,10000"

  @Option(help: "Timed runs per measurement (the median is shown).")
  var runs: Int = 5

  func run() throws {
    let sizes = nodes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("weir-bench-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    // CPU time, not wall time: on a shared machine the wall clock mostly measures the other processes.
    print(
      "median CPU time (user + system) of \(max(1, runs)) runs; × libyaml is check in-process over libyaml's bare event parse"
    )
    print(
      "dialect   nodes     bytes   libyaml parse   check in-process   × libyaml   of which types   whole process"
    )
    for size in sizes {
      for dialect in [Dialect.native, .clarifai] {
        let text = dialect == .native ? Self.native(size) : Self.clarifai(size)
        let url = folder.appendingPathComponent("\(dialect.rawValue)-\(size).yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        let parse = try median { try bareParse(text) }
        let inProcess = try median { try checkInProcess(text) }
        let types = try median { try typeCheck(text) }
        let whole = try median { try process(["check", url.path]) }
        let line = [
          dialect.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0), pad(String(size), 6),
          pad(String(text.utf8.count), 10), pad(ms(parse), 15), pad(ms(inProcess), 18),
          pad(String(format: "%.1f×", inProcess / max(parse, 1e-9)), 11), pad(ms(types), 16),
          pad(ms(whole), 15),
        ]
        print(line.joined(separator: " "))
      }
    }
    let small = folder.appendingPathComponent("small.yaml")
    try Self.native(3).write(to: small, atomically: true, encoding: .utf8)
    let check = try median { try process(["check", small.path]) }
    let version = try median { try process(["--version"]) }
    print("whole process: weir check of a 3-node file \(ms(check)), weir --version \(ms(version))")
  }

  /// libyaml's event parser alone over the same bytes (`LibYAMLBaseline`): the floor for a check.
  private func bareParse(_ text: String) throws -> Double {
    let bytes = Array(text.utf8)
    let start = Self.threadCPUTime()
    let events = LibYAMLBaseline.countEvents(bytes)
    let elapsed = Self.threadCPUTime() - start
    guard events != nil else { throw ValidationError("libyaml cannot parse the generated workflow") }
    return elapsed
  }

  private func checkInProcess(_ text: String) throws -> Double {
    let start = Self.threadCPUTime()
    let outcome = Frontend.check(SourceFile(path: "bench.yaml", text: text))
    let elapsed = Self.threadCPUTime() - start
    if outcome.hasErrors {
      throw ValidationError("generated workflow has errors: \(outcome.diagnostics[0].message)")
    }
    return elapsed
  }

  /// The type checker alone (`TypeChecker.check`) on the parsed workflow.
  private func typeCheck(_ text: String) throws -> Double {
    guard let workflow = WorkflowParser.parse(SourceFile(path: "bench.yaml", text: text)).workflow else {
      throw ValidationError("generated workflow does not parse")
    }
    let checker = TypeChecker()
    let start = Self.threadCPUTime()
    let (_, diagnostics) = checker.check(workflow)
    let elapsed = Self.threadCPUTime() - start
    if diagnostics.hasErrors {
      throw ValidationError("generated workflow has type errors: \(diagnostics[0].message)")
    }
    return elapsed
  }

  /// The CPU time of this `weir` with `arguments` as a child process, started with `posix_spawn`
  /// (Foundation's `Process` adds tens of milliseconds of its own) with output discarded.
  private func process(_ arguments: [String]) throws -> Double {
    let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
    let words: [String] = [executable] + arguments
    let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    var pid: pid_t = 0
    guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else {
      throw ValidationError("cannot start \(executable)")
    }
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    let elapsed = Self.seconds(usage.ru_utime) + Self.seconds(usage.ru_stime)
    if status != 0 {
      throw ValidationError("weir \(arguments.joined(separator: " ")) exited with status \(status)")
    }
    return elapsed
  }

  private func median(_ measure: () throws -> Double) throws -> Double {
    let times = try (0..<max(1, runs)).map { _ in try measure() }.sorted()
    return times[times.count / 2]
  }

  /// The CPU time this thread has used, in seconds.
  private static func threadCPUTime() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
  }

  private static func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }

  private func ms(_ s: Double) -> String { String(format: "%.1f ms", s * 1000) }
  private func pad(_ s: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - s.count)) + s
  }

  /// Node `i` reads a node 1 to 8 places before it, so the graph is wide and deep, like a large
  /// real workflow; every fourth node is a thresholder with per-concept params.
  static func input(of i: Int) -> Int? { i == 0 ? nil : max(0, i - 1 - (i * 7919) % 8) }

  static func native(_ n: Int) -> String {
    var s = "weir: 1\nworkflow: bench\nvars: {accept: 0.95}\nmodels:\n"
    s += "  det: {type: visual-detector, concepts: [cat, dog], backend: {replay: predictions.json}}\nnodes:\n"
    for i in 0..<n {
      guard let from = input(of: i) else { s += "  n0: {model: det}\n"; continue }
      if i % 4 == 0 {
        s += "  n\(i):\n    type: region-thresholder\n    input: n\(from)\n"
        s += "    params: {concept_threshold_type: GREATER_THAN, concepts: {cat: $accept, dog: 0.5}}\n"
      } else {
        s +=
          "  n\(i): {type: annotation-writer, input: n\(from), params: {annotation_status: ANNOTATION_SUCCESS}}\n"
      }
    }
    return s
  }

  static func clarifai(_ n: Int) -> String {
    var s = "workflow:\n  id: bench\n  nodes:\n"
    for i in 0..<n {
      // A detector first, so that every thresholder has regions to read (the type checker runs).
      guard i > 0 else {
        s += "    - id: n0\n      model:\n        model_id: model-0\n        model_type_id: visual-detector\n"
        continue
      }
      s +=
        "    - id: n\(i)\n      model:\n        model_id: model-\(i)\n        model_type_id: region-thresholder\n"
      s +=
        "        output_info:\n          params: {concept_threshold_type: GREATER_THAN, concepts: {cat: 0.9}}\n"
      if let from = input(of: i) { s += "      node_inputs:\n        - node_id: n\(from)\n" }
    }
    return s
  }
}
