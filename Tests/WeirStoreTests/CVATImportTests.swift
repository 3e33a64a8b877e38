import Foundation
import Testing
import WeirCore
import WeirTestSupport

@testable import WeirStore

/// `weir annotations import --format cvat`: a CVAT for images 1.1 file that weir exported comes back,
/// after a reviewer's changes in CVAT, as decisions, all of it or nothing.
@Suite struct CVATImportTests {
  /// The export of `ImportTests.store` with every status, as CVAT would hand it back: its own
  /// meta (task, owner, assignee, dump time) and the given changes to the box lines.
  static func exported(_ temp: TemporaryDirectory) throws -> String {
    let export = try WeirProcess.run(
      ["annotations", "export", "--format", "cvat", "--status", "all", "--output", "task.xml"], in: temp.url)
    #expect(export.status == 0, "\(export.stderr)")
    return try String(contentsOf: temp.url.appendingPathComponent("task.xml"), encoding: .utf8)
  }

  /// CVAT's own meta in place of weir's.
  static let cvatMeta = """
      <meta>
        <task>
          <id>12</id>
          <name>pets review</name>
          <size>4</size>
          <mode>annotation</mode>
          <created>2024-05-01 08:00:00.000000+00:00</created>
          <updated>2024-05-02 10:00:00.123456+00:00</updated>
          <owner><username>admin</username><email>admin@example.com</email></owner>
          <assignee><username>ana</username><email>ana@example.com</email></assignee>
        </task>
        <dumped>2024-05-02 11:00:00.000000+00:00</dumped>
      </meta>
    """

