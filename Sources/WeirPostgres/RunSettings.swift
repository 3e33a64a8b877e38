import Foundation
import WeirCore

/// What a worker needs, beside the workflow file, to build the same plan and backends as the
/// `weir run` that started a run: its `--types`, `--set`, `--backend` and `--models` as written
/// (paths relative to the folder `weir run` started in, so workers start in the same folder of
/// their own copy of the files), and the fingerprint of the models (``modelsHash``).
public struct RunSettings: Sendable, Hashable, Codable {
  public var types: [String]
  public var sets: [String]
  public var backends: [String]
  public var modelsFile: String?

  public init(types: [String] = [], sets: [String] = [], backends: [String] = [], modelsFile: String? = nil) {
    self.types = types
    self.sets = sets
    self.backends = backends
    self.modelsFile = modelsFile
  }

  var json: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
  }

  static func parse(_ text: String) -> RunSettings {
    (try? JSONDecoder().decode(RunSettings.self, from: Data(text.utf8))) ?? RunSettings()
  }
}

/// A run that workers can join: what the run recorded.
public struct ShardedRun: Sendable, Hashable {
  public var info: RunInfo
  public var settings: RunSettings
  public var modelsHash: String

  public init(info: RunInfo, settings: RunSettings, modelsHash: String) {
    self.info = info
    self.settings = settings
    self.modelsHash = modelsHash
  }
}
