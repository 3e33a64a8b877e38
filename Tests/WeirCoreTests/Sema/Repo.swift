import Foundation

/// Files of the repository (COMMON.md: tests never read /work/shared).
enum Repo {
  static func url(_ path: String) -> URL { GoldenFile.repositoryRoot.appendingPathComponent(path) }

  static func text(_ path: String) throws -> String {
    try String(contentsOf: url(path), encoding: .utf8)
  }

  /// Files under `folder` with one of `extensions`, as paths relative to `folder`, sorted bytewise.
  static func files(under folder: String, extensions: [String]) -> [String] {
    let base = url(folder)
    guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else {
      return []
    }
    var result: [String] = []
    for case let file as URL in walker where extensions.contains(file.pathExtension) {
      result.append(String(file.path.dropFirst(base.path.count + 1)))
    }
    return result.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
  }
}