  /// Applies `edit` to each box line (with the input and region its weir_key names); nil deletes it.
  static func reviewed(_ xml: String, edit: (String, String, String) -> String?) -> String {
    var lines: [String] = []
    var inMeta = false
    for line in xml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      if line.contains("<meta>") {
        inMeta = true
        lines.append(cvatMeta)
      }
      if inMeta {
        inMeta = !line.contains("</meta>")
        continue
      }
      guard line.contains("<box "), let key = line.range(of: "weir_key\">")?.upperBound else {
        lines.append(line)
        continue
      }
      // weir_key: ["pets","photo0.jpg","write-review","r0","cat"], XML-escaped.
      let parts = line[key...].components(separatedBy: "&quot;")
      if let edited = edit(line, parts[3], parts[7]) { lines.append(edited) }
    }
    return lines.joined(separator: "\n")
  }

  /// On photo 0 keeps r0 and deletes r1; on photo 1 relabels r0 to dog and moves r1 64 px left; on
  /// photo 2 r0 loses its score and status attributes (a CVAT project that does not declare them);
  /// on photo 3 a box is drawn anew.
  static func review(_ line: String, _ input: String, _ region: String) -> String? {
    switch (input, region) {
    case ("photo0.jpg", "r1"): return nil
    case ("photo1.jpg", "r0"): return line.replacingOccurrences(of: "label=\"cat\"", with: "label=\"dog\"")
    case ("photo1.jpg", "r1"):
      return line.replacingOccurrences(of: "xtl=\"320.00\"", with: "xtl=\"256.00\"")
        .replacingOccurrences(of: "xbr=\"576.00\"", with: "xbr=\"512.00\"")
        .replacingOccurrences(of: "source=\"auto\"", with: "source=\"manual\"")
    case ("photo2.jpg", "r0"):
      return line.replacingOccurrences(
        of: #"<attribute name="score">[^<]*</attribute><attribute name="status">[^<]*</attribute>"#, with: "",
        options: .regularExpression)
    case ("photo3.jpg", "r0"):
      return line
        + "\n    <box label=\"dog\" source=\"manual\" occluded=\"0\" xtl=\"1\" ytl=\"2\" xbr=\"30\" "
        + "ybr=\"40\" z_order=\"0\"></box>"
    default: return line
    }
  }

  @Test func theExportCarriesTheKeyAsAnAttributeEveryLabelDeclares() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    _ = try ImportTests.store(temp.path("weir.db"))
    let xml = try Self.exported(temp)
    #expect(
      xml.contains(
        "<attribute name=\"weir_key\">[&quot;pets&quot;,&quot;photo0.jpg&quot;,&quot;write-review&quot;,"
          + "&quot;r0&quot;,&quot;cat&quot;]</attribute></box>"))
    #expect(
      xml.contains(
        "<attribute><name>weir_key</name><mutable>False</mutable><input_type>text</input_type>"))
  }

  @Test func aCVATRoundTripFlipsExactlyTheReviewedRows() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    let store = try ImportTests.store(temp.path("weir.db"))
    let xml = Self.reviewed(try Self.exported(temp), edit: Self.review)
    _ = try temp.write("reviewed.xml", xml)

    let imported = try WeirProcess.run(
      ["annotations", "import", "reviewed.xml", "--format", "cvat"], in: temp.url)
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(
      imported.stdout
        == "imported 8 decisions from 'reviewed.xml' (5 accept, 1 reject, 1 relabel, 1 correct)\n")

    let accepted = try #require(try store.annotation(ImportTests.key(0, "r0")))
    #expect(accepted.record.status == 24150)
    #expect(accepted.decision?.action == .accept)
    #expect(accepted.decision?.reviewer == "ana@example.com")
    #expect(accepted.decision?.source == "import:cvat:reviewed.xml")
    #expect(abs((accepted.decision?.decidedAt.timeIntervalSince1970 ?? 0) - 1_714_644_000.123) < 0.002)
    #expect(try store.annotation(ImportTests.key(0, "r1"))?.record.status == 24158)
    let relabelled = try #require(try store.annotation(ImportTests.key(1, "r0")))
    #expect(relabelled.decision?.action == .relabel)
    #expect(relabelled.record.conceptName == "dog")
    let moved = try #require(try store.annotation(ImportTests.key(1, "r1")))
    #expect(moved.decision?.action == .correct)
    #expect(abs((moved.record.box?.leftCol ?? 0) - 0.4) < 1e-9)
    #expect(abs((moved.record.box?.rightCol ?? 0) - 0.8) < 1e-9)
    #expect(try store.annotation(ImportTests.key(2, "r0"))?.decision?.action == .accept)
    // The box drawn anew on photo 3 is no row of the store: not imported.
    #expect(try store.count(AnnotationFilter(concepts: ["dog"])) == 1)

    let again = try WeirProcess.run(
      ["annotations", "import", "reviewed.xml", "--format", "cvat"], in: temp.url)
    #expect(again.status == 0)
    #expect(again.stdout == "imported 0 decisions from 'reviewed.xml'; 8 already in the store\n")
    #expect(try store.allDecisions().count == 8)
  }

  /// Each bad file gets an error naming what and where, and the store is as before.
  @Test func aMalformedFileOrOneFromAnotherStoreChangesNothing() throws {
    let temp = try TemporaryDirectory("weir-store-tests")
    defer { temp.remove() }
    let store = try ImportTests.store(temp.path("weir.db"))
    let xml = Self.reviewed(try Self.exported(temp), edit: Self.review)
    let before = try dump(temp.path("weir.db"), table: "annotations")
    func imported(_ name: String, _ text: String) throws -> WeirProcess.Result {
      _ = try temp.write(name, text)
      let result = try WeirProcess.run(["annotations", "import", name, "--format", "cvat"], in: temp.url)
      #expect(result.status == 1, "\(name): \(result.stdout)")
      #expect(result.stdout.isEmpty)
      return result
    }

    // A closing tag that does not match: libxml2 says where.
    let broken = try imported(
      "broken.xml", xml.replacingOccurrences(of: "</image>", with: "</images>"))
    let firstImageEnd =
      xml.split(separator: "\n", omittingEmptySubsequences: false)
      .firstIndex { $0.contains("</image>") }.map { $0 + 1 } ?? 0
    #expect(
      broken.stderr.hasPrefix(
        "error: 'broken.xml' is not a CVAT for images 1.1 export weir can import: line \(firstImageEnd), column "
      ),
      "\(broken.stderr)")
    #expect(
      broken.stderr.hasSuffix(
        ": not well-formed XML (a closing tag does not match the open element); nothing was imported\n"))

    let truncated = try imported("truncated.xml", String(xml.prefix(xml.count / 2)))
    #expect(truncated.stderr.contains("not well-formed XML"), "\(truncated.stderr)")

    let notCVAT = try imported("notes.xml", "<?xml version=\"1.0\"?>\n<notes><note/></notes>\n")
    #expect(
      notCVAT.stderr
        == "error: 'notes.xml' is not a CVAT for images 1.1 export weir can import: line 2, column 7: "
        + "the root element is <notes>, not CVAT's <annotations>; nothing was imported\n")

    let badBox = try imported(
      "box.xml", xml.replacingOccurrences(of: "ytl=\"192.00\"", with: "ytl=\"top\""))
    #expect(badBox.stderr.contains(": a <box> needs numbers xtl, ytl, xbr and ybr; nothing was imported"))

    // A CVAT project whose labels do not declare weir_key drops it from every shape.
    let keyless = try imported(
      "keyless.xml",
      xml.replacingOccurrences(
        of: #"<attribute name="weir_key">[^<]*</attribute>"#, with: "", options: .regularExpression))
    #expect(
      keyless.stderr.contains(
        "no box or tag carries weir's 'weir_key' attribute, so no shape can be matched to its annotation"),
      "\(keyless.stderr)")

    // Another store's file: its keys and image names are not in this one.
    let foreign = try imported(
      "other.xml",
      xml.replacingOccurrences(of: "photo0.jpg", with: "elsewhere.jpg")
    )
    #expect(
      foreign.stderr
        == "error: 'other.xml' names input 'elsewhere.jpg' that this store does not have "
        + "(was it exported from another store?); nothing was imported\n")

    #expect(try dump(temp.path("weir.db"), table: "annotations") == before)
    #expect(try store.allDecisions().isEmpty)
  }
}
