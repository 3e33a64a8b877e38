import Foundation
import WeirCore

/// The node-type libraries the workflows of one command are checked against: the standard library,
/// plus `--types PATH…`, plus the `.weir/types/` folder beside each workflow (Documentation/Types.md).
public struct TypeLibraries: Sendable {
  /// The standard library with `--types` added.
  public let base: NodeTypeLibrary
  /// Per workflow folder that has a `.weir/types/`, the library with it added.
  public let byFolder: [String: NodeTypeLibrary]
  /// Problems in the declaration files, to report with the workflows'.
  public let problems: [FileDiagnostics]

  /// Loads `typePaths` and the `.weir/types/` of the folders of `workflowPaths`. Throws when a
  /// `--types` path cannot be read.
  public init(typePaths: [String], workflowPaths: [String]) throws {
    var (base, problems) = try NodeTypeLibrary.standard.adding(paths: typePaths)
    var byFolder: [String: NodeTypeLibrary] = [:]
    for path in workflowPaths where path != SourceReader.stdinPath {
      let folder = TypeLibraries.folder(of: path)
      guard byFolder[folder] == nil else { continue }
      let local = NodeTypeLibrary.typePaths(forWorkflowAt: path)
      guard !local.isEmpty, let (library, localProblems) = try? base.adding(paths: local) else { continue }
      byFolder[folder] = library
      problems += localProblems
    }
    (self.base, self.byFolder, self.problems) = (base, byFolder, problems)
  }

  /// The library for the workflow at `path`.
  public func library(for path: String) -> NodeTypeLibrary {
    byFolder[TypeLibraries.folder(of: path)] ?? base
  }

  private static func folder(of path: String) -> String {
    URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL.path
  }
}
