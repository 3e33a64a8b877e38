import Foundation

/// Files of the repository, found from this source file (COMMON.md: tests never read /work/shared).
enum Repo {
  /// The folder holding Package.swift.
  static let root: URL = {
    var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
      url = url.deletingLastPathComponent()
    }
    return url
  }()

  static func url(_ path: String) -> URL { root.appendingPathComponent(path) }

  static func text(_ path: String) throws -> String {
    try String(contentsOf: url(path), encoding: .utf8)
  }

  /// Files under `folder` with one of `extensions`, as paths relative to `folder`, sorted bytewise.
  static func files(under folder: String, extensions: [String]) -> [String] {
    let base = url(folder)
    guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return [] }
    var result: [String] = []
    for case let file as URL in walker where extensions.contains(file.pathExtension) {
      result.append(String(file.path.dropFirst(base.path.count + 1)))
    }
    return result.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
  }
}
