import Foundation

/// Where each image of an export is, and the relative name it gets there.
///
/// An image's relative name is its path below the image root (`--image-root`, or the deepest folder
/// holding every image), so `a/x.jpg` and `b/x.jpg` stay apart and a YOLO label file mirrors its
/// image's path, as Ultralytics expects. An image known only by URL is named by the URL's last path
/// component. Two images with the same name are an error, never an overwrite.
struct ImagePlacement {
  /// Input id → the image file, absolute (nil for an image known only by URL).
  var files: [String: String]
  /// Input id → relative name (`a/x.jpg`).
  var names: [String: String]
  /// The folder names are relative to, absolute.
  var root: String?

  init(_ images: [StoredImage], options: ExportOptions) throws(ExportError) {
    var files: [String: String] = [:]
    for image in images {
      guard let path = image.path, !path.isEmpty else { continue }
      files[image.inputId] = Self.absolute(path, in: options.workingDirectory)
    }
    let root =
      options.imageRoot.map { Self.absolute($0, in: options.workingDirectory) } ?? Self.commonFolder(files)
    var names: [String: String] = [:]
    var owners: [String: String] = [:]
    for image in images {
      var name = image.fileName
      if let file = files[image.inputId], let root, file.hasPrefix(root == "/" ? "/" : root + "/") {
        name = String(file.dropFirst(root == "/" ? 1 : root.count + 1))
      }
      if let other = owners[name] { throw ExportError.fileNameClash(name, inputIds: [other, image.inputId]) }
      owners[name] = image.inputId
      names[image.inputId] = name
    }
    self.files = files
    self.names = names
    self.root = root
  }

  /// `path` made absolute against `folder`, with `.` and `..` resolved (links are kept as they are).
  static func absolute(_ path: String, in folder: String) -> String {
    let joined = path.hasPrefix("/") ? path : folder + "/" + path
    var parts: [Substring] = []
    for part in joined.split(separator: "/", omittingEmptySubsequences: true) {
      if part == "." { continue }
      if part == ".." {
        _ = parts.popLast()
      } else {
        parts.append(part)
      }
    }
    return "/" + parts.joined(separator: "/")
  }

  /// The deepest folder that holds every file, or nil when there are none.
  static func commonFolder(_ files: [String: String]) -> String? {
    var common: [Substring]?
    for file in files.values {
      let folder = file.split(separator: "/").dropLast()
      guard let current = common else {
        common = Array(folder)
        continue
      }
      var n = 0
      while n < min(current.count, folder.count) && current[n] == folder[folder.startIndex + n] { n += 1 }
      common = Array(current.prefix(n))
    }
    return common.map { "/" + $0.joined(separator: "/") }
  }
}
