import COpenVINO
import Foundation

/// Finds and loads OpenVINO's C library (`libopenvino_c`) at run time, so weir builds and runs
/// everything else without it (Documentation/Backends.md, "onnx").
///
/// Where it looks, in order: `WEIR_OPENVINO_LIB` (the library file, or a folder holding it; when
/// set, nothing else is tried), the path cached by an earlier look-up
/// (`$XDG_CACHE_HOME/weir/openvino-lib`, else `~/.cache/weir/openvino-lib`), then the `libs/` folder
/// of the `openvino` Python package, asked of `python3` once and cached. Python is only asked when
/// an onnx model is built, never at weir's start-up.
public enum OpenVINOLibrary {
  /// What to do about a missing OpenVINO, said in every error that reports one.
  public static let installHint =
    "install it with 'pip install openvino' (or set WEIR_OPENVINO_LIB to its libopenvino_c library)"

  /// Finds the library and loads it. Once loaded it stays for the life of the process (unloading
  /// OpenVINO is not safe), but it is still looked for each time, so `WEIR_OPENVINO_LIB` pointing at
  /// nothing is reported the same way before and after.
  public static func load(environment: [String: String]) throws(OpenVINOError) -> String {
    let path = try locate(environment: environment)
    var error = [CChar](repeating: 0, count: 512)
    guard weir_ov_load(path, &error, error.count) == 0 else {
      let reason = String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      throw OpenVINOError(.unavailable, "cannot load OpenVINO from '\(path)': \(reason); \(installHint)")
    }
    return path
  }

  /// The library file to open, found as the type's documentation says.
  static func locate(environment: [String: String]) throws(OpenVINOError) -> String {
    if let given = environment["WEIR_OPENVINO_LIB"], !given.isEmpty {
      guard let file = library(at: given) else {
        throw OpenVINOError(
          .unavailable,
          "OpenVINO is not at WEIR_OPENVINO_LIB ('\(given)'): no libopenvino_c library there; \(installHint)")
      }
      return file
    }
    let cache = cacheFile(environment: environment)
    if let cache, let text = try? String(contentsOf: cache, encoding: .utf8) {
      let path = text.trimmingCharacters(in: .whitespacesAndNewlines)
      if FileManager.default.isReadableFile(atPath: path) { return path }
    }
    guard let folder = pythonPackageFolder(environment: environment),
      let file = library(at: (folder as NSString).appendingPathComponent("libs"))
    else {
      throw OpenVINOError(
        .unavailable, "OpenVINO is not installed: onnx models run through its C library; \(installHint)")
    }
    if let cache {
      try? FileManager.default.createDirectory(
        at: cache.deletingLastPathComponent(), withIntermediateDirectories: true)
      try? (file + "\n").write(to: cache, atomically: true, encoding: .utf8)
    }
    return file
  }

  /// `path` itself when it is a file, else the `libopenvino_c` library in the folder `path`.
  static func library(at path: String) -> String? {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return nil }
    guard isFolder.boolValue else { return path }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    // The wheel has only the versioned name (libopenvino_c.so.2641); a system install has both.
    let match = names.filter {
      $0.hasPrefix("libopenvino_c.so") || $0.hasPrefix("libopenvino_c.") && $0.hasSuffix(".dylib")
    }
    .sorted { $0.count < $1.count }.first
    return match.map { (path as NSString).appendingPathComponent($0) }
  }

  /// Where the found library's path is remembered between runs.
  static func cacheFile(environment: [String: String]) -> URL? {
    let base: String
    if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
      base = xdg
    } else if let home = environment["HOME"], home.hasPrefix("/") {
      base = (home as NSString).appendingPathComponent(".cache")
    } else {
      return nil
    }
    return URL(fileURLWithPath: base).appendingPathComponent("weir/openvino-lib")
  }

  /// The folder of the `openvino` Python package, without importing it (a find_spec is quick).
  static func pythonPackageFolder(environment: [String: String]) -> String? {
    let script =
      "import importlib.util\ns = importlib.util.find_spec('openvino')\n"
      + "print(list(s.submodule_search_locations)[0] if s and s.submodule_search_locations else '')"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script]
    process.environment = environment
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    let folder = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    return folder.isEmpty ? nil : folder
  }
}
