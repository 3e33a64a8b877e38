import Foundation
import Testing

/// Runs the built `weir` binary as a user would, capturing what it prints and its exit status.
struct WeirProcess {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The folder holding Package.swift.
  static let repositoryRoot: URL = {
    var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while url.path != "/" {
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
        return url
      }
      url = url.deletingLastPathComponent()
    }
    fatalError("no Package.swift above \(#filePath)")
  }()

  /// The `weir` built beside this test bundle, or `.build/debug/weir` (`make test` builds it first).
  static let binary: URL? = {
    var candidates: [URL] = []
    if let executable = Bundle.main.executableURL {
      var dir = executable.deletingLastPathComponent()
      // Inside an .xctest bundle on macOS the executable sits in Contents/MacOS.
      while dir.pathExtension == "xctest" || dir.lastPathComponent == "MacOS"
        || dir.lastPathComponent == "Contents"
      {
        dir = dir.deletingLastPathComponent()
      }
      candidates.append(dir.appendingPathComponent("weir"))
    }
    candidates.append(repositoryRoot.appendingPathComponent(".build/debug/weir"))
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }()

  /// Runs `weir arguments…` in the repository root, feeding `stdin`.
  static func run(_ arguments: [String], stdin: String = "", environment: [String: String] = [:]) throws
    -> Result
  {
    let binary = try #require(binary, "no weir binary: run 'swift build' first")
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = repositoryRoot
    let temp = FileManager.default.temporaryDirectory.appendingPathComponent("weir-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: temp, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: temp) }
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "NO_COLOR")
    // The user's own weir config (hosts allowed to get API keys) never applies to a test: an empty
    // config folder unless the test gives one.
    env["XDG_CONFIG_HOME"] = temp.appendingPathComponent("config").path
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let outURL = temp.appendingPathComponent("out")
    let errURL = temp.appendingPathComponent("err")
    let inURL = temp.appendingPathComponent("in")
    try Data(stdin.utf8).write(to: inURL)
    FileManager.default.createFile(atPath: outURL.path, contents: nil)
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: outURL)
    process.standardError = try FileHandle(forWritingTo: errURL)
    process.standardInput = try FileHandle(forReadingFrom: inURL)
    try process.run()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus,
      stdout: try String(contentsOf: outURL, encoding: .utf8),
      stderr: try String(contentsOf: errURL, encoding: .utf8))
  }
}
