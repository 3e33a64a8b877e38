import Foundation
import WeirCore

/// The formats `weir annotations import` reads.
public enum ImportFormat: String, Sendable, CaseIterable {
  case labelstudio
  case coco
  case cvat
}

/// Why an import file was refused. Nothing is written when one of these is thrown.
public enum ImportError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
  /// The file cannot be read.
  case unreadable(path: String, reason: String)
  /// The file is not what its format says (`where` points into it: a task, an annotation).
  case malformed(path: String, format: ImportFormat, location: String, reason: String)
  /// The file names inputs this store does not have: the file comes from another store.
  case unknownInputs(path: String, inputs: [String])

  public var description: String {
    switch self {
    case .unreadable(let path, let reason):
      return "cannot read '\(path)': \(reason)"
    case .malformed(let path, let format, let location, let reason):
      return
        "'\(path)' is not a \(format.title) export weir can import: \(location): \(reason); nothing was imported"
    case .unknownInputs(let path, let inputs):
      let shown = inputs.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
      let more = inputs.count > 5 ? " and \(inputs.count - 5) more" : ""
      return
        "'\(path)' names input\(inputs.count == 1 ? "" : "s") \(shown)\(more) that this store does not have "
        + "(was it exported from another store?); nothing was imported"
    }
  }

  public var errorDescription: String? { description }
}

extension ImportFormat {
  var title: String {
    switch self {
    case .labelstudio: return "Label Studio"
    case .coco: return "COCO"
    case .cvat: return "CVAT for images 1.1"
    }
  }
}

/// What an import would decide, and what it found.
public struct ImportPlan: Sendable {
  public var decisions: [ReviewDecision]
  /// Tasks or images that no reviewer touched.
  public var untouched: Int
}

/// Reads a reviewed export back as review decisions (Documentation/Store.md, "Importing reviews").
public enum AnnotationImporter {
  /// Reads `path` and plans its decisions against `store`; `now` stands in for a missing time.
  public static func plan(
    path: String, format: ImportFormat, store: any ReviewStore, now: Date = Date()
  ) throws -> ImportPlan {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw ImportError.unreadable(path: path, reason: (error as NSError).localizedDescription)
    }
    let source = "import:\(format.rawValue):\((path as NSString).lastPathComponent)"
    switch format {
    case .labelstudio:
      return try LabelStudioImporter(path: path, source: source, now: now).plan(data, store: store)
    case .coco:
      return try COCOImporter(path: path, source: source, now: now).plan(data, store: store)
    case .cvat:
      return try CVATImporter(path: path, source: source, now: now).plan(data, store: store)
    }
  }

  /// The decision that turns `row` into what the reviewer kept: accept, relabel, correct, or (when
  /// the reviewer deleted it) reject.
  static func decision(
    for row: StoredAnnotation, prediction: AnnotationRecord, kept: (concept: String, box: BoundingBox?)?,
    reviewer: String, time: Date, source: String
  ) -> ReviewDecision {
    let key = row.key
    guard let kept else {
      return ReviewDecision(key: key, action: .reject, reviewer: reviewer, time: time, source: source)
    }
    let relabelled = kept.concept != prediction.conceptName
    var moved = false
    if let box = kept.box, let was = prediction.box {
      let far = { (a: Double, b: Double) in abs(a - b) > 1e-4 }
      moved =
        far(box.topRow, was.topRow) || far(box.leftCol, was.leftCol) || far(box.bottomRow, was.bottomRow)
        || far(box.rightCol, was.rightCol)
    }
    let concept = relabelled ? ReviewDecision.Concept(id: kept.concept, name: kept.concept) : nil
    let action: DecisionAction = moved ? .correct : relabelled ? .relabel : .accept
    return ReviewDecision(
      key: key, action: action, concept: concept, box: moved ? kept.box : nil, reviewer: reviewer, time: time,
      source: source)
  }

  /// The rows of each input a file may decide: those the exporters offer for review (every status
  /// but `ANNOTATION_SUCCESS` as predicted), each with the prediction the export showed.
  static func reviewable(_ inputs: [String], in store: any ReviewStore) throws
    -> [String: [(row: StoredAnnotation, prediction: AnnotationRecord)]]
  {
    var found: [String: [(row: StoredAnnotation, prediction: AnnotationRecord)]] = [:]
    for input in inputs {
      for row in try store.labels(ofInput: input) {
        var prediction = row.record
        if row.decision != nil, let made = try store.decisions(for: row.key).last {
          prediction = made.prediction
        }
        guard prediction.status != AnnotationStatus.success.rawValue else { continue }
        found[input, default: []].append((row, prediction))
      }
    }
    return found
  }

  /// Every input the store has recorded, each with its latest path, URL and size.
  static func allImages(in store: any ReviewStore) throws -> [StoredImage] {
    if let sqlite = store as? SQLiteAnnotationStore {
      return try sqlite.images(inputIds: nil).values.sorted { $0.inputId < $1.inputId }
    }
    // Another store (PostgreSQL): the images of the inputs its annotations name.
    let inputs = Set(try store.annotations(AnnotationFilter()).map(\.record.inputId))
    return try inputs.sorted().compactMap { try store.image(inputId: $0) }
  }

  /// The inputs of `ids` the store has never seen.
  static func unknown(_ ids: [String], in store: any ReviewStore) throws -> [String] {
    try ids.filter { try store.image(inputId: $0) == nil && store.labels(ofInput: $0).isEmpty }
  }

  /// Reads ISO 8601 times as Label Studio and COCO tools write them, with or without fractions.
  static func time(_ text: String?) -> Date? {
    guard let text else { return nil }
    let plain = ISO8601DateFormatter()
    if let d = plain.date(from: text) { return d }
    let fractional = ISO8601DateFormatter()
    fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    if let d = fractional.date(from: text) { return d }
    // Label Studio writes `2024-05-01T12:00:00.123456Z`; also without a zone.
    let trimmed = text.replacingOccurrences(
      of: #"(\.\d{3})\d*"#, with: "$1", options: .regularExpression)
    return fractional.date(from: trimmed) ?? fractional.date(from: trimmed + "Z")
      ?? plain.date(from: text + "Z")
  }
}
