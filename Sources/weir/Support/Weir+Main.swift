import ArgumentParser
import Foundation

/// weir's own entry point. ArgumentParser's default exits with 64 on usage mistakes; weir's
/// contract (Documentation/Diagnostics.md) is 2 for usage and unreadable files, 1 for errors in
/// the workflows, 0 otherwise. `weir check PATH…` without options starts without ArgumentParser
/// (`CheckCommand.operandsOnly`).
extension Weir {
  static func main() async {
    do {
      if let check = CheckCommand.operandsOnly(CommandLine.arguments) {
        try await check.run()
        return
      }
      var command = try parseAsRoot()
      if var asyncCommand = command as? AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch {
      if exitCode(for: error) == .validationFailure {
        Terminal.write(fullMessage(for: error) + "\n", to: .stderr)
        Foundation.exit(ExitStatus.usage.rawValue)
      }
      exit(withError: error)
    }
  }
}
