import Foundation
import WeirCore

extension Driver {
  /// A project's `.weir.yaml`, found and read: the nearest one in the workflow's folder or a folder
  /// above (`LintConfiguration.locate`). The one lookup `weir lint` and the REPL's `check` share.
  public struct ProjectFile: Sendable {
    /// Where it is; `nil` when there is none.
    public var path: String?
    public var configuration: LintConfiguration
    /// Problems in it (shown with `path`), or `config.unreadable`.
    public var diagnostics: [Diagnostic]
    /// The file as read, for rendering `diagnostics`.
    public var source: SourceFile?
  }

  /// The `.weir.yaml` that applies to the workflow at `path` (an absolute path, or relative to the
  /// current folder). `read` returns a file's bytes, or `nil` when there is no such file; `shown`
  /// names the file in diagnostics.
  public static func projectFile(
    forWorkflowAt path: String, read: (String) -> Result<[UInt8], ReadFailure>?,
    shown: (String) -> String = { $0 }
  ) -> ProjectFile {
    let found = LintConfiguration.locate(forFile: path) { read($0) != nil }
    guard let found, let result = read(found) else {
      return ProjectFile(path: nil, configuration: LintConfiguration(), diagnostics: [], source: nil)
    }
    switch result {
    case .success(let bytes):
      let file = SourceFile(path: shown(found), bytes: bytes)
      let (configuration, diagnostics) = LintConfiguration.parse(file)
      return ProjectFile(path: found, configuration: configuration, diagnostics: diagnostics, source: file)
    case .failure(let failure):
      return ProjectFile(
        path: found, configuration: LintConfiguration(),
        diagnostics: [.error("config.unreadable", failure.description, at: nil)],
        source: SourceFile(path: shown(found), bytes: []))
    }
  }
}

/// The `.weir.yaml` that applies to each linted file, each read once, merged with the command line.
public struct ProjectConfigurations: Sendable {
  /// The configuration by linted path.
  private var byPath: [String: LintConfiguration] = [:]
  private let commandLine: LintConfiguration
  /// Problems in the `.weir.yaml` files, reported with the workflows'.
  public private(set) var problems: [FileDiagnostics] = []

  public init(files: [String], commandLine: LintConfiguration) {
    self.commandLine = commandLine
    var parsed: [String: LintConfiguration] = [:]
    let cwd = FileManager.default.currentDirectoryPath
    for path in files {
      let absolute =
        path == SourceReader.stdinPath ? "\(cwd)/-" : URL(fileURLWithPath: path).standardizedFileURL.path
      let project = Driver.projectFile(
        forWorkflowAt: absolute, read: Self.readIfFile, shown: { Self.relative($0, to: cwd) })
      guard let found = project.path else { continue }
      if parsed[found] == nil {
        parsed[found] = project.configuration
        if let source = project.source, !project.diagnostics.isEmpty {
          problems.append(FileDiagnostics(file: source, diagnostics: project.diagnostics))
        }
      }
      byPath[path] = parsed[found]
    }
  }

  /// The file's `.weir.yaml` settings with the command line's `--rule` and `--disable`.
  public func configuration(for path: String) -> LintConfiguration {
    var config = byPath[path] ?? LintConfiguration()
    config.only = commandLine.only
    config.disabled = commandLine.disabled
    return config
  }

  /// The bytes of a regular file; `nil` when there is none (a folder named `.weir.yaml` is none).
  private static func readIfFile(_ path: String) -> Result<[UInt8], ReadFailure>? {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue
    else {
      return nil
    }
    return SourceReader.read(path).map(\.bytes)
  }

  /// `path` relative to `folder` when it lies inside it, so diagnostics show `.weir.yaml`.
  private static func relative(_ path: String, to folder: String) -> String {
    let prefix = folder.hasSuffix("/") ? folder : folder + "/"
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
  }
}
