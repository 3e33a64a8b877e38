import Foundation
import Testing

/// Golden files (Design.md §9.3): `Tests/Fixtures/<stage>/<name>.yaml` beside the full
/// expected output. A missing expected file is written and the test fails; `UPDATE_GOLDEN=1`
/// rewrites every expected file.
enum GoldenFile {
  /// The folder holding Package.swift, found from this source file.
  static let repositoryRoot: URL = {
    var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while url.path != "/" {
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
        return url
      }
      url = url.deletingLastPathComponent()
    }
    fatalError("no Package.swift above \(#filePath)")
  }()

  /// `Tests/Fixtures/<stage>`.
  static func fixtures(_ stage: String) -> URL {
    repositoryRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(stage)
  }

  /// The names (without extension) of the files in `Tests/Fixtures/<stage>` ending in `.ext`, sorted.
  static func names(in stage: String, ext: String) -> [String] {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: fixtures(stage).path)) ?? []
    return files.filter { $0.hasSuffix("." + ext) }.map { String($0.dropLast(ext.count + 1)) }.sorted()
  }

  static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }

  /// Compares `actual` with the expected file, or writes it (missing file, or `UPDATE_GOLDEN=1`).
  static func check(
    _ actual: String, against expected: URL, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let existing = try? String(contentsOf: expected, encoding: .utf8)
    if updating || existing == nil {
      try? actual.write(to: expected, atomically: true, encoding: .utf8)
      if existing == nil, !updating {
        Issue.record(
          "wrote missing golden file \(expected.lastPathComponent); review it and run again",
          sourceLocation: sourceLocation)
      }
      return
    }
    if existing != actual {
      Issue.record(
        "\(expected.lastPathComponent) differs (UPDATE_GOLDEN=1 rewrites it)\n--- expected\n\(existing!)--- actual\n\(actual)",
        sourceLocation: sourceLocation)
    }
  }
}

/// Records a failed expectation; returns nothing, so `guard … else { return recordFailure(…) }` reads well.
func recordFailure(_ comment: Comment, sourceLocation: SourceLocation = #_sourceLocation) {
  Issue.record(comment, sourceLocation: sourceLocation)
}
