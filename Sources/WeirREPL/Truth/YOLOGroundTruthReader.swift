import Foundation
import WeirCore

/// Reads a YOLO dataset folder as `GroundTruth`: Ultralytics' layout (`data.yaml` naming the
/// classes and the `train`/`val`/`test` image folders, labels found by swapping the last `/images/`
/// of an image's path for `/labels/` and its extension for `.txt`), or the plain one (`classes.txt`
/// and each image's `NAME.txt` beside it).
///
/// Label lines are `class cx cy w h`, normalized: they become boxes as they are, with no image size
/// (IoU is the same in normalized coordinates as in pixels). An image without a label file is a
/// background image: everything predicted on it is wrong. Images are named by their path below
/// their image folder, which `GroundTruth` matches to inputs exactly or by the last component.
public enum YOLOGroundTruthReader {
  /// How the reader sees files: the REPL's environment, so tests can run it on any folder.
  public struct Files: Sendable {
    public var list: @Sendable (String) -> [(name: String, isDirectory: Bool)]?
    public var read: @Sendable (String) throws -> [UInt8]

    public init(
      list: @escaping @Sendable (String) -> [(name: String, isDirectory: Bool)]?,
      read: @escaping @Sendable (String) throws -> [UInt8]
    ) {
      self.list = list
      self.read = read
    }
  }

  static let imageExtensions: Set<String> = ["jpg", "jpeg", "png", "bmp", "webp", "tif", "tiff"]

  /// The dataset in `folder` (resolved); `path` is how the user named it, for messages.
  public static func read(folder: String, path: String, files: Files) -> Result<GroundTruth, GroundTruthError>
  {
    do {
      let layout = try Layout.find(folder, path: path, files: files)
      var objects: [String: [GroundTruth.Object]] = [:]
      for imageFolder in layout.imageFolders {
        for image in images(in: imageFolder, files: files) {
          let label = labelPath(of: image, in: imageFolder)
          let found = try read(
            label: label, classes: layout.classes, shown: shown(label, under: folder, as: path), files: files)
          objects[String(image.dropFirst(imageFolder.count + 1)), default: []] += found
        }
      }
      if objects.isEmpty {
        throw GroundTruthError(
          path: path,
          message: "no images in "
            + layout.imageFolders.map { "'\(shown($0, under: folder, as: path))'" }.joined(
              separator: ", ") + " (\(imageExtensions.sorted().joined(separator: ", ")))")
      }
      return .success(GroundTruth(path: path, images: objects, categories: layout.classes))
    } catch let error as GroundTruthError {
      return .failure(error)
    } catch {
      return .failure(GroundTruthError(path: path, message: "\(error)"))
    }
  }

  /// Where the classes and images are.
  struct Layout {
    var classes: [String]
    var imageFolders: [String]

    static func find(_ folder: String, path: String, files: Files) throws -> Layout {
      let entries = files.list(folder) ?? []
      let names = Set(entries.filter { !$0.isDirectory }.map(\.name))
      if let yaml = ["data.yaml", "data.yml"].first(where: names.contains) {
        return try DataYAML.read(folder + "/" + yaml, shown: path + "/" + yaml, folder: folder, files: files)
      }
      guard names.contains("classes.txt") else {
        throw GroundTruthError(
          path: path,
          message: "not a YOLO dataset: the folder has no data.yaml or classes.txt naming the classes")
      }
      let text = String(decoding: try files.read(folder + "/classes.txt"), as: UTF8.self)
      let classes = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty }
      guard !classes.isEmpty else {
        throw GroundTruthError(path: path + "/classes.txt", message: "names no class (one name per line)")
      }
      let hasImages = entries.contains { $0.isDirectory && $0.name == "images" }
      return Layout(classes: classes, imageFolders: [hasImages ? folder + "/images" : folder])
    }
  }

  /// Image files below `folder`, sorted, as full paths.
  static func images(in folder: String, files: Files) -> [String] {
    var found: [String] = []
    var pending = [folder]
    while let current = pending.popLast() {
      for entry in files.list(current) ?? [] where !entry.name.hasPrefix(".") {
        let full = current + "/" + entry.name
        if entry.isDirectory {
          // Labels never hold images; the plain layout keeps both in one folder.
          if entry.name != "labels" { pending.append(full) }
        } else if imageExtensions.contains((entry.name as NSString).pathExtension.lowercased()) {
          found.append(full)
        }
      }
    }
    return found.sorted()
  }

  /// Ultralytics' rule: the last `/images/` of the path becomes `/labels/`, the extension `.txt`;
  /// outside an `images` folder, the label file is beside the image.
  static func labelPath(of image: String, in folder: String) -> String {
    let stem = (image as NSString).deletingPathExtension + ".txt"
    guard let range = stem.range(of: "/images/", options: .backwards) else { return stem }
    return stem.replacingCharacters(in: range, with: "/labels/")
  }

  /// The objects of one label file; none when it does not exist (a background image).
  static func read(label: String, classes: [String], shown: String, files: Files) throws -> [GroundTruth
    .Object]
  {
    guard let bytes = try? files.read(label) else { return [] }
    var objects: [GroundTruth.Object] = []
    for (n, line) in String(decoding: bytes, as: UTF8.self).split(
      separator: "\n", omittingEmptySubsequences: false
    ).enumerated() {
      let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
      guard !fields.isEmpty else { continue }
      func fail(_ message: String) -> GroundTruthError {
        GroundTruthError(path: "\(shown):\(n + 1)", message: message)
      }
      guard fields.count == 5 else {
        throw fail("expected 'class cx cy w h' (5 numbers), found \(fields.count): '\(line)'")
      }
      guard let id = Int(fields[0]), id >= 0 else { throw fail("class '\(fields[0])' is not a class number") }
      guard id < classes.count else {
        throw fail(
          "class \(id) is not in the class list (\(classes.count) classes, 0 to \(classes.count - 1))")
      }
      let v = fields.dropFirst().compactMap { Double($0) }
      guard v.count == 4, v.allSatisfy({ $0.isFinite && $0 >= 0 && $0 <= 1 }) else {
        throw fail(
          "box '\(fields.dropFirst().joined(separator: " "))' is not four numbers in [0, 1] (normalized)")
      }
      objects.append(
        .init(
          concept: classes[id],
          box: BoundingBox(
            topRow: v[1] - v[3] / 2, leftCol: v[0] - v[2] / 2, bottomRow: v[1] + v[3] / 2,
            rightCol: v[0] + v[2] / 2)))
    }
    return objects
  }

  /// `file` as the user would name it: below the folder they gave.
  static func shown(_ file: String, under folder: String, as path: String) -> String {
    file.hasPrefix(folder + "/") ? path + "/" + file.dropFirst(folder.count + 1) : file
  }
}

