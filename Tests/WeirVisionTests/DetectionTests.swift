import Foundation
import Testing

@testable import WeirVision

/// Detection options, edge-case images and the building blocks (integral images, resize taps).
@Suite struct DetectionTests {
  @Test func confidenceMapping() {
    #expect(Detection.confidence(levelWeight: 1) == 0.5)
    #expect(abs(Detection.confidence(levelWeight: 1.75) - 0.8176) < 1e-4)
    #expect(abs(Detection.confidence(levelWeight: 0.82) - 0.4110) < 1e-4)
    #expect(Detection.confidence(levelWeight: 3.44) > 0.99)
    #expect(Detection.confidence(levelWeight: -50) >= 0 && Detection.confidence(levelWeight: 50) <= 1)
  }

  @Test func parallelScanGivesTheSameOrderedResult() throws {
    let image = try ImageDecoder.decodeGray(
      contentsOf: Fixtures.photos.appendingPathComponent("cat_tabby_opencvdoc.jpg"))
    let cascade = try Fixtures.cascade(.catFaceExtended)
    let serial = cascade.detect(image, options: DetectionOptions(minNeighbors: 0, parallel: false))
    let parallel = cascade.detect(image, options: DetectionOptions(minNeighbors: 0, parallel: true))
    #expect(serial.count > 10)
    #expect(serial == parallel)
  }

