import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Reads OpenCV's "new" cascade XML (`<opencv_storage><cascade>…`) into a ``HaarCascade``.
///
/// The format is described in the cascade-reference ALGORITHM.md §2.2: list items are `<_>`
/// elements, numbers are whitespace-separated text, XML comments may appear between items.
/// Only the elements the detector needs are read; the rest (training parameters) are ignored.
final class CascadeXMLReader: NSObject, XMLParserDelegate {
  private var path: [String] = []
  private var text = ""
  private var problem: CascadeLoadingError?
  private var sawElement = false

  private var stageType: String?
  private var featureType: String?
  private var width: Int?
  private var height: Int?
  private var stages: [HaarCascade.Stage] = []
  private var stumps: [HaarCascade.Stump] = []
  private var features: [HaarCascade.Feature] = []
  private var stageThreshold: Float?
  private var stageStart = 0
  private var pendingNodes: [Double]?
  private var pendingLeaves: [Double]?

  /// Parses `data`; throws ``CascadeLoadingError`` for malformed, invalid or unsupported input.
  static func read(_ data: Data) throws -> HaarCascade {
    let reader = CascadeXMLReader()
    let parser = XMLParser(data: data)
    parser.delegate = reader
    let ok = parser.parse()
    if let problem = reader.problem { throw problem }
    guard ok else {
      let reason = parser.parserError.map(Self.reason) ?? "unknown error"
      throw CascadeLoadingError.malformedXML(line: parser.lineNumber, reason: reason)
    }
    return try reader.finish()
  }

  private func finish() throws -> HaarCascade {
    guard sawElement else { throw CascadeLoadingError.malformedXML(line: 1, reason: "no XML content") }
    guard path.isEmpty, let stageType, let featureType, let width, let height else {
      throw CascadeLoadingError.unsupported(
        "expected OpenCV's <cascade> format with stageType, featureType, width and height")
    }
    guard stageType == "BOOST" else { throw CascadeLoadingError.unsupported("stage type '\(stageType)'") }
    guard featureType == "HAAR" else {
      throw CascadeLoadingError.unsupported("feature type '\(featureType)' (only HAAR is evaluated)")
    }
    let cascade = HaarCascade(
      windowWidth: width, windowHeight: height, stages: stages, stumps: stumps, features: features)
    if let problem = cascade.validationProblem() { throw CascadeLoadingError.invalid(problem) }
    return cascade
  }

