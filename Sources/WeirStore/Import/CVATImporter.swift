import Foundation
import WeirCore

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Reads a CVAT for images 1.1 XML file that weir exported, after a reviewer's changes in CVAT.
///
/// weir's CVAT export carries each shape's annotation key in its `weir_key` attribute (a JSON list:
/// workflow, input, node, region, concept). For every image in the file, each of its review rows is
/// accepted when a box or tag with its key is still there (relabelled when its label changed,
/// corrected when the box moved) and rejected when it was deleted. Shapes without a key were drawn
/// by the reviewer and are not imported. An image is matched to its input by the keys of its
/// shapes, else by its name (the input id, or the end of the stored path).
struct CVATImporter {
  let path: String
  let source: String
  let now: Date

  func plan(_ data: Data, store: any ReviewStore) throws -> ImportPlan {
    let file = try CVATFileReader.read(data, malformed: malformed)
    let keyed = file.images.flatMap(\.shapes).filter { $0.key != nil }
    if keyed.isEmpty, let first = file.images.flatMap(\.shapes).first {
      throw malformed(
        "line \(first.line)",
        "no box or tag carries weir's 'weir_key' attribute, so no shape can be matched to its annotation "
          + "(CVAT drops an attribute its labels do not declare: give every label the text attribute "
          + "'weir_key', as the exported file's meta does)")
    }
    let keyInputs = keyed.compactMap { $0.key?.inputId }
    let unknownKeyed = try AnnotationImporter.unknown(Array(Set(keyInputs)).sorted(), in: store)
    guard unknownKeyed.isEmpty else { throw ImportError.unknownInputs(path: path, inputs: unknownKeyed) }
    var names = StoredNames(store: store)
    var inputs: [String] = []
    var kept: [AnnotationKey: (concept: String, box: BoundingBox?)] = [:]
    for image in file.images {
      let input: String
      if let keyed = image.shapes.compactMap({ $0.key?.inputId }).first {
        input = keyed
      } else {
        input = try names.input(named: image.name, at: image.line, path: path)
      }
      if !inputs.contains(input) { inputs.append(input) }
      for shape in image.shapes {
        guard let key = shape.key else { continue }  // drawn by the reviewer: not a row of this store
        kept[key] = (shape.label, try shape.box.map { try normalized($0, image, line: shape.line) })
      }
    }
    let rows = try AnnotationImporter.reviewable(inputs, in: store)
    let reviewer = file.reviewer ?? "cvat"
    let time = file.time ?? now
    var decisions: [ReviewDecision] = []
    for input in inputs {
      for (row, prediction) in rows[input] ?? [] {
        decisions.append(
          AnnotationImporter.decision(
            for: row, prediction: prediction, kept: kept[row.key], reviewer: reviewer, time: time,
            source: source))
      }
    }
    return ImportPlan(decisions: decisions, untouched: 0)
  }

  /// A pixel box made relative to its image.
  func normalized(
    _ box: (xtl: Double, ytl: Double, xbr: Double, ybr: Double), _ image: CVATFileReader.Image, line: Int
  )
    throws -> BoundingBox
  {
    guard let w = image.width, let h = image.height, w > 0, h > 0 else {
      throw malformed(
        "line \(image.line)", "image '\(image.name)' needs a positive width and height to place its boxes")
    }
    return BoundingBox(
      topRow: box.ytl / h, leftCol: box.xtl / w, bottomRow: box.ybr / h, rightCol: box.xbr / w)
  }

  func malformed(_ location: String, _ reason: String) -> ImportError {
    ImportError.malformed(path: path, format: .cvat, location: location, reason: reason)
  }

  /// Finds the input an image name stands for among what the store knows, read once on first use.
  struct StoredNames {
    let store: any ReviewStore
    var images: [StoredImage]?

    init(store: any ReviewStore) { self.store = store }

    mutating func input(named name: String, at line: Int, path: String) throws -> String {
      if images == nil { images = try AnnotationImporter.allImages(in: store) }
      let all = images ?? []
      if let exact = all.first(where: { $0.inputId == name || $0.path == name }) { return exact.inputId }
      let matches = all.filter { ($0.path ?? $0.url ?? "").hasSuffix("/" + name) }
      if matches.count == 1 { return matches[0].inputId }
      guard matches.isEmpty else {
        throw ImportError.malformed(
          path: path, format: .cvat, location: "line \(line)",
          reason: "image '\(name)' has no shape with a weir_key and its name fits \(matches.count) inputs ("
            + matches.prefix(3).map { "'\($0.inputId)'" }.joined(separator: ", ") + ")")
      }
      throw ImportError.unknownInputs(path: path, inputs: [name])
    }
  }
}

/// The parts of a CVAT for images 1.1 file an import needs: images, their boxes and tags with
/// their attributes, and who dumped it when.
final class CVATFileReader: NSObject, XMLParserDelegate {
  struct Image {
    var name: String
    var width: Double?
    var height: Double?
    var line: Int
    var shapes: [Shape] = []
  }

  struct Shape {
    var label: String
    /// Pixels; nil for a tag.
    var box: (xtl: Double, ytl: Double, xbr: Double, ybr: Double)?
    var attributes: [String: String] = [:]
    var line: Int
    var key: AnnotationKey?
  }