  @Test func scaleOneOptionOnlyReturnsWindowSizedBoxes() throws {
    let image = try ImageDecoder.decodeGray(
      contentsOf: Fixtures.vision.appendingPathComponent("kitten_small.pgm"))
    let found = try Fixtures.cascade(.catFace).detect(image, options: .scaleOneRawWindows)
    #expect(!found.isEmpty)
    #expect(
      found.allSatisfy { $0.width == 24 && $0.height == 24 && $0.neighbors == 1 && $0.rejectLevel == 20 })
  }

  @Test func minAndMaxSizeLimitTheScales() throws {
    let image = try ImageDecoder.decodeGray(
      contentsOf: Fixtures.vision.appendingPathComponent("kitten_small.pgm"))
    let cascade = try Fixtures.cascade(.catFaceExtended)
    let all = cascade.detect(image, options: .rawWindows)
    let limited = cascade.detect(image, options: DetectionOptions(minNeighbors: 0, minSize: 26, maxSize: 30))
    #expect(limited == all.filter { (26...30).contains($0.width) })
    #expect(!limited.isEmpty)
  }

  /// Degenerate options and images give no boxes, never a hang or a crash.
  @Test(arguments: [
    DetectionOptions(scaleFactor: 1), DetectionOptions(scaleFactor: 0.5), DetectionOptions(scaleFactor: .nan),
    DetectionOptions(scaleFactor: .infinity), DetectionOptions(minSize: 10_000),
    DetectionOptions(maxSize: 10),
  ])
  func degenerateOptions(options: DetectionOptions) throws {
    let image = try ImageDecoder.decodeGray(
      contentsOf: Fixtures.vision.appendingPathComponent("tabby_small.pgm"))
    #expect(try Fixtures.cascade(.catFace).detect(image, options: options).isEmpty)
  }

  @Test(arguments: [(1, 1), (23, 100), (100, 23), (24, 24), (25, 24)])
  func tinyImages(width: Int, height: Int) throws {
    var generator = SplitMix64(seed: UInt64(width * 1000 + height))
    let pixels = (0..<width * height).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    let image = try #require(GrayImage(width: width, height: height, pixels: pixels))
    for builtIn in BuiltInCascade.allCases {
      let found = try Fixtures.cascade(builtIn).detect(image, options: .rawWindows)
      #expect(
        found.allSatisfy { $0.x >= 0 && $0.y >= 0 && $0.x + $0.width <= width && $0.y + $0.height <= height })
    }
  }

  @Test func flatImagesAreSkippedByTheVarianceTest() throws {
    let image = try #require(
      GrayImage(width: 64, height: 48, pixels: [UInt8](repeating: 128, count: 64 * 48)))
    #expect(try Fixtures.cascade(.humanFace).detect(image, options: .rawWindows).isEmpty)
  }

  @Test func grayImageValidatesItsSize() {
    #expect(GrayImage(width: 2, height: 2, pixels: [1, 2, 3]) == nil)
    #expect(GrayImage(width: 0, height: 0, pixels: []) == nil)
    #expect(GrayImage(width: -1, height: -1, pixels: [0]) == nil)
    #expect(GrayImage(width: Int.max, height: 2, pixels: [0]) == nil)
    #expect(GrayImage(width: 2, height: 1, pixels: [1, 2])?[1, 0] == 2)
    #expect(GrayImage(width: 2, height: 1, pixels: [1, 2])?[2, 0] == nil)
  }

  /// OpenCV's BGR2GRAY fixed-point rounding, including the cases where plain BT.601 differs.
  @Test func greyConversionMatchesOpenCV() throws {
    let rgb = try #require(
      RGBImage(width: 4, height: 1, pixels: [255, 255, 255, 255, 0, 0, 0, 255, 0, 10, 20, 30]))
    // R 255 → (4899·255 + 8192) >> 14 = 76; G 255 → 150; (10,20,30) → (4899·10 + 9617·20 + 1868·30 + 8192) >> 14 = 18.
    #expect(rgb.gray.pixels == [255, 76, 150, 18])
    #expect(RGBImage(width: 1, height: 1, pixels: [1, 2]) == nil)
  }

  /// The sum, squared-sum and rotated integral images against their definitions.
  @Test(arguments: [(1, 1), (7, 3), (13, 9), (5, 17)])
  func integralImagesMatchTheirDefinitions(width: Int, height: Int) {
    var generator = SplitMix64(seed: 7)
    let pixels = (0..<width * height).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    let integrals = IntegralImages(width: width + 3, height: height + 2, tilted: true)
    pixels.withUnsafeBufferPointer { integrals.compute($0.baseAddress!, width: width, height: height) }
    func pixel(_ x: Int, _ y: Int) -> Int { Int(pixels[y * width + x]) }
    for Y in 0...height {
      for X in 0...width {
        var sum = 0, squares = 0, tilted = 0
        for y in 0..<Y {
          for x in 0..<width {
            if x < X {
              sum += pixel(x, y)
              squares += pixel(x, y) * pixel(x, y)
            }
            if abs(x - X + 1) <= Y - y - 1 { tilted += pixel(x, y) }
          }
        }
        let index = Y * integrals.stride + X
        #expect(Int(integrals.values[index]) == sum)
        #expect(Int(integrals.squares[index]) == squares)
        #expect(Int(integrals.values[integrals.tiltedOffset + index]) == tilted, "tilted(\(X),\(Y))")
      }
    }
  }

  /// The bit-exact bilinear weights: borders clamp, weights sum to 256, halves round to even.
  @Test func resizeTaps() {
    let taps = BitExactResizer.taps(source: 11, destination: 10)
    #expect(taps.allSatisfy { $0.weight0 + $0.weight1 == 256 && $0.next <= 10 })
    // f = 1.1·(d + 0.5) − 0.5: d = 0 → 0.05 → 256·0.05 = 12.8 → 13; d = 9 → 9.95 → 243.2 → 243.
    #expect(taps.first.map { [$0.index, $0.next, Int($0.weight1)] } == [0, 1, 13])
    #expect(taps.last.map { [$0.index, $0.next, Int($0.weight1)] } == [9, 10, 243])
    // Upscaling 3 → 10 reaches past both borders, which clamp with weight 256 on the edge pixel.
    let up = BitExactResizer.taps(source: 3, destination: 10)
    #expect(up.first.map { [$0.index, Int($0.weight0)] } == [0, 256])
    #expect(up.last.map { [$0.index, $0.next, Int($0.weight0)] } == [2, 2, 256])
    // 4 → 2: f = 2·(d + 0.5) − 0.5 = 0.5 exactly → weight 128 each.
    #expect(BitExactResizer.taps(source: 4, destination: 2).map(\.weight1) == [128, 128])
    let same = BitExactResizer.taps(source: 5, destination: 5)
    #expect(same.map(\.index) == [0, 1, 2, 3, 4] && same.allSatisfy { $0.weight1 == 0 })
    #expect(BitExactResizer.taps(source: 1, destination: 3).allSatisfy { $0.index == 0 && $0.weight0 == 256 })
  }
}
