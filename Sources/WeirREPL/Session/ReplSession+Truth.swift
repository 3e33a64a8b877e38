import Foundation
import WeirCore

extension ReplSession {
  /// Reads ground truth from what `path` names: an annotation store (a SQLite file weir made, or a
  /// `postgresql://` URL) through the environment's store reader, a folder as a YOLO dataset,
  /// anything else as a COCO annotations file.
  func readTruth(_ path: String) -> Result<GroundTruth, GroundTruthError> {
    if Self.isStoreURL(path) { return readStoreTruth(path, location: path) }
    let resolved = environment.resolve(path)
    if environment.listDirectory(resolved) != nil {
      let files = YOLOGroundTruthReader.Files(list: environment.listDirectory, read: environment.readFile)
      return YOLOGroundTruthReader.read(folder: resolved, path: path, files: files)
    }
    let bytes: [UInt8]
    do {
      bytes = try environment.readFile(resolved)
    } catch {
      return .failure(GroundTruthError(path: "", message: "cannot read '\(path)': \(Self.describe(error))"))
    }
    if bytes.starts(with: Array("SQLite format 3\0".utf8)) { return readStoreTruth(path, location: resolved) }
    return COCOGroundTruthReader.read(bytes, path: path)
  }

  private func readStoreTruth(_ path: String, location: String) -> Result<GroundTruth, GroundTruthError> {
    guard let reader = environment.storeTruth else {
      return .failure(
        GroundTruthError(
          path: path, message: "an annotation store is read as ground truth by the weir command line"))
    }
    return reader(location, path)
  }

  static func isStoreURL(_ path: String) -> Bool {
    path.hasPrefix("postgresql://") || path.hasPrefix("postgres://")
  }
}
