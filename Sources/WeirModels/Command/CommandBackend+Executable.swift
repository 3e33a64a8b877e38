import Foundation
import WeirCore

extension CommandBackend {
  /// `argv[0]` as a file: relative to the working directory when it has a `/`, else the first
  /// executable of that name on the environment's PATH (as a shell finds it, without running one).
  static func resolveExecutable(config: CommandConfig, modelName: String, environment: [String: String])
    throws -> URL
  {
    let name = config.argv.first ?? ""
    let files = FileManager.default
    if name.contains("/") {
      let url = URL(fileURLWithPath: name, relativeTo: config.workingDirectory).standardizedFileURL
      if files.isExecutableFile(atPath: url.path) { return url }
      throw BackendConfigError(
        id: "backend.command-not-found",
        message: "the program '\(name)' of model '\(modelName)' is not an executable file",
        range: nil, notes: [Note("looked for \(url.path)")])
    }
    let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for directory in path.split(separator: ":") where !directory.isEmpty {
      let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
      var isDirectory: ObjCBool = false
      if files.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
        files.isExecutableFile(atPath: candidate.path)
      {
        return candidate
      }
    }
    throw BackendConfigError(
      id: "backend.command-not-found",
      message: "the program '\(name)' of model '\(modelName)' is not on PATH",
      range: nil, notes: [Note("PATH is \(path)")])
  }
}
