import Foundation

@testable import WeirCore
@testable import WeirREPL

/// Paths and sessions for REPL tests.
enum ReplFixtures {
  /// The repository root: the folder holding Package.swift above this file.
  static let root: URL = {
    var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
      url.deleteLastPathComponent()
    }
    return url
  }()

  static let folder = root.appendingPathComponent("Tests/Fixtures/repl")

  static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

  /// A fresh temporary folder holding copies of the named fixtures.
  static func scratch(
    _ names: [String] = ["pets.yaml", "pets.jsonl", "pets-truth.json", "pets-clarifai.yaml"]
  ) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("weir-repl-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for name in names {
      try FileManager.default.copyItem(
        at: folder.appendingPathComponent(name), to: dir.appendingPathComponent(name))
    }
    return dir
  }

  /// A session working in `directory`, with a clock that stands still (timings read 0.0 ms).
  static func session(in directory: URL, source: TestReplaySource = TestReplaySource()) -> ReplSession {
    let environment = ReplEnvironment(currentDirectory: directory.path, clock: { 0 }, models: source)
    return ReplSession(environment: environment)
  }

  /// A session with pets.yaml loaded from a scratch copy.
  static func loaded(truth: Bool = false) async throws -> (ReplSession, URL) {
    let dir = try scratch()
    let session = session(in: dir)
    let response = await session.handle("load pets.yaml")
    precondition(!response.isError, response.text)
    if truth { _ = await session.handle("truth pets-truth.json") }
    return (session, dir)
  }
}
