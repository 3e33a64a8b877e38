import Foundation
import Testing

/// Golden files (Design.md §9.3): `Tests/Fixtures/<stage>/<name>.yaml` beside the full
/// expected output. A missing expected file is written and the test fails; `UPDATE_GOLDEN=1`
/// rewrites every expected file.
public enum GoldenFile {
  /// `Tests/Fixtures/<stage>`.
  public static func fixtures(_ stage: String) -> URL { Repository.fixtures(stage) }

  /// The names (without extension) of the files in `Tests/Fixtures/<stage>` ending in `.ext`, sorted.
  public static func names(in stage: String, ext: String) -> [String] {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: fixtures(stage).path)) ?? []
    return files.filter { $0.hasSuffix("." + ext) }.map { String($0.dropLast(ext.count + 1)) }.sorted()
  }

  /// Whether the run rewrites golden files (`UPDATE_GOLDEN=1`).
  public static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }

  /// Compares `actual` with the expected file, or writes it (missing file, or `UPDATE_GOLDEN=1`).
  public static func check(
    _ actual: String, against expected: URL, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    guard !updating, let existing = try? String(contentsOf: expected, encoding: .utf8) else {
      try? FileManager.default.createDirectory(
        at: expected.deletingLastPathComponent(), withIntermediateDirectories: true)
      try? actual.write(to: expected, atomically: true, encoding: .utf8)
      if !updating {
        Issue.record(
          "wrote missing golden file \(expected.lastPathComponent); review it and run again",
          sourceLocation: sourceLocation)
      }
      return
    }
    if existing != actual {
      Issue.record(
        "\(expected.lastPathComponent) differs (UPDATE_GOLDEN=1 rewrites it)\n--- expected\n\(existing)--- actual\n\(actual)",
        sourceLocation: sourceLocation)
    }
  }
}

/// Records a failed expectation; returns nothing, so `guard … else { return recordFailure(…) }` reads well.
public func recordFailure(_ comment: Comment, sourceLocation: SourceLocation = #_sourceLocation) {
  Issue.record(comment, sourceLocation: sourceLocation)
}
