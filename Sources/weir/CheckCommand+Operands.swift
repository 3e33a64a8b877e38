import ArgumentParser
import WeirDriver

/// `weir check PATH…` with no options, read without ArgumentParser.
///
/// That is how editors, hooks and scripts run weir most often, and for a small file ArgumentParser
/// would be a third of the process: it finds a command's arguments by reflection and dynamic casts,
/// and the first cast of each type to each protocol makes the Swift runtime scan every protocol
/// conformance in the binary (tens of thousands, Foundation's included), some fifty scans on the
/// way to `check`. With only paths on the command line there is nothing to parse: every option has
/// its default. Anything else (an option, `help`, `-h`) goes to ArgumentParser, so help, usage and
/// error messages are its own.
extension CheckCommand {
  /// The command for `arguments` (the process's, program name first) when they are `check` and
  /// paths only (`-` included), with every option at its default; `nil` otherwise.
  static func operandsOnly(_ arguments: [String]) -> CheckCommand? {
    guard arguments.count >= 2, arguments[1] == "check" else { return nil }
    let operands = Array(arguments.dropFirst(2))
    guard operands.allSatisfy({ $0 == SourceReader.stdinPath || (!$0.hasPrefix("-") && $0 != "help") }) else {
      return nil
    }
    var command = CheckCommand()
    command.paths = operands
    command.output = DiagnosticOptions.defaults
    command.bindingOptions = BindingOptions.defaults
    command.typePaths = []
    command.dumpAST = false
    command.dumpTypes = false
    guard (try? command.validate()) != nil else { return nil }
    #if DEBUG
      // Debug builds (the tests') parse with ArgumentParser too and compare every property, so an
      // option added to the command and not set above shows here, not as a crash in release.
      let parsed = try? Weir.parseAsRoot(Array(arguments.dropFirst()))
      guard parsed.map({ String(describing: $0) }) == String(describing: command) else {
        Terminal.write(
          "weir: internal error: 'check' without options differs from ArgumentParser's: "
            + "\(String(describing: command)) (please report)\n", to: .stderr)
        return nil
      }
    #endif
    return command
  }
}

extension DiagnosticOptions {
  /// Every option at its default, as ArgumentParser gives them when none is written.
  static var defaults: DiagnosticOptions {
    var options = DiagnosticOptions()
    options.format = .text
    options.noColor = false
    return options
  }
}

extension BindingOptions {
  /// Every option at its default, as ArgumentParser gives them when none is written.
  static var defaults: BindingOptions {
    var options = BindingOptions()
    options.backends = []
    options.modelsFile = nil
    return options
  }
}
