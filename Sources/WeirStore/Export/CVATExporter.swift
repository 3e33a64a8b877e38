import Foundation
import WeirCore

/// CVAT for images 1.1: one XML file with the labels (the class map, in id order) in `meta`, then an
/// `<image>` per image, every image of the selected runs, with a `<box>` per box in pixels
/// (`xtl ytl xbr ybr`) and a `<tag>` per image-level concept. CVAT imports it as a task's
/// annotations ("CVAT 1.1"); boxes carry `source="auto"` and their confidence as the `score`
/// attribute, weir's status as `status`, and the annotation's key as `weir_key` (a JSON list:
/// workflow, input, node, region, concept), all three declared on every label. `weir annotations
/// import --format cvat` finds a reviewed shape's row by its `weir_key`.
enum CVATExporter {
  static func export(_ set: ExportSet) throws -> ExportResult {
    let unsized = set.images.filter { $0.width == nil || $0.height == nil }.map(\.inputId)
    if !unsized.isEmpty {
      throw ExportError.unknownImageSizes(inputIds: unsized, total: set.images.count, format: "CVAT")
    }
    let placement = try ImagePlacement(set.images, options: set.options)
    let classIndex = set.classes.lookup()
    var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<annotations>\n  <version>1.1</version>\n"
    xml += meta(set.classes, size: set.images.count)
    for (index, (image, annotations)) in set.annotationsByImage.enumerated() {
      let (width, height) = (image.width ?? 0, image.height ?? 0)
      let name = placement.names[image.inputId] ?? image.fileName
      xml += "  <image id=\"\(index)\" name=\"\(escaped(name))\" width=\"\(width)\" height=\"\(height)\">\n"
      for a in annotations {
        guard let classId = classIndex(a.record.conceptId, a.record.conceptName) else { continue }
        let label = escaped(set.classes.names[classId])
        let status = AnnotationStatus(rawValue: a.record.status)?.name ?? String(a.record.status)
        let attributes =
          "<attribute name=\"score\">\(a.record.confidence)</attribute>"
          + "<attribute name=\"status\">\(escaped(status))</attribute>"
          + "<attribute name=\"weir_key\">\(escaped(key(a)))</attribute>"
        guard let box = a.record.box else {
          xml += "    <tag label=\"\(label)\" source=\"auto\">\(attributes)</tag>\n"
          continue
        }
        func px(_ v: Double, _ size: Int) -> String { String(format: "%.2f", v * Double(size)) }
        xml +=
          "    <box label=\"\(label)\" source=\"auto\" occluded=\"0\" xtl=\"\(px(box.leftCol, width))\" "
          + "ytl=\"\(px(box.topRow, height))\" xbr=\"\(px(box.rightCol, width))\" "
          + "ybr=\"\(px(box.bottomRow, height))\" z_order=\"0\">\(attributes)</box>\n"
      }
      xml += "  </image>\n"
    }
    xml += "</annotations>\n"
    return ExportResult(
      files: [ExportedFile(path: "annotations.xml", contents: Data(xml.utf8))],
      notes: set.classes.notes + set.unmappedNote(format: "CVAT"))
  }

  /// The task's `meta`: its size and labels, each declaring the two attributes boxes carry.
  static func meta(_ classes: ClassMap, size: Int) -> String {
    var text = "  <meta>\n    <task>\n      <name>weir export</name>\n      <size>\(size)</size>\n"
    text += "      <mode>annotation</mode>\n      <labels>\n"
    for name in classes.names {
      text += "        <label>\n          <name>\(escaped(name))</name>\n          <type>any</type>\n"
      text += "          <attributes>\n"
      text +=
        "            <attribute><name>score</name><mutable>False</mutable><input_type>number</input_type>"
      text += "<default_value>0</default_value><values>0;1;0.0001</values></attribute>\n"
      text += "            <attribute><name>status</name><mutable>True</mutable><input_type>text</input_type>"
      text += "<default_value></default_value><values></values></attribute>\n"
      text +=
        "            <attribute><name>weir_key</name><mutable>False</mutable><input_type>text</input_type>"
      text += "<default_value></default_value><values></values></attribute>\n"
      text += "          </attributes>\n        </label>\n"
    }
    return text + "      </labels>\n    </task>\n  </meta>\n"
  }

  /// The annotation's key as a JSON list (workflow, input, node, region, predicted concept): what
  /// the CVAT import matches a reviewed shape by.
  static func key(_ a: StoredAnnotation) -> String {
    let k = a.key
    var json = JSONText()
    json.raw("[")
    for (i, part) in [k.workflowId, k.inputId, k.nodeId, k.regionId, k.conceptId].enumerated() {
      if i > 0 { json.raw(",") }
      json.string(part)
    }
    json.raw("]")
    return String(decoding: json.bytes, as: UTF8.self)
  }

  /// Text for an XML attribute or element.
  static func escaped(_ s: String) -> String {
    var out = ""
    for c in s {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      default: out.append(c)
      }
    }
    return out
  }
}
