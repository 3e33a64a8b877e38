import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The regular files under a folder, recursively, by relative path, sorted; hidden files and folders
/// (a name starting with `.`) are left out, and symbolic links to folders are not followed.
///
/// Names are read as bytes. One that is not UTF-8 cannot become an input id or a path in a store, so
/// it is not listed but kept in `skipped`, written with `\xNN` escapes for its bad bytes (an image by
/// its extension, or a folder, whose whole content is then skipped), so the caller can say which.
struct FolderListing {
  var files: [String] = []
  var skipped: [String] = []

  init(_ path: String) {
    walk(path, relative: "")
    files.sort()
    skipped.sort()
  }

  private mutating func walk(_ root: String, relative: String) {
    let folder = relative.isEmpty ? root : root + "/" + relative
    guard let dir = opendir(folder) else { return }
    defer { closedir(dir) }
    while let entry = readdir(dir) {
      let name = Self.name(of: entry)
      if name.first == UInt8(ascii: ".") { continue }
      let isFolder = Self.isFolder(folder, name)
      guard let text = String(validating: name, as: UTF8.self) else {
        let shown = VisibleText.bytes(name)
        if isFolder || InputResolver.isImage(shown) {
          skipped.append(join(relative, shown) + (isFolder ? "/" : ""))
        }
        continue
      }
      let rel = join(relative, text)
      if isFolder {
        walk(root, relative: rel)
      } else if FileBytes.kind(root + "/" + rel) == .file {
        files.append(rel)
      }
    }
  }

  private func join(_ folder: String, _ name: String) -> String {
    folder.isEmpty ? name : folder + "/" + name
  }

  /// The entry's name, without its terminating NUL.
  private static func name(of entry: UnsafeMutablePointer<dirent>) -> [UInt8] {
    withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
  }

  /// Whether `name` in `folder` is a folder itself (not a link to one).
  private static func isFolder(_ folder: String, _ name: [UInt8]) -> Bool {
    var path = Array(folder.utf8) + [UInt8(ascii: "/")] + name + [0]
    var st = stat()
    let ok = path.withUnsafeMutableBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { lstat($0.baseAddress!, &st) == 0 }
    }
    return ok && st.st_mode & S_IFMT == S_IFDIR
  }
}

/// The inputs a list of sources names, and the images left out because their names are not UTF-8.
public struct ResolvedInputs: Sendable, Equatable {
  public var items: [InputItem]
  /// Paths as the user would write them, bad bytes as `\xNN`; a folder ends with `/`.
  public var skipped: [String]

  public init(items: [InputItem], skipped: [String] = []) {
    self.items = items
    self.skipped = skipped
  }

  /// The most skipped names a message lists.
  public static let shownSkipped = 10

  /// "skipped 2 images whose names are not UTF-8 (weir needs text names for input ids): a\xE9.jpg, b\xFF.png".
  public var skippedMessage: String {
    let count = skipped.count
    var list = skipped.prefix(Self.shownSkipped).joined(separator: ", ")
    if count > Self.shownSkipped { list += " and \(count - Self.shownSkipped) more" }
    let noun = count == 1 ? "image or folder whose name is" : "images or folders whose names are"
    return "skipped \(count) \(noun) not UTF-8 (input ids must be text): \(list)"
  }
}
