import Foundation
import Testing

@testable import WeirVision

/// The detector against OpenCV 4.14 on the two small PGM images of golden_small.json: every set
/// (scale 1 raw windows, all raw windows, grouped boxes) for each Haar cascade, levelWeights to 1e-4.
@Suite struct GoldenSmallTests {
  static let images = ["kitten_small.pgm", "tabby_small.pgm"]

  private func load(_ name: String) throws -> (GrayImage, GoldenSmall.File) {
    let golden = try #require(GoldenSmall.shared, "golden_small.json did not decode")
    let file = try #require(golden.files[name])
    let image = try ImageDecoder.decodeGray(contentsOf: Fixtures.vision.appendingPathComponent(name))
    #expect(image.width == file.width && image.height == file.height)
    #expect(image.pixels.reduce(0) { $0 + Int($1) } == file.pixelSum)
    return (image, file)
  }

  @Test(arguments: images, BuiltInCascade.allCases)
  func scaleOneRawWindows(image name: String, cascade builtIn: BuiltInCascade) throws {
    let (image, file) = try load(name)
    let expected = try #require(file.cascades[Fixtures.fileName(builtIn)]).scaleOneRaw
    let found = try Fixtures.cascade(builtIn).detect(image, options: .scaleOneRawWindows)
    #expect(mismatch(found, expected, tolerance: 1e-4) == nil)
  }

  @Test(arguments: images, BuiltInCascade.allCases)
  func allRawWindows(image name: String, cascade builtIn: BuiltInCascade) throws {
    let (image, file) = try load(name)
    let expected = try #require(file.cascades[Fixtures.fileName(builtIn)]).allScalesRaw
    let found = try Fixtures.cascade(builtIn).detect(image, options: .rawWindows)
    #expect(mismatch(found, expected, tolerance: 1e-4) == nil)
    #expect(found.allSatisfy { $0.neighbors == 1 })
  }

  @Test(arguments: images, BuiltInCascade.allCases)
  func groupedBoxes(image name: String, cascade builtIn: BuiltInCascade) throws {
    let (image, file) = try load(name)
    let expected = try #require(file.cascades[Fixtures.fileName(builtIn)]).groupedMinNeighbors3
    let found = try Fixtures.cascade(builtIn).detect(image)
    #expect(mismatch(found, expected, tolerance: 1e-4) == nil)
  }
}
