import Foundation

/// Loads recorded predictions: one file or a folder of them, the format detected from the content.
///
/// - COCO detection results `[{image_id, category_id, bbox, score}]`, with `images` naming the COCO
///   file that gives image sizes and category names (boxes go from pixels `[x, y, w, h]` to
///   normalized top/left/bottom/right); or a COCO file whose `annotations` carry scores.
/// - Clarifai API responses: `{"outputs": [...]}` from PostModelOutputs, `{"results": [...]}` from
///   PostWorkflowResults, one response per file or one per line.
/// - weir JSON lines: `{"input": "cat1.jpg", "regions": [...]}` (or `"concepts"`), what
///   `weir run --record` writes.
public struct ReplayLoader: Sendable {
  /// The COCO file with `images` and `categories`, for COCO detection results.
  public var images: String?
  /// Names of the model being replayed. In a workflow response, the output whose `model.id` is one
  /// of them is taken (else the first output); in weir JSON lines with a `model` key, only lines of
  /// these models are read.
  public var modelIds: [String]

  public init(images: String? = nil, modelIds: [String] = []) {
    self.images = images
    self.modelIds = modelIds
  }

  /// Loads a file, or every `.json`/`.jsonl`/`.ndjson` file under a folder (sorted by path).
  public func load(_ path: String) throws(ReplayError) -> ReplayData {
    switch FileBytes.kind(path) {
    case .missing: throw ReplayError(path: path, message: "no such predictions file or folder")
    case .directory: return try loadFolder(path)
    case .file, .other: return try loadFile(path)
    }
  }

  private func loadFolder(_ path: String) throws(ReplayError) -> ReplayData {
    let files = Self.predictionFiles(in: path)
    guard !files.isEmpty else {
      throw ReplayError(path: path, message: "the folder holds no .json, .jsonl or .ndjson predictions files")
    }
    var data: ReplayData?
    for file in files {
      let one = try loadFile(file)
      if data == nil {
        data = one
        data?.source = path
      } else {
        data?.merge(one)
      }
    }
    return data!
  }

  static func predictionFiles(in folder: String) -> [String] {
    let extensions: Set<String> = ["json", "jsonl", "ndjson"]
    guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
    var files: [String] = []
    while let rel = walker.nextObject() as? String {
      let ext = (rel as NSString).pathExtension.lowercased()
      let full = (folder as NSString).appendingPathComponent(rel)
      if extensions.contains(ext), FileBytes.kind(full) == .file { files.append(full) }
    }
    return files.sorted()
  }

  /// Loads one file.
  public func loadFile(_ path: String) throws(ReplayError) -> ReplayData {
    if images == nil, let streamed = try ReplayLineStream.load(path, loader: self) { return streamed }
    let bytes: [UInt8]
    switch FileBytes.read(path) {
    case .success(let b): bytes = b
    case .failure(let e): throw ReplayError(path: path, message: "cannot read predictions: \(e)")
    }
    let coco = try images.map { (p) throws(ReplayError) in try Self.loadCOCOIndex(p) }
    return try bytes.withUnsafeBufferPointer { (buffer) throws(ReplayError) in
      var reader = ReplayFileReader(path: path, loader: self, coco: coco)
      do {
        return try reader.read(buffer)
      } catch let e as JSONScanError {
        throw ReplayError.at(e.offset, in: buffer, path: path, e.message)
      } catch let e as ReplayError {
        throw e
      } catch {
        throw ReplayError(path: path, message: "\(error)")
      }
    }
  }

  /// Reads the images and categories of a COCO file.
  static func loadCOCOIndex(_ path: String) throws(ReplayError) -> COCOIndex {
    let bytes: [UInt8]
    switch FileBytes.read(path) {
    case .success(let b): bytes = b
    case .failure(let e): throw ReplayError(path: path, message: "cannot read the COCO images file: \(e)")
    }
    return try bytes.withUnsafeBufferPointer { (buffer) throws(ReplayError) in
      var s = JSONScanner(buffer)
      var index = COCOIndex()
      do {
        guard s.peek() == UInt8(ascii: "{") else {
          throw s.error("expected a COCO file: an object with images and categories")
        }
        try index.read(&s)
      } catch let e as JSONScanError {
        throw ReplayError.at(e.offset, in: buffer, path: path, e.message)
      } catch {
        throw ReplayError(path: path, message: "\(error)")
      }
      if index.images.isEmpty {
        throw ReplayError(path: path, message: "the COCO file lists no images")
      }
      return index
    }
  }
}