  // MARK: - XMLParserDelegate

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
  ) {
    path.append(elementName)
    sawElement = true
    text = ""
    switch relativePath {
    case ["stages", "_"]:
      stageThreshold = nil
      stageStart = stumps.count
    case ["stages", "_", "weakClassifiers", "_"]:
      pendingNodes = nil
      pendingLeaves = nil
    case ["features", "_"]:
      features.append(HaarCascade.Feature(rects: [], tilted: false))
    default:
      break
    }
  }

  /// FoundationXML on Linux can report a well-formedness error here and still return `true` from
  /// `parse()`, so errors are recorded from this callback.
  func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
    guard problem == nil else { return }
    problem = .malformedXML(line: parser.lineNumber, reason: Self.reason(parseError))
  }

  /// A readable reason for the XML errors a damaged cascade file typically has (Foundation only
  /// says "The operation could not be completed"). The codes are libxml2's, which Foundation's
  /// `XMLParser` passes on; the corelibs `XMLParser.ErrorCode` enum does not number them the same.
  static func reason(_ error: Error) -> String {
    let code = (error as NSError).code
    switch code {
    case 4: return "no XML content"
    case 5: return "the document ends early or continues after its root element"
    case 9: return "invalid character"
    case 26: return "undefined entity"
    case 39: return "attribute value without quotes"
    case 73, 77: return "unexpected end of the document"
    case 76: return "closing tag does not match the open element"
    default: return "XML error \(code)"
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    text += string
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?
  ) {
    do {
      try endElement(relativePath)
    } catch let error as CascadeLoadingError {
      fail(parser, error)
    } catch {
      fail(parser, .invalid("\(error)"))
    }
    path.removeLast()
    text = ""
  }

  // MARK: - Elements

  /// The element path below `<cascade>`; empty when outside it.
  private var relativePath: ArraySlice<String> {
    guard path.count >= 2, path[1] == "cascade" else { return [] }
    return path.dropFirst(2)
  }

  private func endElement(_ element: ArraySlice<String>) throws {
    switch element {
    case ["stageType"]: stageType = trimmed
    case ["featureType"]: featureType = trimmed
    case ["width"]: width = try integers(1).first
    case ["height"]: height = try integers(1).first
    case ["stages", "_", "stageThreshold"]:
      stageThreshold = Float(try numbers(1)[0]) - HaarCascade.thresholdEpsilon
    case ["stages", "_", "weakClassifiers", "_", "internalNodes"]: pendingNodes = try numbers(nil)
    case ["stages", "_", "weakClassifiers", "_", "leafValues"]: pendingLeaves = try numbers(nil)
    case ["stages", "_", "weakClassifiers", "_"]: try endWeakClassifier()
    case ["stages", "_"]: try endStage()
    case ["features", "_", "rects", "_"]: try endRect()
    case ["features", "_", "tilted"]: features[features.count - 1].tilted = try integers(1)[0] != 0
    default: break
    }
  }

  private func endWeakClassifier() throws {
    guard let nodes = pendingNodes, let leaves = pendingLeaves else {
      throw CascadeLoadingError.invalid("weak classifier \(stumps.count) lacks internalNodes or leafValues")
    }
    // A stump is "left right featureIndex threshold" with left = 0 and right = -1 (two leaves).
    guard nodes.count == 4, leaves.count == 2, nodes[0] == 0, nodes[1] == -1 else {
      throw CascadeLoadingError.unsupported("weak classifier \(stumps.count) is not a depth-1 stump")
    }
    guard let featureIndex = Int(exactly: nodes[2]) else {
      throw CascadeLoadingError.invalid("feature index \(nodes[2]) is not an integer")
    }
    stumps.append(
      HaarCascade.Stump(
        featureIndex: featureIndex, threshold: Float(nodes[3]), left: Float(leaves[0]),
        right: Float(leaves[1])))
  }

  private func endStage() throws {
    guard let stageThreshold else {
      throw CascadeLoadingError.invalid("stage \(stages.count) has no stageThreshold")
    }
    stages.append(HaarCascade.Stage(stumps: stageStart..<stumps.count, threshold: stageThreshold))
  }

  private func endRect() throws {
    let values = try numbers(5)
    guard let x = Int(exactly: values[0]), let y = Int(exactly: values[1]), let w = Int(exactly: values[2]),
      let h = Int(exactly: values[3])
    else {
      throw CascadeLoadingError.invalid(
        "feature \(features.count - 1) has a rectangle with a non-integer corner")
    }
    features[features.count - 1].rects.append(
      HaarCascade.Rect(x: x, y: y, width: w, height: h, weight: Float(values[4])))
  }

  // MARK: - Text

  private var trimmed: String { text.trimmingCharacters(in: .whitespacesAndNewlines) }

  /// The element's text as numbers; exactly `count` of them unless `count` is nil.
  private func numbers(_ count: Int?) throws -> [Double] {
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
    var values: [Double] = []
    values.reserveCapacity(words.count)
    for word in words {
      guard let value = Double(word), value.isFinite else {
        throw CascadeLoadingError.invalid("'\(word)' in <\(path.last ?? "")> is not a number")
      }
      values.append(value)
    }
    if let count, values.count != count {
      throw CascadeLoadingError.invalid("<\(path.last ?? "")> has \(values.count) numbers, expected \(count)")
    }
    return values
  }

  private func integers(_ count: Int) throws -> [Int] {
    try numbers(count).map { value in
      guard let integer = Int(exactly: value) else {
        throw CascadeLoadingError.invalid("<\(path.last ?? "")> value \(value) is not an integer")
      }
      return integer
    }
  }

  private func fail(_ parser: XMLParser, _ error: CascadeLoadingError) {
    if problem == nil { problem = error }
    parser.abortParsing()
  }
}