/// Ultralytics' `data.yaml`: `names` (a list, or a mapping from class id to name), and the image
/// folders `train`, `val` and `test` (each a folder or a list of them), relative to `path` when it
/// is given, else to the file's folder.
enum DataYAML {
  static func read(_ file: String, shown: String, folder: String, files: YOLOGroundTruthReader.Files) throws
    -> YOLOGroundTruthReader.Layout
  {
    let source = SourceFile(path: shown, bytes: try files.read(file))
    let (node, diagnostics) = YAMLLoader().load(source)
    func fail(_ message: String, at range: SourceRange? = nil) -> GroundTruthError {
      guard let range else { return GroundTruthError(path: shown, message: message) }
      let (line, column) = source.location(of: range.start)
      return GroundTruthError(path: "\(shown):\(line):\(column)", message: message)
    }
    if let error = diagnostics.first(where: { $0.severity == .error }) {
      throw fail(error.message, at: error.range)
    }
    guard let root = node?.mapping else { throw fail("expected a mapping with 'names' and image folders") }
    guard let namesNode = root["names"] else { throw fail("no 'names': a dataset names its classes") }
    var classes: [String] = []
    if let list = namesNode.sequence {
      for item in list.items {
        guard let name = item.scalar?.value else { throw fail("a class name must be text", at: item.range) }
        classes.append(name)
      }
    } else if let map = namesNode.mapping {
      for (i, entry) in map.entries.enumerated() {
        guard let id = entry.key.scalar.flatMap({ Int($0.value) }), id == i,
          let name = entry.value.scalar?.value
        else { throw fail("names must map the class ids 0, 1, 2, … in order to names", at: entry.key.range) }
        classes.append(name)
      }
    } else {
      throw fail("'names' must be a list or a mapping from class id to name", at: namesNode.range)
    }
    guard !classes.isEmpty else { throw fail("'names' names no class", at: namesNode.range) }
    let yamlFolder = (file as NSString).deletingLastPathComponent
    var base = yamlFolder
    if let p = root["path"]?.scalar?.value, !p.isEmpty {
      base = p.hasPrefix("/") ? p : yamlFolder + "/" + p
    }
    var folders: [String] = []
    for key in ["train", "val", "test"] {
      guard let value = root[key] else { continue }
      let items = value.sequence?.items ?? [value]
      for item in items {
        guard let scalar = item.scalar, !scalar.value.isEmpty else { continue }
        if case .null = scalar.resolved { continue }
        let text = scalar.value
        let full = text.hasPrefix("/") ? text : base + "/" + text
        guard files.list(full) != nil else {
          throw fail("'\(key)' names '\(text)', which is not a folder of images here", at: item.range)
        }
        if !folders.contains(full) { folders.append(full) }
      }
    }
    if folders.isEmpty { folders = [files.list(folder + "/images") != nil ? folder + "/images" : folder] }
    return YOLOGroundTruthReader.Layout(classes: classes, imageFolders: folders)
  }
}
