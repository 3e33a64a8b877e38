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
/// Ids must name one input each: the same id for two different files is an error. Ids and paths are
/// text, so an image whose file name (or folder name) is not UTF-8 cannot be an input: folders and
/// globs leave it out and list it in `ResolvedInputs.skipped`, for the caller to say so.
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
    try resolveAll(sources).items
  }

  /// Resolves each source in order and joins the lists, dropping exact repeats, with the images
  /// left out because their names are not UTF-8.
  public func resolveAll(_ sources: [String]) throws(InputSourceError) -> ResolvedInputs {
    var items: [InputItem] = []
    var skipped: [String] = []
    var byId: [String: InputItem] = [:]
    for source in sources {
      let resolved = try resolveOne(source)
      skipped += resolved.skipped
      for item in resolved.items {
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
    return ResolvedInputs(items: items, skipped: skipped)
  }

  /// Resolves one source.
  public func resolve(_ source: String) throws(InputSourceError) -> [InputItem] {
    try resolveOne(source).items
  }

  private func resolveOne(_ source: String) throws(InputSourceError) -> ResolvedInputs {
    if source.hasPrefix("http://") || source.hasPrefix("https://") {
      return ResolvedInputs(items: [InputItem(id: InputNames.fileName(source), url: source)])
    }
    let path = absolute(source)
    switch FileBytes.kind(path) {
    case .directory: return try folder(source, path)
    case .file, .other:
      let ext = Self.fileExtension(path)
      if Self.imageExtensions.contains(ext) {
        return ResolvedInputs(items: [InputItem(id: InputNames.fileName(source), path: source)])
      }
      if Self.manifestExtensions.contains(ext) {
        return ResolvedInputs(items: try ManifestReader(path: source, absolutePath: path).read())
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
  private func folder(_ source: String, _ path: String) throws(InputSourceError) -> ResolvedInputs {
    let listing = FolderListing(path)
    let relatives = listing.files.filter(Self.isImage)
    guard !relatives.isEmpty else {
      throw InputSourceError(
        path: source, message: "no images (.jpg, .jpeg, .png, …) in this folder" + Self.note(listing.skipped))
    }
    let items = relatives.map { rel in
      InputItem(id: rel, path: (source as NSString).appendingPathComponent(rel))
    }
    return ResolvedInputs(
      items: items, skipped: listing.skipped.map { (source as NSString).appendingPathComponent($0) })
  }

  /// "; skipped 2 images whose names are not UTF-8: a\xE9.jpg, …", or nothing.
  static func note(_ skipped: [String]) -> String {
    skipped.isEmpty ? "" : "; " + ResolvedInputs(items: [], skipped: skipped).skippedMessage
  }

  /// The images a glob matches. `**` crosses folders; `*` and `?` stay within one.
  private func glob(_ pattern: String) throws(InputSourceError) -> ResolvedInputs {
    let components = pattern.split(separator: "/", omittingEmptySubsequences: false)
    let fixed = components.prefix { !$0.contains(where: { "*?[".contains($0) }) }
    let root = fixed.joined(separator: "/")
    let rootPath = absolute(root.isEmpty ? "." : root)
    let crossFolders = pattern.contains("**")
    let flags: Int32 = crossFolders ? 0 : FNM_PATHNAME
    func matches(_ shown: String) -> Bool {
      fnmatch(pattern, shown, flags) == 0
        || fnmatch(pattern.replacingOccurrences(of: "**/", with: "*"), shown, flags) == 0
    }
    func shown(_ rel: String) -> String {
      root.isEmpty ? rel : (root as NSString).appendingPathComponent(rel)
    }
    let listing = FolderListing(rootPath)
    var items: [InputItem] = []
    for rel in listing.files where Self.isImage(rel) && matches(shown(rel)) {
      items.append(InputItem(id: rel, path: shown(rel)))
    }
    // A name that is not UTF-8 matches as its escaped form would (`*` matches the escapes).
    let skipped = listing.skipped.map(shown).filter(matches)
    guard !items.isEmpty else {
      throw InputSourceError(path: pattern, message: "no images match this pattern" + Self.note(skipped))
    }
    return ResolvedInputs(items: items, skipped: skipped)
  }
}
