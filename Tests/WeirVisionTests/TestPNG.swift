import Foundation

/// A minimal PNG writer for tests: any colour type and bit depth, optional palette/tRNS and Adam7
/// interlacing, with uncompressed ("stored") deflate blocks. It lets the tests build every kind of
/// PNG that libpng must handle without committing binary fixtures.
struct TestPNG {
  var width: Int
  var height: Int
  /// 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA.
  var colorType: UInt8
  var bitDepth: UInt8
  /// Per pixel, row-major, the channel values (one for grey or palette, two, three or four).
  var samples: [[Int]]
  var palette: [UInt8]? = nil
  var transparency: [UInt8]? = nil
  var interlaced = false

  /// The encoded file.
  var bytes: [UInt8] {
    var ihdr = be32(width) + be32(height)
    ihdr += [bitDepth, colorType, 0, 0, interlaced ? 1 : 0]
    var file: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    file += chunk("IHDR", ihdr)
    if let palette { file += chunk("PLTE", palette) }
    if let transparency { file += chunk("tRNS", transparency) }
    file += chunk("IDAT", zlibStored(scanlines()))
    file += chunk("IEND", [])
    return file
  }

  /// Filter-type-0 scanlines, pass by pass when interlaced; none when `samples` is empty (for
  /// files that only need a header).
  private func scanlines() -> [UInt8] {
    guard !samples.isEmpty else { return [] }
    let passes: [(x0: Int, y0: Int, dx: Int, dy: Int)] =
      interlaced
      ? [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
      : [(0, 0, 1, 1)]
    var out: [UInt8] = []
    for pass in passes {
      let xs = Array(stride(from: pass.x0, to: width, by: pass.dx))
      guard !xs.isEmpty else { continue }
      for y in stride(from: pass.y0, to: height, by: pass.dy) {
        out.append(0)
        out += pack(xs.flatMap { samples[y * width + $0] })
      }
    }
    return out
  }

  private func pack(_ values: [Int]) -> [UInt8] {
    switch bitDepth {
    case 16: return values.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    case 8: return values.map { UInt8($0) }
    default:
      let depth = Int(bitDepth)
      var bytes = [UInt8](repeating: 0, count: (values.count * depth + 7) / 8)
      for (i, v) in values.enumerated() {
        let bit = i * depth
        bytes[bit / 8] |= UInt8(v << (8 - depth - bit % 8))
      }
      return bytes
    }
  }

  private func be32(_ v: Int) -> [UInt8] {
    [UInt8(v >> 24 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]
  }

  private func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
    let body = Array(type.utf8) + data
    return be32(data.count) + body + be32(Int(Self.crc32(body)))
  }

  private func zlibStored(_ data: [UInt8]) -> [UInt8] {
    var out: [UInt8] = [0x78, 0x01]
    var start = 0
    repeat {
      let end = min(start + 65535, data.count)
      let n = end - start
      out.append(end == data.count ? 1 : 0)
      out += [UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8(~n >> 8 & 0xFF)]
      out += data[start..<end]
      start = end
    } while start < data.count
    var a: UInt32 = 1, b: UInt32 = 0
    for byte in data {
      a = (a + UInt32(byte)) % 65521
      b = (b + a) % 65521
    }
    return out + be32(Int(b << 16 | a))
  }

  static func crc32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = crc & 1 != 0 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
    }
    return ~crc
  }
}
