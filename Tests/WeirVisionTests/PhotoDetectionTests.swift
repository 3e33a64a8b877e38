import Foundation
import Testing

@testable import WeirVision

/// The full pipeline (decode → grey → detect → group) on the ten reference photos against
/// OpenCV 4.14's `imread` + `cvtColor` + `detectMultiScale3` (opencv-detections.json).
@Suite struct PhotoDetectionTests {
  @Test(arguments: Fixtures.photoNames)
  func decodesLikeOpenCV(photo: String) throws {
    let reference = try #require(OpenCVDetections.shared?.images[photo])
    let url = Fixtures.photos.appendingPathComponent(photo)
    let info = try ImageDecoder.info(contentsOf: url)
    #expect(info.width == reference.width && info.height == reference.height)
    #expect(info.format == (photo.hasSuffix(".png") ? .png : .jpeg))
    let image = try ImageDecoder.decodeGray(contentsOf: url)
    #expect(image.width == reference.width && image.height == reference.height)
    // The JSON's mean is rounded to 4 decimals; one grey level off anywhere shows up here.
    let mean = Double(image.pixels.reduce(0) { $0 + Int($1) }) / Double(image.pixels.count)
    #expect(abs(mean - reference.grayMean) < 0.6e-4)
  }

  @Test(arguments: Fixtures.photoNames, BuiltInCascade.allCases)
  func detectsLikeOpenCV(photo: String, cascade builtIn: BuiltInCascade) throws {
    let reference = try #require(OpenCVDetections.shared?.images[photo])
    let expected = try #require(reference.detections[Fixtures.fileName(builtIn)])
    let image = try ImageDecoder.decodeGray(contentsOf: Fixtures.photos.appendingPathComponent(photo))
    let found = try Fixtures.cascade(builtIn).detect(image)
    #expect(mismatch(found, expected, tolerance: 1e-4) == nil)
  }

  /// The confidence mapping separates the reference set's true cat faces from the false boxes.
  @Test func confidenceSeparatesTrueCatFaces() throws {
    let image = try ImageDecoder.decodeGray(
      contentsOf: Fixtures.photos.appendingPathComponent("cat_tabby_opencvdoc.jpg"))
    let found = try Fixtures.cascade(.catFace).detect(image)
    let face = try #require(found.first { $0.x == 175 && $0.y == 67 })
    let nose = try #require(found.first { $0.x == 208 && $0.y == 118 })
    #expect(face.confidence > 0.8)
    #expect(nose.confidence < 0.45)
    #expect(nose.neighbors > face.neighbors)  // why neighbour counts are no confidence signal
  }
}
