import Foundation
import WeirCore

/// What an exporter turns into files: the annotations taken by a filter, every image of the
/// selected runs (those without an annotation here are the negatives a trainer needs), and the
/// class map that numbers the classes.
public struct ExportSet: Sendable, Hashable {
  public var annotations: [StoredAnnotation]
  /// Every input of the selected runs that was read (failed inputs are left out: nobody knows
  /// what is on them), plus any input an annotation is on; sorted by input id.
  public var images: [StoredImage]
  public var classes: ClassMap
  public var options: ExportOptions

  public init(
    annotations: [StoredAnnotation], images: [StoredImage], classes: ClassMap? = nil,
    options: ExportOptions = ExportOptions()
  ) {
    self.annotations = annotations
    self.images = images
    self.classes =
      classes
      ?? ClassMap(names: Self.categories(of: annotations).map(\.name), origin: "the exported concepts")
    self.options = options
  }

  /// A category per concept id, sorted by name then id.
  public var categories: [ExportCategory] { Self.categories(of: annotations) }

  static func categories(of annotations: [StoredAnnotation]) -> [ExportCategory] {
    var names: [String: String] = [:]
    for a in annotations where names[a.record.conceptId] == nil {
      names[a.record.conceptId] = a.record.conceptName
    }
    return names.map { ExportCategory(conceptId: $0.key, name: $0.value) }
      .sorted { ($0.name, $0.conceptId) < ($1.name, $1.conceptId) }
  }

  /// The annotations grouped by input id, in the order of `images`, each group in stored order.
  ///
  /// The store returns annotations sorted by input, so each input's are one run of the array and
  /// are handed out as a slice of it: copying a million annotations into groups (a dozen strings
  /// each to retain) cost more than writing them out. Annotations in any other order are grouped.
  var annotationsByImage: [(image: StoredImage, annotations: ArraySlice<StoredAnnotation>)] {
    var runs: [String: Range<Int>] = [:]
    var start = 0
    while start < annotations.count {
      let id = annotations[start].record.inputId
      var end = start + 1
      while end < annotations.count && annotations[end].record.inputId == id { end += 1 }
      guard runs.updateValue(start..<end, forKey: id) == nil else {
        let grouped = Dictionary(grouping: annotations, by: \.record.inputId)
        return images.map { ($0, ArraySlice(grouped[$0.inputId] ?? [])) }
      }
      start = end
    }
    return images.map { image in (image, runs[image.inputId].map { annotations[$0] } ?? []) }
  }

  /// The note for annotations whose concept the class map does not hold, which every format but
  /// JSON lines leaves out (a class id cannot be invented without changing other exports' ids).
  func unmappedNote(format: String) -> [String] {
    let index = classes.lookup()
    var missing: [String: Int] = [:]
    for a in annotations where index(a.record.conceptId, a.record.conceptName) == nil {
      missing[a.record.conceptName, default: 0] += 1
    }
    guard !missing.isEmpty else { return [] }
    let count = missing.values.reduce(0, +)
    let names = missing.keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
    return [
      "\(count) annotation\(count == 1 ? "" : "s") of \(names) left out of the \(format) export: not in the class "
        + "map (\(classes.origin)); name every class with --classes"
    ]
  }
}

/// How an export places its images and splits them.
public struct ExportOptions: Sendable, Hashable {
  /// The folder image paths are made relative to (YOLO's tree, COCO's `file_name`, Label Studio's
  /// and CVAT's names); nil: the deepest folder holding every image.
  public var imageRoot: String?
  /// Label Studio: the URL an image's relative path is appended to.
  public var urlPrefix: String?
  /// YOLO: the share of images (chosen by a hash of the input id and `seed`) that go to `val`.
  public var valFraction: Double
  public var seed: UInt64
  /// YOLO: copy the images into `images/` instead of linking to them.
  public var copyImages: Bool
  /// Where relative image paths are resolved from: the folder `weir run` was started in.
  public var workingDirectory: String

  public init(
    imageRoot: String? = nil, urlPrefix: String? = nil, valFraction: Double = 0.2, seed: UInt64 = 0,
    copyImages: Bool = false, workingDirectory: String = FileManager.default.currentDirectoryPath
  ) {
    self.imageRoot = imageRoot
    self.urlPrefix = urlPrefix
    self.valFraction = valFraction
    self.seed = seed
    self.copyImages = copyImages
    self.workingDirectory = workingDirectory
  }
}

/// A concept as an export category.
public struct ExportCategory: Sendable, Hashable {
  public var conceptId: String
  public var name: String
}

