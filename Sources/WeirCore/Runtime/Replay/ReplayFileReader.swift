import Foundation

/// Reads one predictions file: a sequence of JSON values (one document, or JSON lines), the shape of
/// the first value deciding how all are read.
struct ReplayFileReader {
  /// weir JSON lines files larger than this are read in parallel, in chunks cut at line breaks, and
  /// COCO detection results in chunks cut between detections (`COCOResultsReader`).
  static let parallelThreshold = 1 << 22

  enum Shape {
    case weirLine, clarifaiResponse, cocoDataset, cocoResults
  }

  let path: String
  let loader: ReplayLoader
  var coco: COCOIndex?
  var cocoDetections: [String: [COCODetection]] = [:]

  init(path: String, loader: ReplayLoader, coco: COCOIndex?) {
    self.path = path
    self.loader = loader
    self.coco = coco
  }

  mutating func read(_ buffer: UnsafeBufferPointer<UInt8>) throws -> ReplayData {
    var s = JSONScanner(buffer)
    guard s.peek() != nil else { throw ReplayError(path: path, message: "the predictions file is empty") }
    let shape = try sniff(&s)
    var data = ReplayData(
      source: path, format: shape == .weirLine ? .weirLines : shape == .clarifaiResponse ? .clarifai : .coco)
    if shape == .weirLine {
      try readWeirLines(buffer, into: &data)
      return data
    }
    while s.peek() != nil {
      switch shape {
      case .weirLine:
        if let (input, prediction) = try readWeirLine(&s) { data.add(input, prediction) }
      case .clarifaiResponse: try readClarifaiResponse(&s, into: &data)
      case .cocoDataset: try readCOCODataset(&s)
      case .cocoResults: try readCOCOResults(&s)
      }
    }
    if shape == .cocoDataset || shape == .cocoResults {
      guard let coco else {
        throw ReplayError(
          path: path,
          message:
            "COCO detection results need the COCO file with images and categories; add 'images: FILE' to the replay backend"
        )
      }
      for (input, record) in coco.records(cocoDetections) { data.add(input, .success(record)) }
    }
    return data
  }

  /// Reads weir JSON lines into `data`, in parallel chunks when there are many.
  func readWeirLines(_ buffer: UnsafeBufferPointer<UInt8>, into data: inout ReplayData) throws {
    if buffer.count >= Self.parallelThreshold {
      for (input, prediction) in try readLinesInParallel(buffer) { data.add(input, prediction) }
      return
    }
    var s = JSONScanner(buffer)
    while s.peek() != nil {
      if let (input, prediction) = try readWeirLine(&s) { data.add(input, prediction) }
    }
  }

  /// Whether the bytes start with a weir JSON line (`nil` when the shape cannot be told).
  func startsWithWeirLine(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
    var s = JSONScanner(buffer)
    return (try? sniff(&s)) == .weirLine
  }

  /// Decides the shape from the first value's keys.
  private func sniff(_ s: inout JSONScanner) throws -> Shape {
    let start = s.index
    defer { s.index = start }
    let first = s.peek()
    if first == UInt8(ascii: "[") {
      s.index += 1
      if s.peek() == UInt8(ascii: "]") { return .cocoResults }
      let keys = try topLevelKeys(&s)
      if keys.contains("image_id") { return .cocoResults }
      throw s.error("a list of predictions must hold COCO detections {image_id, category_id, bbox, score}")
    }
    guard first == UInt8(ascii: "{") else { throw s.error(Self.expectation) }
    let keys = try topLevelKeys(&s)
    if keys.contains("input") { return .weirLine }
    if keys.contains("outputs") || keys.contains("results") { return .clarifaiResponse }
    if keys.contains("images") || keys.contains("annotations") { return .cocoDataset }
    s.index = start
    throw ReplayError.at(start, in: s.bytes, path: path, "cannot tell the format: \(Self.expectation)")
  }

  static let expectation =
    "expected COCO detection results [{image_id, category_id, bbox, score}], a Clarifai API response {outputs: [...]}, or weir JSON lines {input, regions}"

  private func topLevelKeys(_ s: inout JSONScanner) throws(JSONScanError) -> Set<String> {
    guard s.peek() == UInt8(ascii: "{") else { throw s.error("expected an object") }
    var keys = Set<String>()
    try s.readObject { (s, key) throws(JSONScanError) in
      keys.insert(key.string)
      try s.skipValue()
    }
    return keys
  }

  // MARK: weir JSON lines

  typealias Entry = (InputItem, Result<DataRecord, ModelError>)

  /// Cuts the buffer into one chunk per core (at line breaks) and reads them at once; entries come
  /// back in file order, so "the last line of an input wins" still holds.
  private func readLinesInParallel(_ buffer: UnsafeBufferPointer<UInt8>) throws -> [Entry] {
    let chunks = max(1, ProcessInfo.processInfo.activeProcessorCount) * 2
    var bounds = [0]
    for i in 1..<chunks {
      var cut = max(bounds.last!, buffer.count * i / chunks)
      while cut < buffer.count, buffer[cut] != 0x0a { cut += 1 }
      bounds.append(min(buffer.count, cut + 1))
    }
    bounds.append(buffer.count)
    let results = UnsafeMutableBufferPointer<Result<[Entry], JSONScanError>>.allocate(capacity: chunks)
    results.initialize(repeating: .success([]))
    defer { results.deallocate() }
    DispatchQueue.concurrentPerform(iterations: chunks) { i in
      let start = bounds[i]
      var s = JSONScanner(UnsafeBufferPointer(rebasing: buffer[start..<bounds[i + 1]]))
      var entries: [Entry] = []
      do throws(JSONScanError) {
        while s.peek() != nil {
          if let entry = try readWeirLine(&s) { entries.append(entry) }
        }
        results[i] = .success(entries)
      } catch {
        results[i] = .failure(JSONScanError(offset: error.offset + start, message: error.message))
      }
    }
    var all: [Entry] = []
    for r in results {
      switch r {
      case .success(let entries): all += entries
      case .failure(let e): throw e
      }
    }
    return all
  }

