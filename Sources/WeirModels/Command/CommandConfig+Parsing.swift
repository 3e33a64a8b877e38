import Foundation
import WeirCore

extension CommandConfig {
  /// Every option a `command` backend takes, besides the command itself under the `command` key.
  static let optionNames = ["timeout", "startup_timeout", "restarts", "batch_size"]

  /// Reads `backend: {command: [argv…] | "a string", timeout, startup_timeout, restarts}`.
  /// A string is split into words like a shell would split them (quotes group, no expansion).
  static func parse(spec: BackendSpec, model: ModelDecl, baseDirectory: URL) -> (
    CommandConfig?, [BackendConfigError]
  ) {
    var reader = BackendOptionReader(spec: spec, modelName: model.name.value)
    reader.rejectUnknown(known: optionNames)
    let argv = parseArgv(spec.value, reader: &reader)
    let timeout = reader.duration("timeout")
    let startupTimeout = reader.duration("startup_timeout")
    let restarts = reader.int("restarts", in: 0...100)
    let batchSize = reader.int("batch_size", in: 1...Int.max)
    guard reader.errors.isEmpty, let argv else { return (nil, reader.errors) }
    var config = CommandConfig(argv: argv, workingDirectory: baseDirectory, startupTimeout: startupTimeout)
    if let timeout {
      config.timeout = timeout
      config.startupTimeout = startupTimeout ?? max(timeout, .seconds(60))
    }
    if let restarts { config.restarts = restarts }
    if let batchSize { config.batchSize = batchSize }
    return (config, [])
  }

  private static func parseArgv(_ value: ParamValue, reader: inout BackendOptionReader) -> [String]? {
    let name = reader.modelName
    switch value {
    case .list(let items, let range):
      let words = items.compactMap { reader.scalarText($0, what: "each word of the command") }
      guard words.count == items.count else { return nil }
      guard !words.isEmpty else {
        reader.fail("backend.bad-option", "the command of model '\(name)' is empty", at: range)
        return nil
      }
      return words.map(\.value)
    default:
      guard let text = reader.scalarText(value, what: "the command") else {
        if case .scalar(let s) = value {
          reader.fail("backend.bad-option", "the command of model '\(name)' is empty", at: s.range)
        }
        return nil
      }
      switch CommandLineSplitter.split(text.value) {
      case .success(let words) where !words.isEmpty:
        return words
      case .success:
        reader.fail("backend.bad-option", "the command of model '\(name)' is empty", at: text.range)
      case .failure(let problem):
        reader.fail(
          "backend.bad-option", "the command of model '\(name)' \(problem.message)", at: text.range,
          notes: [Note("or write the command as a list: [python3, model.py]")])
      }
      return nil
    }
  }
}