/// The formats `weir annotations export` writes.
public enum ExportFormat: String, Sendable, CaseIterable {
  case coco, jsonl, yolo, labelstudio, cvat

  /// Whether an export without `--status` takes accepted annotations only: the formats a trainer
  /// reads do; JSON lines (every stored fact) and Label Studio (review rows become predictions for
  /// a reviewer) take every status.
  public var acceptedOnlyByDefault: Bool {
    switch self {
    case .coco, .yolo, .cvat: return true
    case .jsonl, .labelstudio: return false
    }
  }
}

/// One file an export produces; `path` is relative (a file name, or a name inside the YOLO folder).
public struct ExportedFile: Sendable, Hashable {
  public var path: String
  public var contents: Data

  public init(path: String, contents: Data) {
    self.path = path
    self.contents = contents
  }
}

/// An image an export places in its folder: a symbolic link to it, or a copy of it.
public struct ExportedImage: Sendable, Hashable {
  /// Relative to the export folder (`images/train/a/x.jpg`).
  public var path: String
  /// The image file, absolute.
  public var source: String

  public init(path: String, source: String) {
    self.path = path
    self.source = source
  }
}

/// An export's files and the notes a user should read (what was left out and why).
public struct ExportResult: Sendable, Hashable {
  public var files: [ExportedFile]
  /// Images to link (or copy) into a folder export.
  public var images: [ExportedImage]
  public var notes: [String]

  public init(files: [ExportedFile], images: [ExportedImage] = [], notes: [String] = []) {
    self.files = files
    self.images = images
    self.notes = notes
  }
}

/// Why an export could not be written.
public enum ExportError: Error, Equatable, Sendable, CustomStringConvertible {
  /// COCO and CVAT boxes are pixels; these images have no known size.
  case unknownImageSizes(inputIds: [String], total: Int, format: String = "COCO")
  /// Two inputs would write the same YOLO label file.
  case fileNameClash(String, inputIds: [String])

  public var description: String {
    switch self {
    case .unknownImageSizes(let ids, let total, let format):
      let shown = ids.prefix(3).map { "'\($0)'" }.joined(separator: ", ") + (ids.count > 3 ? ", …" : "")
      return
        "cannot export \(format): \(ids.count) of \(total) images have no known size (\(shown)), and \(format) boxes are "
        + "in pixels; weir records a size when it reads the image or when replayed COCO data gives it. "
        + "Export as jsonl, yolo or labelstudio instead (normalized boxes need no size)"
    case .fileNameClash(let name, let ids):
      return "inputs \(ids.map { "'\($0)'" }.joined(separator: " and ")) would both write '\(name)'"
    }
  }
}

/// Turns an `ExportSet` into the files of a format. Pure: no file system, no printing.
public enum AnnotationExporter {
  public static func export(_ set: ExportSet, as format: ExportFormat) throws -> ExportResult {
    switch format {
    case .coco: return try COCOExporter.export(set)
    case .jsonl: return try JSONLinesExporter.export(set)
    case .yolo: return try YOLOExporter.export(set)
    case .labelstudio: return try LabelStudioExporter.export(set)
    case .cvat: return try CVATExporter.export(set)
    }
  }

  /// Compact JSON with sorted keys and unescaped slashes, so exports are stable.
  static func encoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }

  /// A JSON array with one compact element per line: small, yet a diff shows which element changed.
  static func lines<T: Encodable>(_ elements: [T], indent: String = "") throws -> String {
    let encoder = encoder()
    guard !elements.isEmpty else { return "[]" }
    let items = try elements.map { indent + "  " + String(decoding: try encoder.encode($0), as: UTF8.self) }
    return "[\n" + items.joined(separator: ",\n") + "\n" + indent + "]"
  }

  /// A JSON object whose members (given in order) are already-encoded JSON text.
  static func object(_ members: [(String, String)]) -> String {
    "{\n" + members.map { "  \"\($0.0)\": \($0.1)" }.joined(separator: ",\n") + "\n}\n"
  }

  /// Rounds to `places` decimals: pixel and percent values keep no floating-point noise (64.00000000000001).
  static func rounded(_ x: Double, _ places: Int) -> Double {
    let scale = pow(10, Double(places))
    return (x * scale).rounded() / scale
  }

  /// The note for annotations without a box, which box formats leave out.
  static func boxlessNote(_ count: Int, format: String) -> [String] {
    count == 0
      ? []
      : [
        "\(count) image-level annotation\(count == 1 ? "" : "s") without a box left out of the \(format) export"
      ]
  }
}
