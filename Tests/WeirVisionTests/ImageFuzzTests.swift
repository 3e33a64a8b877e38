import Foundation
import Testing

@testable import WeirVision

/// Damaged real files must throw ``ImageDecodingError`` or decode; never crash, abort or hang.
/// Truncations at many lengths, then random byte changes (deterministic seeds), per format.
@Suite struct ImageFuzzTests {
  static let files = [
    Fixtures.photos.appendingPathComponent("cat_tabby_opencvdoc.jpg"),
    Fixtures.photos.appendingPathComponent("cat_dogs_goat_opencvdoc.png"),
    Fixtures.vision.appendingPathComponent("tabby_small.pgm"),
  ]

  /// Decodes, accepting either an image of a sane size or a decoding error; anything else fails.
  private func decodeOrThrow(_ data: Data, _ label: String) -> Bool {
    do {
      let image = try ImageDecoder.decodeGray(data)
      #expect(
        image.width > 0 && image.height > 0 && image.pixels.count == image.width * image.height, "\(label)")
      return true
    } catch is ImageDecodingError {
      return false
    } catch {
      Issue.record("\(label): unexpected error type \(error)")
      return false
    }
  }

  @Test(arguments: files)
  func everyTruncationThrows(file: URL) throws {
    let data = try Fixtures.data(file)
    let lengths = Set(Array(0..<64) + Array(stride(from: 64, to: data.count, by: max(1, data.count / 150))))
    for length in lengths.sorted() where length < data.count {
      #expect(!decodeOrThrow(data.prefix(length), "\(file.lastPathComponent) cut to \(length) bytes"))
    }
  }

  @Test(arguments: files)
  func randomByteChangesNeverCrash(file: URL) throws {
    let original = try Fixtures.data(file)
    var generator = SplitMix64(seed: UInt64(original.count))
    var decoded = 0
    for round in 0..<150 {
      var data = original
      // Mostly the header and first segments (where parsers branch), sometimes anywhere.
      let span = round % 3 == 0 ? data.count : min(data.count, 2048)
      for _ in 0..<(1 + round % 4) {
        let index = Int(generator.next() % UInt64(span))
        data[index] = round % 2 == 0 ? UInt8(truncatingIfNeeded: generator.next()) : data[index] ^ 0x10
      }
      if decodeOrThrow(data, "\(file.lastPathComponent) round \(round)") { decoded += 1 }
    }
    #expect(decoded < 150)  // some damage must be detected
  }

  @Test func randomBytesBehindEachSignature() {
    var generator = SplitMix64(seed: 42)
    let signatures: [[UInt8]] = [
      [0xFF, 0xD8, 0xFF], [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], Array("P5 ".utf8), [],
    ]
    for signature in signatures {
      for round in 0..<100 {
        let tail = (0..<(round * 7)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        #expect(!decodeOrThrow(Data(signature + tail), "random bytes after \(signature), round \(round)"))
      }
    }
  }
}
