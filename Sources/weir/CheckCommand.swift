import ArgumentParser
import Foundation
import WeirCore

/// `weir check FILE…`: parse and type-check; errors only.
struct CheckCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "check", abstract: "Parse and type-check workflow files.")

  @Argument(help: "Workflow files to check ('-' reads standard input).")
  var files: [String]

  func run() async throws {
    for path in files {
      let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
      let (_, diagnostics) = YAMLLoader().load(SourceFile(path: path, bytes: bytes))
      for d in diagnostics.sortedUnique() { print("\(path): \(d.severity): \(d.message) [\(d.id)]") }
    }
  }
}
