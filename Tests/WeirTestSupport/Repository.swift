import Foundation

/// The checkout the tests run in: the folder holding Package.swift, found from this source file.
public enum Repository {
  /// The repository root. Every test reads fixtures and examples below it.
  public static let root: URL = {
    var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while url.path != "/" {
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
        return url
      }
      url = url.deletingLastPathComponent()
    }
    // The tests are compiled from this checkout, so Package.swift is always above this file; if a
    // build moved the sources, failing loudly here is clearer than every fixture going missing.
    preconditionFailure("no Package.swift above \(#filePath)")
  }()

  /// A file or folder of the repository, by its path from the root (`examples/pets/photos`).
  public static func url(_ path: String) -> URL { root.appendingPathComponent(path) }

  /// `Tests/Fixtures/<area>`, or a file in it.
  public static func fixtures(_ area: String, _ name: String? = nil) -> URL {
    let folder = root.appendingPathComponent("Tests/Fixtures").appendingPathComponent(area)
    return name.map { folder.appendingPathComponent($0) } ?? folder
  }

  /// The text of a file of the repository (tests read only the repository, never outside it).
  public static func text(_ path: String) throws -> String {
    try String(contentsOf: url(path), encoding: .utf8)
  }

  /// Files under `folder` with one of `extensions`, as paths relative to `folder`, sorted bytewise.
  public static func files(under folder: String, extensions: [String]) -> [String] {
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
