import Foundation
import Testing

@testable import WeirVision

/// Decoding every PNG variant, PNM flavour and failure the way a user would meet them.
@Suite struct ImageDecoderTests {
  /// A 5×3 test pattern: for pixel i, grey value and colour channels derived from i.
  static let width = 5, height = 3

  /// One PNG variant: how to build it and the RGB OpenCV's imread gives for it.
  struct Variant: Sendable, CustomTestStringConvertible {
    var name: String
    var colorType: UInt8
    var bitDepth: UInt8
    var interlaced = false

    var testDescription: String { name }

    var maxValue: Int { (1 << Int(bitDepth)) - 1 }

    /// Channel values of pixel i.
    func sample(_ i: Int) -> [Int] {
      let v = (i * 2_654_435_761) & maxValue  // spread over the whole range
      let w = (i * 40503 + 7) & maxValue
      switch colorType {
      case 0: return [v]
      case 2: return [v, w, maxValue - v]
      case 3: return [i % 4]
      case 4: return [v, w]
      default: return [v, w, maxValue - v, (i * 3) & maxValue]
      }
    }

    /// What imread + strip_16 / strip_alpha / expand gives, as RGB.
    func expectedRGB(_ i: Int) -> [UInt8] {
      func eight(_ value: Int) -> UInt8 {
        bitDepth == 16 ? UInt8(value >> 8) : UInt8(value * (255 / maxValue))
      }
      let s = sample(i)
      switch colorType {
      case 0, 4: return [eight(s[0]), eight(s[0]), eight(s[0])]
      case 3: return Array(ImageDecoderTests.palette[(3 * s[0])..<(3 * s[0] + 3)])
      default: return [eight(s[0]), eight(s[1]), eight(s[2])]
      }
    }

    var png: TestPNG {
      TestPNG(
        width: ImageDecoderTests.width, height: ImageDecoderTests.height, colorType: colorType,
        bitDepth: bitDepth,
        samples: (0..<ImageDecoderTests.width * ImageDecoderTests.height).map(sample),
        palette: colorType == 3 ? ImageDecoderTests.palette : nil,
        transparency: colorType == 3 ? [0, 128] : nil, interlaced: interlaced)
    }
  }

  static let palette: [UInt8] = [10, 20, 30, 200, 100, 50, 0, 255, 0, 255, 255, 255]

  static let variants: [Variant] = [
    Variant(name: "grey 1-bit", colorType: 0, bitDepth: 1),
    Variant(name: "grey 2-bit", colorType: 0, bitDepth: 2),
    Variant(name: "grey 4-bit", colorType: 0, bitDepth: 4),
    Variant(name: "grey 8-bit", colorType: 0, bitDepth: 8),
    Variant(name: "grey 16-bit", colorType: 0, bitDepth: 16),
    Variant(name: "grey+alpha 8-bit", colorType: 4, bitDepth: 8),
    Variant(name: "grey+alpha 16-bit", colorType: 4, bitDepth: 16),
    Variant(name: "palette 2-bit with tRNS", colorType: 3, bitDepth: 2),
    Variant(name: "palette 8-bit with tRNS", colorType: 3, bitDepth: 8),
    Variant(name: "RGB 8-bit", colorType: 2, bitDepth: 8),
    Variant(name: "RGB 16-bit", colorType: 2, bitDepth: 16),
    Variant(name: "RGBA 8-bit", colorType: 6, bitDepth: 8),
    Variant(name: "RGBA 16-bit", colorType: 6, bitDepth: 16),
    Variant(name: "RGB 8-bit interlaced", colorType: 2, bitDepth: 8, interlaced: true),
    Variant(name: "grey 4-bit interlaced", colorType: 0, bitDepth: 4, interlaced: true),
    Variant(name: "RGBA 16-bit interlaced", colorType: 6, bitDepth: 16, interlaced: true),
  ]