  private(set) var images: [Image] = []
  private(set) var reviewer: String?
  private(set) var time: Date?
  private var elements: [String] = []
  private var text = ""
  private var attributeName: String?
  private var shape: Shape?
  private var people: [String: String] = [:]  // "assignee/username" → text
  private var times: [String: String] = [:]
  private var problem: ImportError?
  private let malformed: (String, String) -> ImportError
  private var sawRoot = false

  private init(malformed: @escaping (String, String) -> ImportError) { self.malformed = malformed }

  static func read(_ data: Data, malformed: @escaping (String, String) -> ImportError) throws
    -> CVATFileReader
  {
    let reader = CVATFileReader(malformed: malformed)
    let parser = XMLParser(data: data)
    parser.delegate = reader
    let ok = parser.parse()
    if let problem = reader.problem { throw problem }
    guard ok, reader.sawRoot else {
      throw malformed("line \(parser.lineNumber), column \(parser.columnNumber)", "not well-formed XML")
    }
    for who in ["assignee", "owner"] {
      if let person = reader.people["\(who)/email"] ?? reader.people["\(who)/username"] {
        reader.reviewer = person
        break
      }
    }
    reader.time = (reader.times["updated"] ?? reader.times["dumped"]).flatMap {
      AnnotationImporter.time($0.replacingOccurrences(of: " ", with: "T"))
    }
    return reader
  }

  func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
    guard problem == nil else { return }
    problem = malformed(
      "line \(parser.lineNumber), column \(parser.columnNumber)",
      "not well-formed XML (\(Self.reason(parseError)))")
  }

  /// libxml2's error codes, which Foundation's XMLParser passes on, for the errors a hand-edited
  /// file typically has.
  static func reason(_ error: Error) -> String {
    switch (error as NSError).code {
    case 4: return "no XML content"
    case 5: return "the document ends early or continues after its root element"
    case 9: return "invalid character"
    case 26: return "undefined entity"
    case 39, 40, 41: return "an attribute value without quotes"
    case 73, 77: return "unexpected end of the document"
    case 76: return "a closing tag does not match the open element"
    default: return "XML error \((error as NSError).code)"
    }
  }

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    guard problem == nil else { return }
    if elements.isEmpty {
      sawRoot = true
      if name != "annotations" {
        fail(parser, "the root element is <\(name)>, not CVAT's <annotations>")
      }
    }
    elements.append(name)
    text = ""
    let line = parser.lineNumber
    switch (elements.count, name) {
    case (2, "image"):
      guard let imageName = attributes["name"] else { return fail(parser, "an <image> without a name") }
      images.append(
        Image(
          name: imageName, width: attributes["width"].flatMap(Double.init),
          height: attributes["height"].flatMap(Double.init), line: line))
    case (3, "box"), (3, "tag"):
      guard !images.isEmpty, let label = attributes["label"] else {
        return fail(parser, "a <\(name)> without a label")
      }
      var box: (xtl: Double, ytl: Double, xbr: Double, ybr: Double)?
      if name == "box" {
        let values = ["xtl", "ytl", "xbr", "ybr"].map { attributes[$0].flatMap(Double.init) }
        guard let xtl = values[0], let ytl = values[1], let xbr = values[2], let ybr = values[3],
          xtl.isFinite, ytl.isFinite, xbr.isFinite, ybr.isFinite
        else { return fail(parser, "a <box> needs numbers xtl, ytl, xbr and ybr") }
        box = (xtl: xtl, ytl: ytl, xbr: xbr, ybr: ybr)
      }
      shape = Shape(label: label, box: box, line: line)
    case (4, "attribute") where shape != nil:
      attributeName = attributes["name"]
    default:
      break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?)
  {
    guard problem == nil else { return }
    let path = elements
    elements.removeLast()
    switch (path.count, name) {
    case (4, "attribute"):
      if let attributeName { shape?.attributes[attributeName] = text }
      attributeName = nil
    case (3, "box"), (3, "tag"):
      guard var done = shape else { return }
      shape = nil
      if let text = done.attributes["weir_key"] {
        guard let key = Self.key(text) else {
          return fail(
            parser, "weir_key '\(text)' is not the list weir wrote (workflow, input, node, region, concept)")
        }
        done.key = key
      }
      images[images.count - 1].shapes.append(done)
    default:
      // Who and when: meta/task/owner/username, meta/job/assignee/email, meta/task/updated, meta/dumped.
      guard path.first == "annotations", path.count >= 3, path[1] == "meta" else { return }
      let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
      guard !value.isEmpty else { return }
      if path.count == 5, ["owner", "assignee"].contains(path[3]) {
        people["\(path[3])/\(name)"] = people["\(path[3])/\(name)"] ?? value
      } else if (path.count == 4 && name == "updated") || (path.count == 3 && name == "dumped") {
        times[name] = value
      }
    }
    text = ""
  }

  private func fail(_ parser: XMLParser, _ reason: String) {
    guard problem == nil else { return }
    problem = malformed("line \(parser.lineNumber), column \(parser.columnNumber)", reason)
    parser.abortParsing()
  }

  /// `["workflow","input","node","region","concept"]`.
  static func key(_ text: String) -> AnnotationKey? {
    guard let parts = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String],
      parts.count == 5
    else { return nil }
    return AnnotationKey(
      workflowId: parts[0], inputId: parts[1], nodeId: parts[2], regionId: parts[3], conceptId: parts[4])
  }
}
