import Foundation

/// Small ONNX detectors with known outputs, built by `Tests/Fixtures/onnx/make_model.py` (the `onnx`
/// package), and the OpenVINO library the tests load them with. Both come from
/// `scripts/install-deps.sh`; a test that needs them fails with that hint when they are missing.
public enum ONNXTestModel {
  /// The environment that points weir at the installed OpenVINO (`WEIR_OPENVINO_LIB`), found the way a
  /// user's weir finds it but without writing its cache, and with `XDG_CACHE_HOME` inside `folder`.
  public static func environment(cacheIn folder: URL) throws -> [String: String] {
    guard let library = openVINOLibrary else {
      throw WeirProcess.Failure("OpenVINO is not installed for python3; run scripts/install-deps.sh")
    }
    return ["WEIR_OPENVINO_LIB": library, "XDG_CACHE_HOME": folder.appendingPathComponent("cache").path]
  }

  /// The `libopenvino_c` file of the `openvino` Python package, or `nil`.
  public static let openVINOLibrary: String? = {
    let script =
      "import importlib.util, os, glob\ns = importlib.util.find_spec('openvino')\n"
      + "libs = os.path.join(list(s.submodule_search_locations)[0], 'libs') if s else ''\n"
      + "print((sorted(glob.glob(os.path.join(libs, 'libopenvino_c.so*')), key=len) or [''])[0])"
    guard let out = try? python(["-c", script]) else { return nil }
    let path = out.trimmingCharacters(in: .whitespacesAndNewlines)
    return path.isEmpty ? nil : path
  }()

  /// Writes `spec` (see make_model.py) and builds `name` from it in `folder`; returns the model's path.
  @discardableResult
  public static func make(_ spec: String, named name: String = "model.onnx", in folder: URL) throws -> String
  {
    let specFile = folder.appendingPathComponent(name + ".json")
    try spec.write(to: specFile, atomically: true, encoding: .utf8)
    let model = folder.appendingPathComponent(name).path
    _ = try python([Repository.url("Tests/Fixtures/onnx/make_model.py").path, specFile.path, model])
    return model
  }

  /// Runs python3 with `arguments`; its standard output, or a failure with its standard error.
  static func python(_ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    let temp = try TemporaryDirectory("weir-python")
    let out = temp.url.appendingPathComponent("out"), err = temp.url.appendingPathComponent("err")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = try FileHandle(forWritingTo: err)
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      let message = String(decoding: try Data(contentsOf: err), as: UTF8.self)
      throw WeirProcess.Failure("python3 \(arguments.joined(separator: " ")) failed: \(message)")
    }
    return String(decoding: try Data(contentsOf: out), as: UTF8.self)
  }

  /// A binary PPM (P6) of one colour, `width × height`.
  public static func ppm(width: Int, height: Int, rgb: (UInt8, UInt8, UInt8)) -> [UInt8] {
    Array("P6\n\(width) \(height)\n255\n".utf8)
      + Array(repeating: [rgb.0, rgb.1, rgb.2], count: width * height).flatMap { $0 }
  }

  /// A JPEG with an EXIF orientation (an `APP1 Exif` segment after SOI, IFD0 holding only tag 0x0112).
  public static func jpeg(_ original: Data, orientation: Int) -> Data {
    func u16(_ v: Int) -> [UInt8] { [UInt8(v >> 8), UInt8(v & 0xFF)] }
    func u32(_ v: Int) -> [UInt8] { u16(v >> 16) + u16(v & 0xFFFF) }
    let tiff =
      [0x4D, 0x4D] + u16(42) + u32(8) + u16(1) + u16(0x0112) + u16(3) + u32(1) + u16(orientation) + [0, 0]
      + u32(0)
    let payload = Array("Exif".utf8) + [0, 0] + tiff
    let segment: [UInt8] = [0xFF, 0xE1] + u16(payload.count + 2) + payload
    return original.prefix(2) + Data(segment) + original.dropFirst(2)
  }
}
