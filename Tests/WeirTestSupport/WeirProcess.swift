import Foundation

/// Runs the built `weir` binary as a user would, capturing what it prints and its exit status.
public enum WeirProcess {
  /// A finished process: exit status and everything it printed.
  public struct Result: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
  }

  /// Why a process could not be started.
  public struct Failure: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
  }

  /// The `weir` built beside this test bundle, or `.build/debug/weir` (`make test` builds it first).
  public static let binary: URL? = {
    var folders: [URL] = []
    if let executable = Bundle.main.executableURL {
      var dir = executable.deletingLastPathComponent()
      // Inside an .xctest bundle on macOS the executable sits in Contents/MacOS.
      while dir.pathExtension == "xctest" || dir.lastPathComponent == "MacOS"
        || dir.lastPathComponent == "Contents"
      {
        dir = dir.deletingLastPathComponent()
      }
      folders.append(dir)
    }
    folders.append(
      URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent())
    let candidates = folders.map { $0.appendingPathComponent("weir") } + [Repository.url(".build/debug/weir")]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }()

  /// The binary, or an error that says to build it.
  public static func executable() throws -> URL {
    guard let binary else { throw Failure("no weir binary: run 'swift build' first") }
    return binary
  }

  /// Runs `weir arguments…` in `folder` (the repository root unless given) to completion, feeding
  /// `stdin`, with `environment` added to this process's (without `NO_COLOR`). With a `launcher`
  /// (`["/usr/bin/setpriv", "--reuid=65534"]`, say) weir runs under that program.
  public static func run(
    _ arguments: [String], stdin: String = "", environment: [String: String] = [:],
    in folder: URL = Repository.root, launcher: [String] = []
  ) throws -> Result {
    let process = Process()
    if let program = launcher.first {
      process.executableURL = URL(fileURLWithPath: program)
      process.arguments = launcher.dropFirst() + [try executable().path] + arguments
    } else {
      process.executableURL = try executable()
      process.arguments = arguments
    }
    process.currentDirectoryURL = folder
    // Files rather than pipes: a chatty child can never block on a full pipe, and nothing needs a thread.
    let temp = try TemporaryDirectory("weir-cli")
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "NO_COLOR")
    // The user's own weir config (hosts allowed to get API keys) never applies to a test: an empty
    // config folder unless the test gives one.
    env["XDG_CONFIG_HOME"] = temp.url.appendingPathComponent("config").path
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let outURL = temp.url.appendingPathComponent("out")
    let errURL = temp.url.appendingPathComponent("err")
    let inURL = try temp.write("in", stdin)
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: outURL)
    process.standardError = try FileHandle(forWritingTo: errURL)
    process.standardInput = try FileHandle(forReadingFrom: inURL)
    try process.run()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus,
      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
  }
}
