import WeirCore
import WeirDriver

extension Driver {
  /// `libraries(for:)` for a command: an unreadable `--types` path is reported as
  /// `weir: cannot read the --types declarations: …` and ends the command with exit status 2.
  func librariesForCommand(_ workflowPaths: [String]) throws -> TypeLibraries {
    do {
      return try libraries(for: workflowPaths)
    } catch {
      Terminal.fail(error.description)
      throw ExitStatus.usage
    }
  }
}
