import Crypto
import Foundation
import WeirCore

/// A hash of what the run's models are: each model's name, type, concepts and backend (kind,
/// value, options), and the bytes of every file its backend names (recorded predictions, a
/// program, weights). Two machines with the same workflow but other model files disagree here,
/// so a worker does not mix their annotations into one run.
enum ModelsFingerprint {
  static func of(_ plan: ExecutionPlan) -> String {
    var text = ""
    for model in plan.models.sorted(by: { $0.name < $1.name }) {
      let spec = model.spec
      text += "model \(spec.name) \(spec.type) \(spec.concepts ?? [])\n"
      guard let backend = spec.backend else { continue }
      text += "backend \(backend.kind) \(canonical(backend.value)) \(canonical(.object(backend.options)))\n"
      for written in strings(in: backend.value) + backend.options.values.flatMap(strings(in:)) {
        let path = backend.path(written)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
          let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        else { continue }
        text += "file \(written) \(hex(data))\n"
      }
    }
    return WeirCore.SHA256.hex(Array(text.utf8))
  }

  /// SHA-256 of a file's bytes through swift-crypto, whose assembly runs at full speed in every
  /// build: recorded predictions run to tens of megabytes, and every worker hashes them.
  private static func hex(_ data: Data) -> String {
    Crypto.SHA256.hash(data: data).map { b in
      let s = String(b, radix: 16)
      return b < 16 ? "0" + s : s
    }.joined()
  }

  private static func canonical(_ value: JSONValue) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? ""
  }

  private static func strings(in value: JSONValue) -> [String] {
    switch value {
    case .string(let s): return [s]
    case .array(let a): return a.flatMap(strings(in:))
    case .object(let o): return o.values.flatMap(strings(in:))
    case .null, .bool, .number: return []
    }
  }
}
