import Foundation
import WeirVision

/// An ONNX detector run by OpenVINO: images in, boxes out as fractions of each upright image.
///
/// One compiled model serves every call; batches of `options.batch` images go through it, and while
/// one batch runs, the next one's images are decoded and resized on other cores.
public final class ONNXDetector: @unchecked Sendable {
  public let options: ONNXDetectorOptions
  public let layout: DecoderLayout
  private let model: OpenVINOModel
  private let filler: TensorFiller

  /// One detection: a box as fractions of the image (`x0, y0` top left), its class and score.
  public struct Detection: Sendable, Hashable {
    public var left: Double
    public var top: Double
    public var right: Double
    public var bottom: Double
    public var classIndex: Int
    public var label: String
    public var score: Float
  }

  /// What one image gave: its upright size and its detections, highest score first.
  public struct ImageResult: Sendable, Hashable {
    public var width: Int
    public var height: Int
    public var detections: [Detection]
  }

  /// Loads OpenVINO, reads and compiles the model, and binds a decoder to its outputs.
  public init(options: ONNXDetectorOptions, environment: [String: String]) throws(OpenVINOError) {
    self.options = options
    _ = try OpenVINOLibrary.load(environment: environment)
    guard FileManager.default.isReadableFile(atPath: options.modelPath) else {
      throw OpenVINOError(.badModel, "cannot read '\(options.modelPath)': no such file")
    }
    model = try OpenVINOModel(contentsOf: options.modelPath)
    let declared = model.declaredInput.shape
    guard declared.count == 4, declared[1] == 3 || declared[1] < 0 else {
      throw OpenVINOError(
        .layout,
        "the model's input \(model.declaredInput) is not an image tensor [batch, 3, height, width]")
    }
    let width = options.inputSize?.width ?? declared[3]
    let height = options.inputSize?.height ?? declared[2]
    guard width > 0, height > 0 else {
      throw OpenVINOError(
        .layout,
        "the model's input \(model.declaredInput) leaves its size open; give 'input_size: [width, height]'")
    }
    try model.compile(
      inputShape: [options.batch, 3, height, width], device: options.device, threads: options.threads)
    filler = TensorFiller(preprocessing: options.preprocessing, width: width, height: height)
    layout = try DecoderLayout.match(
      options.decoder, outputs: model.outputs, inputWidth: width, inputHeight: height)
    if let labels = options.labels, let classes = layout.classes {
      let fits = labels.count == classes || (layout.decoder == .detr && labels.count + 1 == classes)
      guard fits else {
        throw OpenVINOError(
          .labels,
          "the model scores \(classes) classes (\(layout.decoder.rawValue) outputs \(model.outputs.map(\.description).joined(separator: ", "))), but 'labels' names \(labels.count)"
        )
      }
    }
  }

  /// The input tensor's width and height.
  public var inputSize: (width: Int, height: Int) { (filler.width, filler.height) }

  /// Detects in every image `load` gives, in order; each load runs on a worker thread. A failure of
  /// one image (its decoding) is its own; a failed inference fails that batch's images.
  public func detect(_ loads: [@Sendable () throws -> RGBImage]) -> [Result<ImageResult, Error>] {
    let batch = options.batch
    let chunks = stride(from: 0, to: loads.count, by: batch).map {
      Array(loads[$0..<min($0 + batch, loads.count)])
    }
    var results: [Result<ImageResult, Error>] = []
    var prepared = prepare(chunks.first ?? [])
    for index in chunks.indices {
      let current = prepared
      let next = PreparedBox()
      let group = DispatchGroup()
      if index + 1 < chunks.count {
        DispatchQueue.global(qos: .userInitiated).async(group: group) {
          next.value = self.prepare(chunks[index + 1])
        }
      }
      results += run(current)
      group.wait()
      if let value = next.value { prepared = value }
    }
    return results
  }

  /// One batch's input tensor, each image's placement, or why it could not be read.
  struct Prepared: Sendable {
    var tensor: [Float]
    var slots: [Result<Placement, Error>]
  }

  private final class PreparedBox: @unchecked Sendable {
    var value: Prepared?
  }

  /// Decodes and fills every image of a batch at once, one per core.
  private func prepare(_ loads: [@Sendable () throws -> RGBImage]) -> Prepared {
    let plane = 3 * filler.width * filler.height
    var tensor = [Float](repeating: 0, count: plane * options.batch)
    let slots = SlotBox(count: loads.count)
    tensor.withUnsafeMutableBufferPointer { buffer in
      let whole = UnsafeMutableBufferPointerBox(buffer)
      DispatchQueue.concurrentPerform(iterations: loads.count) { i in
        let slot = UnsafeMutableBufferPointer(rebasing: whole.buffer[(i * plane)..<((i + 1) * plane)])
        do {
          let image = try loads[i]()
          slots.set(i, .success(filler.fill(image, into: slot)))
        } catch {
          slots.set(i, .failure(error))
        }
      }
    }
    return Prepared(tensor: tensor, slots: slots.values)
  }

  /// Runs a prepared batch and decodes each image's boxes.
  private func run(_ prepared: Prepared) -> [Result<ImageResult, Error>] {
    guard prepared.slots.contains(where: { (try? $0.get()) != nil }) else {
      return prepared.slots.map { $0.map { _ in ImageResult(width: 0, height: 0, detections: []) } }
    }
    var tensor = prepared.tensor
    let outputs: [OutputTensor]
    do {
      outputs = try model.infer(&tensor)
    } catch {
      return prepared.slots.map { $0.flatMap { _ in .failure(error) } }
    }
    return prepared.slots.enumerated().map { item, slot in
      slot.flatMap { place in Result { try self.detections(outputs, item: item, place: place) } }
    }
  }

  private func detections(_ outputs: [OutputTensor], item: Int, place: Placement) throws -> ImageResult {
    let candidates = try layout.decode(
      outputs, item: item, inputWidth: filler.width, inputHeight: filler.height,
      floor: options.confidenceFloor,
      labelCount: options.labels?.count)
    let kept =
      layout.decoder.usesNMS
      ? NonMaximumSuppression.apply(candidates, iou: options.iou, limit: options.maxDetections)
      : NonMaximumSuppression.apply(candidates, iou: 1.1, limit: options.maxDetections)
    let detections = kept.compactMap { c -> Detection? in
      let (x0, y0, x1, y1) = place.normalized((c.x0, c.y0, c.x1, c.y1))
      guard x1 > x0, y1 > y0 else { return nil }
      let label =
        options.labels.flatMap { c.classIndex < $0.count ? $0[c.classIndex] : nil } ?? "class_\(c.classIndex)"
      return Detection(
        left: x0, top: y0, right: x1, bottom: y1, classIndex: c.classIndex, label: label, score: c.score)
    }
    return ImageResult(width: place.imageWidth, height: place.imageHeight, detections: detections)
  }
}

/// Results written by concurrent workers, each to its own index.
private final class SlotBox: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [Result<Placement, Error>]

  init(count: Int) {
    slots = Array(
      repeating: .failure(OpenVINOError(.inference, "internal error: image not prepared")), count: count)
  }

  func set(_ index: Int, _ value: Result<Placement, Error>) {
    lock.lock()
    slots[index] = value
    lock.unlock()
  }

  var values: [Result<Placement, Error>] {
    lock.lock()
    defer { lock.unlock() }
    return slots
  }
}

/// A buffer shared by workers that write disjoint parts of it.
private struct UnsafeMutableBufferPointerBox: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<Float>
  init(_ buffer: UnsafeMutableBufferPointer<Float>) { self.buffer = buffer }
}
