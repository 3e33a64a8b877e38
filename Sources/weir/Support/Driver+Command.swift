import WeirCore
import WeirDriver

extension Driver {
  /// `read(_:)` for a command: a file that cannot be read is reported as `weir: cannot read …` and
  /// ends the command with exit status 2.
  func readForCommand(_ path: String) throws -> SourceFile {
    switch read(path) {
    case .success(let file): return file
    case .failure(let failure):
      Terminal.fail(failure.description)
      throw ExitStatus.usage
    }
  }

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

extension WorkflowFiles {
  /// The files a `check` or `lint` reads: `paths` with folders searched, or with none the current
  /// project's workflows. Ends the command (exit status 2) when there is nothing to read.
  static func forCommand(_ paths: [String], verb: String) throws -> (
    files: [String], problems: [FileDiagnostics]
  ) {
    let (files, problems) = paths.isEmpty ? project() : (expand(paths), [])
    if files.isEmpty && problems.isEmpty {
      let place = paths.isEmpty ? "the current folder" : paths.map { "'\($0)'" }.joined(separator: ", ")
      Terminal.fail(
        "no workflow files to \(verb) in \(place) (.yaml or .yml files with a 'weir:' or 'workflow:' key; "
          + "'\(projectKey):' in .weir.yaml lists them)")
      throw ExitStatus.usage
    }
    return (files, problems)
  }
}
