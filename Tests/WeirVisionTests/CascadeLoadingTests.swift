import Foundation
import Testing

@testable import WeirVision

/// Loading the bundled cascades, and the errors a user sees for cascade files that cannot work.
@Suite struct CascadeLoadingTests {
  /// Counts from ALGORITHM.md §2.2's table.
  @Test(arguments: [
    (BuiltInCascade.catFace, 20, 1275, 1056, false), (.catFaceExtended, 20, 1184, 997, true),
    (.humanFace, 25, 2913, 2913, false),
  ])
  func bundledCascades(builtIn: BuiltInCascade, stages: Int, stumps: Int, features: Int, tilted: Bool) throws
  {
    let cascade = try Fixtures.cascade(builtIn)
    #expect(cascade.stageCount == stages)
    #expect(cascade.weakClassifierCount == stumps)
    #expect(cascade.cascade.features.count == features)
    #expect(cascade.usesTiltedFeatures == tilted)
    #expect(cascade.windowWidth == 24 && cascade.windowHeight == 24)
  }

  @Test func stageThresholdsAreLoweredInFloat() throws {
    let last = try #require(try Fixtures.cascade(.catFace).cascade.stages.last)
    // The file says -1.3101767301559448e+00; OpenCV keeps (float)value - 1e-5f.
    #expect(last.threshold == Float(-1.3101767301559448) - Float(1e-5))
    #expect(last.stumps.count == 100)
  }

  @Test func loadsFromAFilePath() throws {
    let url = Fixtures.root.appendingPathComponent(
      "Sources/WeirVision/Resources/cascades/haarcascade_frontalcatface_extended.xml")
    #expect(try CascadeClassifier(contentsOf: url) == Fixtures.cascade(.catFaceExtended))
  }

  /// A one-stage, one-stump cascade in OpenCV's format, with pieces replaceable per test.
  static func xml(
    featureType: String = "HAAR", nodes: String = "0 -1 0 -1.5e-02", leaves: String = "7.5e-01 -3.4e-01",
    rect: String = "0 0 2 4 -1.", tilted: String = "0", stages: Bool = true
  ) -> Data {
    let stageXML =
      stages
      ? "<stages><!-- stage 0 --><_><maxWeakCount>1</maxWeakCount><stageThreshold>-1.48</stageThreshold>"
        + "<weakClassifiers><_><internalNodes>\(nodes)</internalNodes><leafValues>\(leaves)</leafValues></_>"
        + "</weakClassifiers></_></stages>" : ""
    return Data(
      """
      <?xml version="1.0"?>
      <opencv_storage><cascade><stageType>BOOST</stageType><featureType>\(featureType)</featureType>
      <height>24</height><width>24</width><stageNum>1</stageNum>\(stageXML)
      <features><_><rects><_>\(rect)</_><_>0 2 2 2 2.</_></rects><tilted>\(tilted)</tilted></_></features>
      </cascade></opencv_storage>
      """.utf8)
  }

  @Test func minimalCascadeLoads() throws {
    let cascade = try CascadeClassifier(xml: Self.xml())
    #expect(cascade.stageCount == 1 && cascade.weakClassifierCount == 1)
    #expect(
      cascade.cascade.features[0].rects[0] == HaarCascade.Rect(x: 0, y: 0, width: 2, height: 4, weight: -1))
    // It runs, too (and a one-stump cascade accepts plenty of windows).
    let pixels = (0..<48 * 48).map { UInt8(truncatingIfNeeded: $0 * 37 % 251) }
    _ = cascade.detect(try #require(GrayImage(width: 48, height: 48, pixels: pixels)))
  }

  @Test(
    arguments: [
      (xml(featureType: "LBP"), "unsupported cascade: feature type 'LBP' (only HAAR is evaluated)"),
      (xml(nodes: "1 -1 0 0.5 0 0"), "unsupported cascade: weak classifier 0 is not a depth-1 stump"),
      (xml(nodes: "0 -1 7 0.5"), "invalid cascade: weak classifier 0 uses feature 7, but there are 1"),
      (xml(leaves: "0.5 abc"), "invalid cascade: 'abc' in <leafValues> is not a number"),
      (xml(rect: "20 0 5 4 -1."), "invalid cascade: feature 0 has a rectangle outside the 24x24 window"),
      (
        xml(rect: "0 0 2 4 -1.", tilted: "1"),
        "invalid cascade: feature 0 has a rectangle outside the 24x24 window"
      ),
      (xml(rect: "0 0 2"), "invalid cascade: <_> has 3 numbers, expected 5"),
      (xml(stages: false), "invalid cascade: no stages"),
      (Data(), "cascade XML is malformed at line 1: no XML content"),
      (
        Data("<opencv_storage><cascade><width>24</wi".utf8),
        "cascade XML is malformed at line 1: unexpected end of the document"
      ),
      (
        Data("<opencv_storage><haarcascade_frontalface_alt/></opencv_storage>".utf8),
        "unsupported cascade: expected OpenCV's <cascade> format with stageType, featureType, width and height"
      ),
    ] as [(Data, String)])
  func unusableCascadesAreExplained(xml: Data, message: String) {
    #expect(throws: CascadeLoadingError.self) { try CascadeClassifier(xml: xml) }
    do {
      _ = try CascadeClassifier(xml: xml)
    } catch {
      #expect("\(error)" == message)
    }
  }

  @Test func malformedXMLGivesTheLine() {
    let broken = Data("<opencv_storage>\n<cascade>\n<width>24</height>\n".utf8)
    do {
      _ = try CascadeClassifier(xml: broken)
      Issue.record("malformed XML loaded")
    } catch let error as CascadeLoadingError {
      guard case .malformedXML(let line, _) = error else { Issue.record("got \(error)"); return }
      #expect(line == 3)
      #expect("\(error)" == "cascade XML is malformed at line 3: closing tag does not match the open element")
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func missingFile() {
    #expect(throws: CascadeLoadingError.self) {
      try CascadeClassifier(contentsOf: URL(fileURLWithPath: "/nonexistent/cascade.xml"))
    }
  }

  /// Truncating a real cascade anywhere gives an error, never a crash or a half-loaded cascade.
  @Test func truncatedCascadesThrow() throws {
    let url = Fixtures.root.appendingPathComponent(
      "Sources/WeirVision/Resources/cascades/haarcascade_frontalcatface.xml")
    let data = try Data(contentsOf: url)
    for length in stride(from: 0, to: data.count, by: data.count / 25) {
      #expect(throws: CascadeLoadingError.self) { try CascadeClassifier(xml: data.prefix(length)) }
    }
  }
}
