import ArgumentParser

/// weir's exit codes, the same for every command.
enum ExitStatus {
  /// Nothing wrong (warnings may have been printed).
  static let ok = ExitCode(0)
  /// At least one error in the inputs (a diagnostic with severity error, a failed input).
  static let failure = ExitCode(1)
  /// The command could not do its work: a usage mistake or an unreadable file.
  static let usage = ExitCode(2)
}
