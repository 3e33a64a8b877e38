import Foundation
import Testing

@testable import WeirVision

/// Photos are turned upright by their EXIF orientation, as OpenCV 4.14's `imread` does.
@Suite struct ExifOrientationTests {
  /// A TIFF block whose IFD0 holds only the orientation tag.
  static func tiff(_ orientation: Int, littleEndian: Bool) -> [UInt8] {
    func u16(_ v: Int) -> [UInt8] {
      littleEndian ? [UInt8(v & 0xFF), UInt8(v >> 8)] : [UInt8(v >> 8), UInt8(v & 0xFF)]
    }
    func u32(_ v: Int) -> [UInt8] {
      littleEndian ? u16(v & 0xFFFF) + u16(v >> 16) : u16(v >> 16) + u16(v & 0xFFFF)
    }
    let order: [UInt8] = littleEndian ? [0x49, 0x49] : [0x4D, 0x4D]
    return order + u16(42) + u32(8) + u16(1) + u16(0x0112) + u16(3) + u32(1) + u16(orientation) + [0, 0]
      + u32(0)
  }

  /// The tabby JPEG with an `APP1 Exif` segment inserted after SOI.
  static func jpeg(withExif tiff: [UInt8]) throws -> Data {
    let original = try Fixtures.data(Fixtures.photos.appendingPathComponent("cat_tabby_opencvdoc.jpg"))
    let payload = Array("Exif".utf8) + [0, 0] + tiff
    let segment: [UInt8] =
      [0xFF, 0xE1, UInt8((payload.count + 2) >> 8), UInt8((payload.count + 2) & 0xFF)] + payload
    return original.prefix(2) + Data(segment) + original.dropFirst(2)
  }

  /// Grey corners and one inner pixel from OpenCV: (size, [(0,0), (W−1,0), (0,H−1), (W−1,H−1), (3,10)]).
  static let opencv: [Int: (Int, Int, [UInt8])] = [
    1: (300, 225, [243, 246, 233, 216, 239]), 2: (300, 225, [246, 243, 216, 233, 245]),
    3: (300, 225, [216, 233, 246, 243, 187]), 4: (300, 225, [233, 216, 243, 246, 226]),
    5: (225, 300, [243, 233, 246, 216, 240]), 6: (225, 300, [233, 243, 216, 246, 233]),
    7: (225, 300, [216, 246, 233, 243, 205]), 8: (225, 300, [246, 216, 243, 233, 245]),
  ]

  private func probe(_ image: GrayImage) -> [UInt8] {
    let (w, h) = (image.width, image.height)
    return [(0, 0), (w - 1, 0), (0, h - 1), (w - 1, h - 1), (3, 10)].compactMap { image[$0.0, $0.1] }
  }

  @Test(arguments: 1...8)
  func jpegOrientationMatchesOpenCV(orientation: Int) throws {
    let data = try Self.jpeg(withExif: Self.tiff(orientation, littleEndian: orientation % 2 == 0))
    let (width, height, pixels) = try #require(Self.opencv[orientation])
    #expect(try ImageDecoder.info(of: data) == ImageInfo(format: .jpeg, width: width, height: height))
    let image = try ImageDecoder.decodeGray(data)
    #expect(image.width == width && image.height == height)
    #expect(probe(image) == pixels)
  }

  @Test func pngExifChunkIsApplied() throws {
    let original = try Fixtures.data(Fixtures.photos.appendingPathComponent("cat_dogs_goat_opencvdoc.png"))
    let tiff = Self.tiff(6, littleEndian: false)
    let type = Array("eXIf".utf8)
    let length: [UInt8] = [0, 0, 0, UInt8(tiff.count)]
    let crc = TestPNG.crc32(type + tiff)
    let chunk = length + type + tiff + [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: crc >> $0) }
    let data = original.prefix(33) + Data(chunk) + original.dropFirst(33)  // after IHDR
    let image = try ImageDecoder.decodeGray(data)
    #expect(image.width == 221 && image.height == 238)
    #expect([image[0, 0], image[220, 0], image[0, 237], image[3, 10]] == [253, 133, 255, 164])
  }

  /// Damaged EXIF is metadata damage: the image still decodes, as stored.
  @Test(arguments: [
    [UInt8](), [0x49, 0x49], [0x49, 0x49, 42, 0, 0xFF, 0xFF, 0xFF, 0x7F],
    Array("MM\0*\0\0\0\u{8}\u{FF}\u{FF}".utf8),
    tiff(9, littleEndian: true), tiff(0, littleEndian: false), Array(tiff(6, littleEndian: true).prefix(16)),
  ])
  func damagedExifIsIgnored(tiff: [UInt8]) throws {
    let image = try ImageDecoder.decodeGray(try Self.jpeg(withExif: tiff))
    #expect(image.width == 300 && image.height == 225)
    #expect(probe(image) == Self.opencv[1]?.2)
  }
}
