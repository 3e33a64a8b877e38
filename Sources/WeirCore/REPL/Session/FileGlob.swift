import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Glob patterns over the file system, for `inputs`.
public enum FileGlob {
  /// Files matching `pattern` (`*`, `?`, `[…]`; `**` matches any number of folders), sorted.
  public static func paths(matching pattern: String) -> [String] {
    guard pattern.contains(where: { "*?[".contains($0) }) else {
      return FileManager.default.fileExists(atPath: pattern) ? [pattern] : []
    }
    let root = baseDirectory(of: pattern)
    guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
    var found: [String] = []
    while let relative = walker.nextObject() as? String {
      let full = root == "." ? relative : (root.hasSuffix("/") ? root + relative : root + "/" + relative)
      if matches(full, pattern) { found.append(full) }
    }
    return found.sorted()
  }

  /// The longest leading part of the pattern without wildcards, as a directory.
  static func baseDirectory(of pattern: String) -> String {
    var parts: [Substring] = []
    for part in pattern.split(separator: "/", omittingEmptySubsequences: false) {
      if part.contains(where: { "*?[".contains($0) }) { break }
      parts.append(part)
    }
    let joined = parts.joined(separator: "/")
    if joined.isEmpty { return pattern.hasPrefix("/") ? "/" : "." }
    return joined
  }

  /// Whether a path matches a glob; `**/` also matches no folder at all.
  public static func matches(_ path: String, _ pattern: String) -> Bool {
    if pattern.contains("**/") {
      let once = pattern.replacingOccurrences(of: "**/", with: "*/")
      let none = pattern.replacingOccurrences(of: "**/", with: "")
      return fnmatch(once, path, 0) == 0 || fnmatch(none, path, 0) == 0
        || fnmatch(pattern.replacingOccurrences(of: "**", with: "*"), path, 0) == 0
    }
    return fnmatch(pattern, path, FNM_PATHNAME) == 0
  }
}
