/// A file a command reads (or the store it writes), which no output may be.
public struct ProtectedFile: Sendable, Equatable {
  /// What the file is to the user: "workflow", "predictions file", "annotation store", "--output".
  public var role: String
  public var path: String

  public init(_ role: String, _ path: String) {
    self.role = role
    self.path = path
  }
}

extension OutputTarget {
  /// Throws when this output is the same file as one of `files`: the same device and inode after
  /// links, or (for a file that does not exist yet, like a new store) the same resolved path.
  /// Called before anything is opened for writing, so a refused command changes nothing.
  /// A character device (`/dev/null`) is never refused: it holds no file's bytes.
  public func refuseSameFile(as files: [ProtectedFile]) throws(OutputFileError) {
    guard kind != .characterDevice else { return }
    let mine = FilePaths.identity(resolved)
    for file in files {
      let same: Bool
      if let mine, let theirs = FilePaths.identity(file.path) {
        same = mine == theirs
      } else {
        same = (try? FilePaths.resolvingLinks(file.path)) == resolved
      }
      if same {
        throw OutputFileError(
          path: path, reason: "it is the \(file.role)",
          message: "refusing to write '\(path)': it is the same file as the \(file.role) '\(file.path)'")
      }
    }
  }
}