  private func readWeirLine(_ s: inout JSONScanner) throws(JSONScanError) -> Entry? {
    let start = s.index
    var input: InputItem?
    var inputImage: ImageRef?
    var model: String?
    var error: String?
    var record = DataRecord()
    try s.readObject { (s, key) throws(JSONScanError) in
      if key == "input" {
        (input, inputImage) = try s.readInputRefAndImage()
      } else if key == "model" {
        model = try s.readString()
      } else if key == "error" {
        error = s.readNull() ? nil : try s.readString()
      } else if try !s.readDataField(key, into: &record) {
        try s.skipValue()
      }
    }
    guard let input else {
      s.index = start
      throw s.error("a weir JSON line needs an \"input\"")
    }
    if let model, !loader.modelIds.isEmpty, !loader.modelIds.contains(model) { return nil }
    return (input, error.map { .failure(ModelError($0)) } ?? .success(record.withInputImage(inputImage)))
  }

  // MARK: Clarifai responses

  private func readClarifaiResponse(_ s: inout JSONScanner, into data: inout ReplayData) throws(JSONScanError)
  {
    try s.readObject { (s, key) throws(JSONScanError) in
      if key == "outputs" {
        try s.readArray { (s) throws(JSONScanError) in
          let output = try ClarifaiOutput.read(&s)
          guard let input = output.input else { throw s.error("a Clarifai output needs its input") }
          data.add(input, output.result.map { $0.withInputImage(output.inputImage) })
        }
      } else if key == "results" {
        try s.readArray { (s) throws(JSONScanError) in try readWorkflowResult(&s, into: &data) }
      } else {
        try s.skipValue()
      }
    }
  }

  private func readWorkflowResult(_ s: inout JSONScanner, into data: inout ReplayData) throws(JSONScanError) {
    let start = s.index
    var input: InputItem?
    var inputImage: ImageRef?
    var status: ClarifaiOutput.Status?
    var outputs: [ClarifaiOutput] = []
    try s.readObject { (s, key) throws(JSONScanError) in
      if key == "input" {
        (input, inputImage) = try s.readInputRefAndImage()
      } else if key == "status" {
        status = try ClarifaiOutput.Status.read(&s)
      } else if key == "outputs" {
        try s.readArray { (s) throws(JSONScanError) in outputs.append(try ClarifaiOutput.read(&s)) }
      } else {
        try s.skipValue()
      }
    }
    guard let input else {
      s.index = start
      throw s.error("a Clarifai workflow result needs its input")
    }
    let chosen = outputs.first { $0.modelId.map(loader.modelIds.contains) ?? false } ?? outputs.first
    if let chosen {
      data.add(input, chosen.result.map { $0.withInputImage(inputImage) })
    } else {
      data.add(input, .failure(ModelError(status?.message ?? "the recorded workflow result has no outputs")))
    }
  }

  // MARK: COCO

  private mutating func readCOCODataset(_ s: inout JSONScanner) throws(JSONScanError) {
    var index = COCOIndex()
    var pending: [(String, COCODetection, Int)] = []
    try index.read(&s) { (s) throws(JSONScanError) in
      try s.readArray { (s) throws(JSONScanError) in
        let at = s.index
        let (imageId, d) = try COCODetection.read(&s)
        pending.append((imageId, d, at))
      }
    }
    if coco == nil || !index.images.isEmpty { coco = index }
    for (imageId, d, at) in pending {
      guard coco!.imageIndex[imageId] != nil else {
        s.index = at
        throw s.error("COCO annotation for image \(imageId), which the file does not list")
      }
      cocoDetections[imageId, default: []].append(d)
    }
  }

  /// Reads a list of COCO detection results into `cocoDetections`; a large one in parallel chunks.
  private mutating func readCOCOResults(_ s: inout JSONScanner) throws(JSONScanError) {
    if s.bytes.count - s.index >= Self.parallelThreshold,
      let (runs, end) = try COCOResultsReader.readInParallel(
        s.bytes, from: s.index, coco: coco, chunks: max(1, ProcessInfo.processInfo.activeProcessorCount) * 2)
    {
      add(runs)
      s.index = end
      return
    }
    var reader = COCOResultsReader(coco: coco)
    try s.readArray { (s) throws(JSONScanError) in try reader.read(&s) }
    add(reader.runs)
  }

  private mutating func add(_ runs: [COCOResultsReader.Run]) {
    for run in runs { cocoDetections[run.imageId, default: []] += run.detections }
  }
}

extension DataRecord {
  /// The prediction with the input's image size, when the prediction itself says nothing of the
  /// image: COCO export needs sizes, and Clarifai puts them on the input (`image_info`).
  func withInputImage(_ image: ImageRef?) -> DataRecord {
    guard let image, image.width != nil, self.image?.width == nil else { return self }
    var out = self
    var ref = out.image ?? ImageRef()
    ref.width = image.width
    ref.height = image.height
    out.image = ref
    return out
  }
}
