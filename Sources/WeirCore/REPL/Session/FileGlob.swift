import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Glob patterns over the file system, for `inputs`, and directory listings for completion.
public enum FileGlob {
  /// Files (not folders) matching `pattern`, sorted. `*`, `?` and `[…]` match within one path
  /// component; a `**` component matches any number of folders, itself included.
  public static func paths(matching pattern: String) -> [String] {
    if isDirectory(pattern) { return images(in: pattern) }
    let absolute = pattern.hasPrefix("/")
    let parts = pattern.split(separator: "/").map(String.init)
    var found: [String] = []
    walk(absolute ? "/" : "", parts[...], &found)
    return found.sorted()
  }

  private static func walk(_ base: String, _ parts: ArraySlice<String>, _ found: inout [String]) {
    guard let part = parts.first else {
      if isFile(base) { found.append(base) }
      return
    }
    let rest = parts.dropFirst()
    if part == "**" {
      walk(base, rest, &found)
      for child in children(base) where isDirectory(join(base, child)) {
        walk(join(base, child), parts, &found)
      }
      return
    }
    guard part.contains(where: { "*?[".contains($0) }) else {
      let next = join(base, part)
      if FileManager.default.fileExists(atPath: next.isEmpty ? "." : next) { walk(next, rest, &found) }
      return
    }
    for child in children(base) where !child.hasPrefix(".") || part.hasPrefix(".") {
      if fnmatch(part, child, 0) == 0 { walk(join(base, child), rest, &found) }
    }
  }

  private static func join(_ base: String, _ name: String) -> String {
    base.isEmpty ? name : base.hasSuffix("/") ? base + name : base + "/" + name
  }

  private static func children(_ dir: String) -> [String] {
    (try? FileManager.default.contentsOfDirectory(atPath: dir.isEmpty ? "." : dir)) ?? []
  }

  static func isDirectory(_ path: String) -> Bool {
    var dir: ObjCBool = false
    return FileManager.default.fileExists(atPath: path.isEmpty ? "." : path, isDirectory: &dir)
      && dir.boolValue
  }

  private static func isFile(_ path: String) -> Bool {
    var dir: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &dir) && !dir.boolValue
  }

  /// File extensions taken as images when a folder is given.
  public static let imageExtensions: Set<String> = [
    "jpg", "jpeg", "png", "bmp", "gif", "webp", "tif", "tiff", "pgm", "ppm",
  ]

  /// The image files in a folder and its subfolders, sorted.
  public static func images(in directory: String) -> [String] {
    guard let walker = FileManager.default.enumerator(atPath: directory) else { return [] }
    var found: [String] = []
    while let relative = walker.nextObject() as? String {
      let ext = (relative as NSString).pathExtension.lowercased()
      if imageExtensions.contains(ext) { found.append(join(directory, relative)) }
    }
    return found.sorted()
  }

  /// Whether a name (an input id) matches a glob, `*` crossing `/` too.
  public static func matches(_ name: String, _ pattern: String) -> Bool {
    fnmatch(pattern, name, 0) == 0
  }

  /// Entries of a folder with whether each is a folder, sorted; `nil` when it cannot be read.
  public static func list(_ directory: String) -> [(name: String, isDirectory: Bool)]? {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return nil }
    return names.sorted().map {
      ($0, isDirectory(directory.hasSuffix("/") ? directory + $0 : directory + "/" + $0))
    }
  }
}
