import Foundation
import WeirCore

/// What an exporter turns into files: the annotations taken by a filter and the images they are on.
public struct ExportSet: Sendable, Hashable {
  public var annotations: [StoredAnnotation]
  /// One per input that has an annotation here, sorted by input id.
  public var images: [StoredImage]

  public init(annotations: [StoredAnnotation], images: [StoredImage]) {
    self.annotations = annotations
    self.images = images
  }

  /// A category per concept id, sorted by name then id: COCO numbers them from 1, YOLO from 0.
  public var categories: [ExportCategory] { Self.categories(of: annotations) }

  /// The categories of the annotations that have a box: COCO and YOLO hold boxes only, so an
  /// image-level concept would be a class that nothing uses.
  var boxCategories: [ExportCategory] { Self.categories(of: annotations.filter { $0.record.box != nil }) }

  static func categories(of annotations: [StoredAnnotation]) -> [ExportCategory] {
    var names: [String: String] = [:]
    for a in annotations where names[a.record.conceptId] == nil {
      names[a.record.conceptId] = a.record.conceptName
    }
    return names.map { ExportCategory(conceptId: $0.key, name: $0.value) }
      .sorted { ($0.name, $0.conceptId) < ($1.name, $1.conceptId) }
  }

  /// The annotations grouped by input id, in the order of `images`.
  var annotationsByImage: [(image: StoredImage, annotations: [StoredAnnotation])] {
    let grouped = Dictionary(grouping: annotations, by: \.record.inputId)
    return images.map { ($0, grouped[$0.inputId] ?? []) }
  }
}

/// A concept as an export category.
public struct ExportCategory: Sendable, Hashable {
  public var conceptId: String
  public var name: String
}

/// The formats `weir annotations export` writes.
public enum ExportFormat: String, Sendable, CaseIterable {
  case coco, jsonl, yolo, labelstudio
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

/// An export's files and the notes a user should read (what was left out and why).
public struct ExportResult: Sendable, Hashable {
  public var files: [ExportedFile]
  public var notes: [String]

  public init(files: [ExportedFile], notes: [String] = []) {
    self.files = files
    self.notes = notes
  }
}

/// Why an export could not be written.
public enum ExportError: Error, Equatable, Sendable, CustomStringConvertible {
  /// COCO boxes are pixels; these images have no known size.
  case unknownImageSizes(inputIds: [String], total: Int)
  /// Two inputs would write the same YOLO label file.
  case fileNameClash(String, inputIds: [String])

  public var description: String {
    switch self {
    case .unknownImageSizes(let ids, let total):
      let shown = ids.prefix(3).map { "'\($0)'" }.joined(separator: ", ") + (ids.count > 3 ? ", …" : "")
      return
        "cannot export COCO: \(ids.count) of \(total) images have no known size (\(shown)), and COCO boxes are "
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
