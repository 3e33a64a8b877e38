import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Turns what a user passes to `--inputs` into a list of inputs (Documentation/Runtime.md, "Inputs").
///
/// - an image file: one input, its id the file name;
/// - a folder: every image under it, recursively, sorted, ids the paths relative to the folder;
/// - a glob (`photos/*.jpg`, `data/**/*.png`): the images it matches, ids relative to the part of
///   the pattern before the first wildcard;
/// - a manifest: JSON lines or CSV with an `id` and a `path` or `url` column, or a COCO file (its
///   `images`); relative paths are relative to the manifest;
/// - an `http(s)://` URL: one input.
///
/// Ids must name one input each: the same id for two different files is an error.
public struct InputResolver: Sendable {
  /// File extensions taken as images (compared lowercased).
  public static let imageExtensions: Set<String> = [
    "jpg", "jpeg", "png", "gif", "bmp", "webp", "tif", "tiff",
  ]
  /// File extensions read as manifests.
  public static let manifestExtensions: Set<String> = ["jsonl", "ndjson", "json", "csv"]

  /// Where relative paths start (the current directory for the CLI).
  public var baseDirectory: String

  public init(baseDirectory: String = FileManager.default.currentDirectoryPath) {
    self.baseDirectory = baseDirectory
  }

  /// Resolves each source in order and joins the lists, dropping exact repeats.
  public func resolve(_ sources: [String]) throws(InputSourceError) -> [InputItem] {
    var items: [InputItem] = []
    var byId: [String: InputItem] = [:]
    for source in sources {
      for item in try resolve(source) {
        if let seen = byId[item.id] {
          if seen == item { continue }
          let a = seen.path ?? seen.url ?? seen.id
          let b = item.path ?? item.url ?? item.id
          throw InputSourceError(
            path: source, message: "input id '\(item.id)' names two inputs: \(a) and \(b)")
        }
        byId[item.id] = item
        items.append(item)
      }
    }
    return items
  }

  /// Resolves one source.
  public func resolve(_ source: String) throws(InputSourceError) -> [InputItem] {
    if source.hasPrefix("http://") || source.hasPrefix("https://") {
      return [InputItem(id: InputNames.fileName(source), url: source)]
    }
    let path = absolute(source)
    switch FileBytes.kind(path) {
    case .directory: return try folder(source, path)
    case .file, .other:
      let ext = Self.fileExtension(path)
      if Self.imageExtensions.contains(ext) {
        return [InputItem(id: InputNames.fileName(source), path: source)]
      }
      if Self.manifestExtensions.contains(ext) {
        return try ManifestReader(path: source, absolutePath: path).read()
      }
      throw InputSourceError(
        path: source, message: "not an image, a folder or a manifest (.jsonl, .csv, a COCO .json)")
    case .missing:
      if source.contains(where: { "*?[".contains($0) }) { return try glob(source) }
      throw InputSourceError(path: source, message: "no such file or folder")
    }
  }

  private func absolute(_ path: String) -> String {
    path.hasPrefix("/") ? path : (baseDirectory as NSString).appendingPathComponent(path)
  }

  static func fileExtension(_ path: String) -> String { (path as NSString).pathExtension.lowercased() }

  static func isImage(_ path: String) -> Bool { imageExtensions.contains(fileExtension(path)) }

  /// Every image under a folder, skipping hidden files and folders.
  private func folder(_ source: String, _ path: String) throws(InputSourceError) -> [InputItem] {
    let relatives = Self.walk(path).filter(Self.isImage)
    guard !relatives.isEmpty else {
      throw InputSourceError(path: source, message: "no images (.jpg, .jpeg, .png, …) in this folder")
    }
    return relatives.map { rel in
      InputItem(id: rel, path: (source as NSString).appendingPathComponent(rel))
    }
  }

  /// Relative paths of the regular files under a folder, sorted.
  static func walk(_ path: String) -> [String] {
    guard let walker = FileManager.default.enumerator(atPath: path) else { return [] }
    var files: [String] = []
    while let rel = walker.nextObject() as? String {
      let name = (rel as NSString).lastPathComponent
      if name.hasPrefix(".") {
        if FileBytes.kind((path as NSString).appendingPathComponent(rel)) == .directory {
          walker.skipDescendants()
        }
        continue
      }
      if FileBytes.kind((path as NSString).appendingPathComponent(rel)) == .file { files.append(rel) }
    }
    return files.sorted()
  }

  /// The images a glob matches. `**` crosses folders; `*` and `?` stay within one.
  private func glob(_ pattern: String) throws(InputSourceError) -> [InputItem] {
    let components = pattern.split(separator: "/", omittingEmptySubsequences: false)
    let fixed = components.prefix { !$0.contains(where: { "*?[".contains($0) }) }
    let root = fixed.joined(separator: "/")
    let rootPath = absolute(root.isEmpty ? "." : root)
    let crossFolders = pattern.contains("**")
    var items: [InputItem] = []
    for rel in Self.walk(rootPath) where Self.isImage(rel) {
      let shown = root.isEmpty ? rel : (root as NSString).appendingPathComponent(rel)
      let flags: Int32 = crossFolders ? 0 : FNM_PATHNAME
      if fnmatch(pattern, shown, flags) == 0
        || fnmatch(pattern.replacingOccurrences(of: "**/", with: "*"), shown, flags) == 0
      {
        items.append(InputItem(id: rel, path: shown))
      }
    }
    guard !items.isEmpty else {
      throw InputSourceError(path: pattern, message: "no images match this pattern")
    }
    return items
  }
}
