import CPNG
import Foundation

/// Rasterizes a chart scene and encodes it as PNG with libpng.
enum PNGRenderer {
  struct EncodingError: Error, CustomStringConvertible {
    var description: String
  }

  static func render(_ chart: SweepChart) throws -> [UInt8] {
    try encode(rasterize(chart.scene))
  }

  /// Draws every shape of the scene, in order.
  static func rasterize(_ scene: ChartScene) -> Raster {
    var raster = Raster(width: scene.width, height: scene.height, background: scene.background)
    for shape in scene.shapes {
      switch shape {
      case .line(let points, let color, let width, let dashed, _):
        raster.polyline(points, width: width, dashed: dashed, color)
      case .dot(let p, let radius, let color, _):
        raster.dot(p.x, p.y, radius: radius, color)
      case .rect(let x, let y, let w, let h, let color, _):
        raster.fillRect(x: x, y: y, width: w, height: h, color)
      case .text(let text, let p, let anchor, let size, let color, let vertical, _):
        raster.text(text, at: p, anchor: anchor, scale: size.pixelScale, vertical: vertical, color)
      }
    }
    return raster
  }

  /// 8-bit RGB PNG bytes. libpng reports errors by longjmp, which Swift cannot catch; the inputs
  /// here are valid by construction (sizes, depth, colour type), so its errors could only come from
  /// running out of memory.
  static func encode(_ raster: Raster) throws -> [UInt8] {
    guard let png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nil, nil, nil) else {
      throw EncodingError(description: "libpng could not start")
    }
    var info = png_create_info_struct(png)
    defer {
      var p: png_structp? = png
      png_destroy_write_struct(&p, &info)
    }
    let sink = PNGSink()
    let context = Unmanaged.passUnretained(sink).toOpaque()
    png_set_write_fn(
      png, context,
      { png, data, length in
        guard let png, let data, let io = png_get_io_ptr(png) else { return }
        let sink = Unmanaged<PNGSink>.fromOpaque(io).takeUnretainedValue()
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: length))
      }, nil)
    png_set_IHDR(
      png, info, png_uint_32(raster.width), png_uint_32(raster.height), 8, PNG_COLOR_TYPE_RGB,
      PNG_INTERLACE_NONE,
      PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT)
    png_write_info(png, info)
    raster.pixels.withUnsafeBufferPointer { buffer in
      for y in 0..<raster.height {
        png_write_row(png, buffer.baseAddress! + y * raster.width * 3)
      }
    }
    png_write_end(png, nil)
    return sink.bytes
  }
}

/// Where libpng's write callback puts the bytes.
private final class PNGSink {
  var bytes: [UInt8] = []
}