  @Test(arguments: variants)
  func pngVariants(variant: Variant) throws {
    let data = Data(variant.png.bytes)
    #expect(
      try ImageDecoder.info(of: data) == ImageInfo(format: .png, width: Self.width, height: Self.height))
    let image = try ImageDecoder.decodeRGB(data)
    #expect(image.width == Self.width && image.height == Self.height)
    let expected = (0..<Self.width * Self.height).flatMap(variant.expectedRGB)
    #expect(image.pixels == expected)
  }

  /// CMYK (Adobe) and single-channel JPEGs: grey sum and probe pixels as OpenCV 4.14 reads them.
  @Test(arguments: [
    ("tabby_cmyk.jpg", 508_940, [240, 238, 210] as [UInt8]), ("tabby_grey.jpg", 506_201, [239, 237, 209]),
  ])
  func unusualJPEGColourSpaces(file: String, sum: Int, probes: [UInt8]) throws {
    let image = try ImageDecoder.decodeGray(contentsOf: Fixtures.vision.appendingPathComponent(file))
    #expect(image.width == 60 && image.height == 45)
    #expect(image.pixels.reduce(0) { $0 + Int($1) } == sum)
    #expect([image[0, 0], image[3, 10], image[59, 44]] == probes)
  }

  @Test func pgmASCIIWithComments() throws {
    let text =
      "P2\n# made by hand\n3 2 # width height\n255\n0 1 2\n# a comment between samples\n253 254 255\n"
    let image = try ImageDecoder.decodeGray(Data(text.utf8))
    #expect(image == GrayImage(width: 3, height: 2, pixels: [0, 1, 2, 253, 254, 255]))
  }

  @Test func pgmBinary() throws {
    let data = Data("P5 2 2\t255\n".utf8 + [0, 10, 200, 255])
    #expect(try ImageDecoder.info(of: data) == ImageInfo(format: .pnm, width: 2, height: 2))
    #expect(try ImageDecoder.decodeGray(data).pixels == [0, 10, 200, 255])
  }

  /// OpenCV's imread keeps 8-bit samples as they are and takes the high byte of 16-bit ones.
  @Test func pgmOtherMaximumValuesAreReadLikeOpenCV() throws {
    let sixteen = Data("P5 3 1 65535\n".utf8 + [0, 0, 0x80, 0x00, 0xFF, 0xFF])
    #expect(try ImageDecoder.decodeGray(sixteen).pixels == [0, 128, 255])
    let thousand = Data("P5 4 1 1000\n".utf8 + [0, 0, 0, 1, 0x01, 0xF4, 0x03, 0xE8])
    #expect(try ImageDecoder.decodeGray(thousand).pixels == [0, 0, 1, 3])
    let hundred = Data("P5 4 1 100\n".utf8 + [0, 1, 50, 100])
    #expect(try ImageDecoder.decodeGray(hundred).pixels == [0, 1, 50, 100])
    let fifteen = Data("P2 3 1 15 0 7 15\n".utf8)
    #expect(try ImageDecoder.decodeGray(fifteen).pixels == [0, 7, 15])
  }

  @Test func ppmBinaryAndASCII() throws {
    let binary = Data("P6 2 1 255\n".utf8 + [255, 0, 0, 10, 20, 30])
    #expect(try ImageDecoder.decodeRGB(binary).pixels == [255, 0, 0, 10, 20, 30])
    #expect(try ImageDecoder.decodeGray(binary).pixels == [76, 18])
    let ascii = Data("P3 1 1 255 1 2 3".utf8)
    #expect(try ImageDecoder.decodeRGB(ascii).pixels == [1, 2, 3])
  }

  @Test func formatComesFromBytesNotExtension() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("weir-vision-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let misnamed = directory.appendingPathComponent("really-a-jpeg.png")
    try FileManager.default.copyItem(
      at: Fixtures.photos.appendingPathComponent("cat_tabby_opencvdoc.jpg"), to: misnamed)
    #expect(try ImageDecoder.info(contentsOf: misnamed) == ImageInfo(format: .jpeg, width: 300, height: 225))
    #expect(try ImageDecoder.decodeGray(contentsOf: misnamed).width == 300)
  }

  /// What users see for each kind of bad input: the full message.
  @Test(
    arguments: [
      ([], "not an image (empty data)"),
      (Array("hello, world".utf8), "not an image (unknown format)"),
      ([0x42, 0x4D, 0x36, 0, 0, 0], "not an image (unknown format)"),
      ([0xFF, 0xD8, 0xFF], "truncated JPEG data"),
      ([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x02, 0xFF, 0x01], "truncated JPEG data"),
      ([0xFF, 0xD8, 0xFF, 0xD9], "corrupt JPEG data: JPEG datastream contains no image"),
      (
        [0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x0B, 0x08, 0, 0, 0, 1, 1, 1, 0x11, 0, 0xFF, 0xD9],
        "corrupt JPEG data: empty JPEG image (DNL not supported)"
      ),
      ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "truncated PNG data"),
      (
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]
          + [UInt8](repeating: 0, count: 17),
        "corrupt PNG data: IHDR: CRC error"
      ),
      (Array("P5 2 2 255\n\u{1}".utf8), "truncated PNM data"),
      (Array("P5 2".utf8), "truncated PNM data"),
      (Array("P2 2 1 255 1 x".utf8), "corrupt PNM data: expected a number in the sample at byte 13"),
      (Array("P2 2 1 255 1 300".utf8), "corrupt PNM data: sample 300 exceeds the maximum value 255"),
      (Array("P5 0 2 255\n".utf8), "corrupt PNM data: image size 0x2"),
      (Array("P5 2 2 0\n".utf8), "corrupt PNM data: maximum value 0 is not in 1...65535"),
      (Array("P5 100000 100000 255\n".utf8), "PNM image too large: 100000x100000 is more than 50 megapixels"),
    ] as [([UInt8], String)])
  func badInputThrowsAClearError(bytes: [UInt8], message: String) {
    #expect(throws: ImageDecodingError.self) { try ImageDecoder.decodeGray(Data(bytes)) }
    do {
      _ = try ImageDecoder.decodeGray(Data(bytes))
    } catch {
      #expect("\(error)" == message)
    }
  }

  @Test func truncatedPhotosSayTruncated() throws {
    for name in ["cat_kitten_gcompris.jpg", "cat_chelsea_skimage.png"] {
      let data = try Fixtures.data(Fixtures.photos.appendingPathComponent(name))
      let format: ImageFormat = name.hasSuffix(".jpg") ? .jpeg : .png
      #expect(throws: ImageDecodingError.truncated(format)) {
        try ImageDecoder.decodeGray(data.prefix(data.count / 2))
      }
      #expect(throws: ImageDecodingError.truncated(format)) { try ImageDecoder.decodeGray(data.dropLast()) }
      // The header alone is enough for the size.
      #expect(try ImageDecoder.info(of: data.prefix(data.count / 2)).width > 0)
    }
  }

  @Test func hugeDeclaredSizeIsRefusedBeforeAllocating() {
    let png = TestPNG(width: 100_000, height: 100_000, colorType: 0, bitDepth: 8, samples: [])
    #expect(throws: ImageDecodingError.tooLarge(.png, width: 100_000, height: 100_000, limit: 50_000_000)) {
      try ImageDecoder.decodeGray(Data(png.bytes))
    }
  }

  /// Issue 12, item 16: 16000 × 16000 (256 megapixels, 768 MB of RGB) was admitted, and a 2 KB file
  /// declaring it took that memory before failing as truncated. The budget is checked from the header,
  /// so a truncated file says "too large", not "truncated": no pixel was decoded or allocated.
  @Test func theDefaultBudgetRefusesA16000SquareImageFromItsHeader() throws {
    let png = TestPNG(width: 16000, height: 16000, colorType: 2, bitDepth: 8, samples: [])
    let error = ImageDecodingError.tooLarge(.png, width: 16000, height: 16000, limit: 50_000_000)
    #expect(throws: error) { try ImageDecoder.decodeRGB(Data(png.bytes)) }
    #expect("\(error)" == "PNG image too large: 16000x16000 is more than 50 megapixels")
    let pnm = Data("P5\n16000 16000\n255\n".utf8)
    #expect(throws: ImageDecodingError.tooLarge(.pnm, width: 16000, height: 16000, limit: 50_000_000)) {
      try ImageDecoder.decodeGray(pnm)
    }
  }

  @Test func aCallerSetsItsOwnBudget() throws {
    let samples = Array(repeating: [128], count: 40 * 30)
    let data = Data(TestPNG(width: 40, height: 30, colorType: 0, bitDepth: 8, samples: samples).bytes)
    #expect(throws: ImageDecodingError.tooLarge(.png, width: 40, height: 30, limit: 1000)) {
      try ImageDecoder.decodeGray(data, maxPixels: 1000)
    }
    #expect(try ImageDecoder.decodeGray(data, maxPixels: 1200).width == 40)
    #expect(
      "\(ImageDecodingError.tooLarge(.png, width: 40, height: 30, limit: 1000))".hasSuffix(
        "more than 0 megapixels"))
  }

  @Test func unreadableFiles() throws {
    let missing = URL(fileURLWithPath: "/nonexistent/weir/cat.jpg")
    #expect(throws: ImageDecodingError.self) { try ImageDecoder.decodeGray(contentsOf: missing) }
    do {
      _ = try ImageDecoder.info(contentsOf: missing)
    } catch let error as ImageDecodingError {
      guard case .unreadable(let path, _) = error else { Issue.record("\(error)"); return }
      #expect(path == missing.path)
      #expect("\(error)".hasPrefix("cannot read '/nonexistent/weir/cat.jpg': "))
    }
    #expect(throws: ImageDecodingError.self) { try ImageDecoder.decodeGray(contentsOf: Fixtures.photos) }
  }
}
